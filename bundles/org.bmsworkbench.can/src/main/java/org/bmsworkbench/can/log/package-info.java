/**
 * Streaming readers and writers for CAN logs: candump {@code -L}, plain candump, Vector ASC, PEAK TRC,
 * Yacht Devices RAW, canboat CSV and Vector BLF.
 */
@Export
@Version("1.3.0")
package org.bmsworkbench.can.log;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
