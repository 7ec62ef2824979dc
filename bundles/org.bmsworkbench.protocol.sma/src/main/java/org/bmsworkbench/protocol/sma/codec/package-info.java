/**
 * The frame codec of the SMA (Sunny Island) protocol of the MG Master LV, guide 1.3: one
 * {@link org.bmsworkbench.protocol.sma.codec.MessageCodec} per CAN id, built from
 * {@link org.bmsworkbench.protocol.sma.codec.SignalField}s, gathered in a
 * {@link org.bmsworkbench.protocol.sma.codec.SmaCodec} that a protocol extends with more ids
 * (General BMS, guide 1.4, adds 0x373, 0x378, 0x380/0x381) and names with its own protocol id.
 * Plain Java: no OSGi imports other than these annotations.
 */
@Export
@Version("1.4.0")
package org.bmsworkbench.protocol.sma.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
