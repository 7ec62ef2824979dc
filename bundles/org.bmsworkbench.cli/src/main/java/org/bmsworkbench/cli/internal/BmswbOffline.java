package org.bmsworkbench.cli.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service property {@code bmswb.offline} of the entry point: the first words of a command line
 * that the entry answers itself without opening a connection (help, version, the completion
 * script). For those, as for a command with {@code command.offline}, the launcher does not start
 * the transport bundles.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface BmswbOffline {
    String[] value();
}
