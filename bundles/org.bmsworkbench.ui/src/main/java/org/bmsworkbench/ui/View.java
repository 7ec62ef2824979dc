package org.bmsworkbench.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service properties of a {@link WorkbenchView}: {@code view.id} (unique, remembered in the
 * layout), {@code view.label} (the tab text) and {@code view.order} (tabs sorted ascending).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface View {
    String PREFIX_ = "view.";

    String id();

    String label();

    int order() default 100;
}
