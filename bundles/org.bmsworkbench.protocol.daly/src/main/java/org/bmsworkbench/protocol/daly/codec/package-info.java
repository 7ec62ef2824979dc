/**
 * The Daly smart BMS protocol: 13-byte UART/RS485 frames found in a byte stream
 * ({@link org.bmsworkbench.protocol.daly.codec.DalyStreamReader}), the same data ids over CAN,
 * the decoder that turns both into model keys
 * ({@link org.bmsworkbench.protocol.daly.codec.DalyDecoder}) and the encoder of requests,
 * MOSFET commands and replies ({@link org.bmsworkbench.protocol.daly.codec.DalyCodec}). Plain
 * Java: no OSGi imports other than these annotations.
 */
@Export
@Version("1.0.0")
package org.bmsworkbench.protocol.daly.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
