package org.bmsworkbench.cli.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/** Service property {@code bmswb.entry}: the launcher looks up the entry point with {@code (bmswb.entry=main)}. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface BmswbEntry {
    String value();
}
