/**
 * CAN frames, connection URIs, the transport SPI and live connections.
 */
@Export
@Version("1.6.0")
package org.bmsworkbench.can;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
