package org.bmsworkbench.can;

import java.util.Objects;

/**
 * An adapter a transport found on this machine (a serial port, a SocketCAN interface), for
 * {@code bmswb adapters} and the connect dialog.
 *
 * @param scheme      the transport scheme that opens it ({@code slcan}, {@code socketcan}, ...)
 * @param uri         a URI that opens it with default options, e.g. {@code slcan:/dev/ttyACM0}
 * @param name        the system name: {@code /dev/ttyACM0}, {@code COM3}, {@code can0}
 * @param description what the system says it is ("CANable2 b158aa7 github.com/normaldotcom/canable2.git")
 * @param vendorId    USB vendor id, or -1 when not a USB device or unknown
 * @param productId   USB product id, or -1 when not a USB device or unknown
 * @param knownAdapter the name of a CAN adapter recognised from its ids or description
 *                    ("CANable (candleLight/slcan)", "USBtin", ...), or empty when not recognised
 */
public record DiscoveredAdapter(String scheme, String uri, String name, String description,
        int vendorId, int productId, String knownAdapter) {

    public DiscoveredAdapter {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        knownAdapter = knownAdapter == null ? "" : knownAdapter;
    }

    /** True if the ids or the description identify a known CAN adapter. */
    public boolean isKnownCanAdapter() {
        return !knownAdapter.isEmpty();
    }

    /** {@code "16d0:117e"}, or empty when the ids are unknown. */
    public String usbIds() {
        return vendorId < 0 || productId < 0 ? "" : String.format("%04x:%04x", vendorId, productId);
    }
}
