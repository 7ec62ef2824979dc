package org.bmsworkbench.service.unlock.internal;

import java.util.Map;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.service.unlock.DeviceIdentity;
import org.bmsworkbench.service.unlock.DeviceKind;
import org.bmsworkbench.simulator.SimulatorOptions;

/**
 * Who a device is: the serial number the BMS sends ({@code bms.serial}: General BMS 0x380/0x381,
 * VREG 0x010A), else for the embedded simulator the serial of its {@code sim:} URI (the one its
 * unlock code is computed from), else unknown; product id and firmware as read.
 */
public final class DeviceIdentities {
    private DeviceIdentities() {
    }

    public static DeviceIdentity identify(ConnectionUri uri, Map<String, ?> values, DeviceProfile profile) {
        DeviceKind kind = DeviceKind.of(uri);
        String serial = null;
        String source = "none";
        if (values.get("bms.serial") instanceof String s && !s.isBlank()) {
            serial = s.strip();
            source = "bms.serial";
        } else if (kind == DeviceKind.SIMULATED) {
            try {
                serial = SimulatorOptions.parse(uri).serial();
                source = "sim: URI";
            } catch (IllegalArgumentException e) {
                // an unusable sim: URI has no device behind it
            }
        }
        Integer productId = values.get("bms.product_id") instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        String productName = productId == null ? "" : profile.productName(productId);
        String firmware = values.get("bms.firmware") instanceof String f ? f : "";
        return new DeviceIdentity(serial, source, productId, productName, firmware, kind);
    }
}
