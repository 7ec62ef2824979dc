/**
 * The {@code bmswb} command SPI: a plugin adds a sub-command by registering a {@link org.bmsworkbench.cli.Command}.
 */
@Export
@Version("1.1.0")
package org.bmsworkbench.cli;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
