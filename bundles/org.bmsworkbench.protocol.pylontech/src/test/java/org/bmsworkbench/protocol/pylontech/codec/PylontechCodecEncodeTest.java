package org.bmsworkbench.protocol.pylontech.codec;

import static org.bmsworkbench.protocol.pylontech.codec.Frames.TIME;
import static org.bmsworkbench.protocol.pylontech.codec.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class PylontechCodecEncodeTest {
    private final PylontechCodec codec = new PylontechCodec();

    private CanFrame encode(String message, Map<String, ?> signals) {
        return codec.encode(message, signals, "can0", TIME);
    }

    @Test
    void capturedFramesComeOutByteForByte() {
        assertEquals(frame(0x351, 0x14, 0x02, 0xC0, 0x12, 0xC0, 0x12, 0xC2, 0x01), encode("bms_limits",
                Map.of("limit.charge_voltage", 53.2, "limit.charge_current", 480.0, "limit.discharge_current", 480.0,
                        "limit.discharge_voltage", 45.0)));
        assertEquals(frame(0x355, 0x1A, 0x00, 0x64, 0x00), encode("battery_status", Map.of("soc", 26L, "soh", 100L)));
        assertEquals(frame(0x356, 0x7A, 0x13, 0xF2, 0xFE, 0x6B, 0x01), encode("battery_basic_info",
                Map.of("pack.voltage", 49.86, "pack.current", -27.0, "pack.temperature", 36.3)));
        assertEquals(frame(0x35C, 0xC0, 0x00), encode("charge_requests",
                Map.of("pylontech.request.charge_enable", true, "pylontech.request.discharge_enable", true)));
        assertEquals(frame(0x35E, 'P', 'Y', 'L', 'O', 'N', ' ', ' ', ' '), encode("manufacturer_name",
                Map.of("bms.manufacturer", "PYLON")));
    }

    @Test
    void protectionFlagsAndModuleCount() {
        Map<String, Object> s = new HashMap<>();
        s.put("alarm.high_voltage", "raised");
        s.put("warning.bms_internal", "raised");
        s.put("alarm.low_voltage", "cleared");
        s.put("warning.low_voltage", null);
        s.put("pylontech.module_count", 6L);
        assertEquals(frame(0x359, 0x02, 0x00, 0x00, 0x08, 6, 'P', 'N'), encode("protection_alarms", s));
    }

    @Test
    void absentValuesBecomeMarkersOrZero() {
        assertEquals(frame(0x356, 0x00, 0x80, 0x00, 0x80, 0x00, 0x80), encode("battery_basic_info", Map.of()));
        assertEquals(frame(0x355, 0xFF, 0xFF, 0xFF, 0xFF), encode("battery_status", Map.of()));
        assertEquals(frame(0x359, 0, 0, 0, 0, 0, 'P', 'N'), encode("protection_alarms", Map.of()));
        assertEquals(frame(0x35C, 0, 0), encode("charge_requests", Map.of()));
        assertEquals(frame(0x35E, ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '), encode("manufacturer_name", Map.of()));
    }

    @Test
    void badValuesAreRejectedNamingMessageKeyAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encode("battery_basic_info", Map.of("pack.voltage", 400.0)));
        assertEquals("battery_basic_info: pack.voltage = 400.0 is outside -327.67..327.67", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> encode("battery_status", Map.of("soc", -1L)));
        assertEquals("battery_status: soc = -1 is outside 0..65534", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> encode("battery_status", Map.of("soc", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> encode("battery_status", Map.of("soc", "87")));
        assertThrows(IllegalArgumentException.class, () -> encode("protection_alarms", Map.of("alarm.high_voltage", "on")));
        assertThrows(IllegalArgumentException.class, () -> encode("protection_alarms", Map.of("pylontech.module_count", 256)));
        assertThrows(IllegalArgumentException.class, () -> encode("charge_requests", Map.of("pylontech.request.full_charge", 1)));
        assertThrows(IllegalArgumentException.class, () -> encode("manufacturer_name", Map.of("bms.manufacturer", "PYLONTECH")));
        e = assertThrows(IllegalArgumentException.class, () -> encode("alarms", Map.of()));
        assertEquals("unknown message 'alarms' of pylontech (known: bms_limits, battery_status, battery_basic_info, "
                + "protection_alarms, charge_requests, manufacturer_name)", e.getMessage());
    }
}
