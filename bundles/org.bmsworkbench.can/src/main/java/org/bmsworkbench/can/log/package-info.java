/**
 * Streaming readers and writers for CAN logs: candump {@code -L}, plain candump and Vector ASC.
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.can.log;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
