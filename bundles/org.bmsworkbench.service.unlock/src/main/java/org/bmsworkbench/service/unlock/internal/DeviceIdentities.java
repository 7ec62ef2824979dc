package org.bmsworkbench.service.unlock.internal;

import java.util.Map;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.SimulatedDevice;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.service.unlock.DeviceIdentity;
import org.bmsworkbench.service.unlock.DeviceKind;

/**
 * Who a device is: the serial number the BMS sends ({@code bms.serial}: General BMS 0x380/0x381,
 * VREG 0x010A), else for the embedded simulator the serial its channel offers as
 * {@link SimulatedDevice} (the one its unlock code is computed from), else unknown; product id
 * and firmware as read, the product's name from the device profile. The kind follows the URI
 * scheme ({@link DeviceKind#of}).
 */
public final class DeviceIdentities {
    private DeviceIdentities() {
    }

    public static DeviceIdentity identify(Connection connection, Map<String, ?> values, DeviceProfile profile) {
        DeviceKind kind = DeviceKind.of(connection.uri());
        String serial = null;
        String source = "none";
        if (values.get("bms.serial") instanceof String s && !s.isBlank()) {
            serial = s.strip();
            source = "bms.serial";
        } else if (kind == DeviceKind.SIMULATED) {
            var simulated = connection.control(SimulatedDevice.class);
            if (simulated.isPresent()) {
                serial = simulated.get().serial();
                source = "sim: URI";
            }
        }
        Integer productId = values.get("bms.product_id") instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        String productName = productId == null ? "" : profile.productName(productId);
        String firmware = values.get("bms.firmware") instanceof String f ? f : "";
        return new DeviceIdentity(serial, source, productId, productName, firmware, kind);
    }
}
