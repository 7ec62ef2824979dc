/**
 * The serial port layer shared by the {@code slcan:} and {@code serial:} transports: ports opened
 * by name ({@link org.bmsworkbench.serialport.SerialPorts}), an open port as a channel uses it
 * ({@link org.bmsworkbench.serialport.SerialLine}), and their jSerialComm implementation
 * ({@link org.bmsworkbench.serialport.JSerialCommPorts}). What goes over the line is the
 * transport's business.
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.serialport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
