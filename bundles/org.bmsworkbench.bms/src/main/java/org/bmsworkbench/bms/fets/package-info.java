/**
 * Switching a cell-level BMS's charge and discharge MOSFETs (JBD, Daly, ...): the SPI a protocol
 * bundle offers for its make, used by the lockout reset of {@code bmswb fets} and the window.
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.bms.fets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
