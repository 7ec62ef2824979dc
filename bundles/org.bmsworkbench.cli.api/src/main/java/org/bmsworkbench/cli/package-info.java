/**
 * The {@code bmswb} command SPI: a plugin adds a sub-command by registering a
 * {@link org.bmsworkbench.cli.Command} that contributes a picocli command for each run.
 * 2.0.0: options are declared with picocli ({@code Command.commandLine}) instead of parsed by
 * hand ({@code Arguments}, {@code summary()}, {@code help()} and {@code CommandContext.args} are gone).
 * 2.1.0: {@link org.bmsworkbench.cli.CommandSummary} (service property {@code command.summary}), the line
 * {@code bmswb --help} shows, so that listing the commands activates none of them.
 * 2.2.0: {@link org.bmsworkbench.cli.CommandOffline} (service property {@code command.offline}): a command
 * that opens no connection runs without the transport bundles started.
 */
@Export
@Version("2.2.0")
package org.bmsworkbench.cli;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
