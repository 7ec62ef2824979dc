/**
 * Building blocks for transport implementations: what every transport whose link can go away
 * would otherwise write again ({@link org.bmsworkbench.can.spi.Reconnection}, the reconnect loop
 * with back-off).
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.can.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
