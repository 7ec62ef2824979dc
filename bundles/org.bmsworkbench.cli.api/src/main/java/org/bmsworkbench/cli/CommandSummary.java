package org.bmsworkbench.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service property {@code command.summary} of a {@link Command}: its line in {@code bmswb --help},
 * the same text as the first line of the picocli {@code @Command}'s description. With it,
 * {@code bmswb --help} lists the command from its service properties alone, without activating
 * its component or building its command line; a command without it is activated to be listed.
 *
 * @since 2.1
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CommandSummary {
    String value();
}
