package org.bmsworkbench.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service properties of a {@link WorkbenchTool}: {@code tool.id} (e.g. {@code unlock}) and
 * {@code tool.label} (the Tools menu text, e.g. "Unlock Safety lock…").
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Tool {
    String PREFIX_ = "tool.";

    String id();

    String label();
}
