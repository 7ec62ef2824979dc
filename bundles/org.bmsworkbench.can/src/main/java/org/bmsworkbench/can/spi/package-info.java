/**
 * Building blocks for transport implementations: what every transport whose link can go away
 * would otherwise write again ({@link org.bmsworkbench.can.spi.Reconnection}, the reconnect loop
 * with back-off), and what the native adapter transports share ({@link
 * org.bmsworkbench.can.spi.AdapterChannel}, their channel's reader, reconnect and close; {@link
 * org.bmsworkbench.can.spi.NativeLibrary} and {@link org.bmsworkbench.can.spi.VendorLibrary}, loading
 * the native part on first use; {@link org.bmsworkbench.can.spi.OpenChannels}, closing a transport's
 * channels when it stops; {@link
 * org.bmsworkbench.can.spi.AdapterTime}, an adapter's clock to wall-clock time; {@link
 * org.bmsworkbench.can.spi.Bitrates}, the {@code bitrate=} option).
 */
@Export
@Version("1.2.0")
package org.bmsworkbench.can.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
