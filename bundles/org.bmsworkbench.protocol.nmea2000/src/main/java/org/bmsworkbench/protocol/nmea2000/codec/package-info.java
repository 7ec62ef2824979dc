/**
 * The NMEA 2000 codec of the MG Master LV, guide 1.5: PGN 127508 Battery Status
 * ({@link org.bmsworkbench.protocol.nmea2000.codec.BatteryStatus}), PGN 127506 DC Detailed Status
 * ({@link org.bmsworkbench.protocol.nmea2000.codec.DcDetailedStatus}), the mapping of both onto the
 * model keys ({@link org.bmsworkbench.protocol.nmea2000.codec.Nmea2000Codec}), and fast-packet
 * reassembly and splitting ({@link org.bmsworkbench.protocol.nmea2000.codec.FastPacketAssembler},
 * {@link org.bmsworkbench.protocol.nmea2000.codec.FastPacketEncoder}); since 1.1.0 the network management of
 * ISO 11783-5 / J1939-81 as NMEA 2000 uses it ({@link org.bmsworkbench.protocol.nmea2000.codec.IsoName},
 * {@link org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages},
 * {@link org.bmsworkbench.protocol.nmea2000.codec.ProductInformation},
 * {@link org.bmsworkbench.protocol.nmea2000.codec.Manufacturers},
 * {@link org.bmsworkbench.protocol.nmea2000.codec.DeviceClasses}) and which source is the MG Master LV
 * ({@link org.bmsworkbench.protocol.nmea2000.codec.SourceIdentities}). Plain Java: no OSGi imports
 * other than these annotations, no static state.
 */
@Export
@Version("1.2.0")
package org.bmsworkbench.protocol.nmea2000.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
