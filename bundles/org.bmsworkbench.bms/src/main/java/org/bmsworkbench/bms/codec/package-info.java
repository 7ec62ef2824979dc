/**
 * Byte-level helpers shared by protocol codecs: little-endian fields, not-available markers, exact decimal scaling. No OSGi imports.
 */
@Export
@Version("1.2.0")
package org.bmsworkbench.bms.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
