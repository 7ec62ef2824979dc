/**
 * The protocol-neutral BMS model: signal catalogue, the protocol SPI, the per-connection model.
 */
@Export
@Version("1.5.0")
package org.bmsworkbench.bms;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
