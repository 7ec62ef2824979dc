/**
 * The JBD (Jiabaida, Xiaoxiang, Overkill Solar) BMS protocol over UART and RS485: frames
 * ({@link org.bmsworkbench.protocol.jbd.codec.JbdFrame}), finding them in a byte stream that
 * arrives in chunks ({@link org.bmsworkbench.protocol.jbd.codec.JbdStreamDecoder}), and the
 * register codec onto model keys ({@link org.bmsworkbench.protocol.jbd.codec.JbdCodec}). Plain
 * Java: no OSGi imports other than these annotations.
 */
@Export
@Version("1.1.0")
package org.bmsworkbench.protocol.jbd.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
