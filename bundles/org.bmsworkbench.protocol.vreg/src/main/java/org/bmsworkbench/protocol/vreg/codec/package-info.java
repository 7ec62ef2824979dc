/**
 * The VREG registers of the MG Master LV, guide 1.5.4: the register catalogue as data
 * ({@link org.bmsworkbench.protocol.vreg.codec.VregCatalogue}) and the frame codec
 * ({@link org.bmsworkbench.protocol.vreg.codec.VregCodec}) that decodes values, requests and
 * ACKs and encodes them (the simulator answers with them). Plain Java: no OSGi imports other
 * than these annotations.
 */
@Export
@Version("1.3.0")
package org.bmsworkbench.protocol.vreg.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
