package org.bmsworkbench.service.unlock;

import java.util.Objects;

/**
 * Who the device is, as far as it can be told.
 *
 * @param serial       the serial number, or {@code "unknown"}
 * @param serialSource where the serial came from: {@code bms.serial} (0x380/0x381 or VREG 0x010A),
 *                     {@code sim: URI}, or {@code none}
 * @param productId    VREG 0x0100, or null
 * @param productName  the profile's name for it, or empty
 * @param firmware     {@code bms.firmware}, or empty
 * @param kind         simulated, real or a recording (see {@link DeviceKind})
 */
public record DeviceIdentity(String serial, String serialSource, Integer productId, String productName,
        String firmware, DeviceKind kind) {
    public static final String UNKNOWN = "unknown";

    public DeviceIdentity {
        serial = serial == null || serial.isBlank() ? UNKNOWN : serial;
        Objects.requireNonNull(serialSource, "serialSource");
        productName = productName == null ? "" : productName;
        firmware = firmware == null ? "" : firmware;
        Objects.requireNonNull(kind, "kind");
    }

    public boolean serialKnown() {
        return !serial.equals(UNKNOWN);
    }
}
