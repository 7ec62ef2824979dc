package org.bmsworkbench.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Service property {@code command.offline=true} of a {@link Command}: the command opens no
 * connection (it reads files, lists what is installed, prints), so {@code bmswb} runs it without
 * starting the transport bundles. A command without it gets every transport, as before; only
 * declare it when no part of the command (no subcommand, no option) opens a bus.
 *
 * @since 2.2
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CommandOffline {
}
