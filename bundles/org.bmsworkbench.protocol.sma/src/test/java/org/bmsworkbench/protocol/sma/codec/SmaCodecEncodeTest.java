package org.bmsworkbench.protocol.sma.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class SmaCodecEncodeTest {
    private final SmaCodec codec = new SmaCodec("sma");

    private CanFrame encode(String message, Map<String, ?> values) {
        return codec.encode(message, values, "can0", Frames.TIME);
    }

    private void assertOutOfRange(String message, String key, Object value, String range) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encode(message, values));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(range), e.getMessage());
    }

    // guide 1.3.2 BMS Limits: 0x351, un16 0.1 V, sn16 0.1 A, sn16 0.1 A, un16 0.1 V
    @Test
    void bmsLimits() {
        CanFrame f = encode("bms_limits", Map.of("limit.charge_voltage", 55.2, "limit.charge_current", 100.0,
                "limit.discharge_current", 150, "limit.discharge_voltage", 44.8));
        assertEquals(0x351, f.id());
        assertFalse(f.extended());
        assertEquals("can0", f.bus());
        assertEquals(Frames.TIME, f.timestampMicros());
        assertEquals(8, f.dlc());
        assertEquals("2802E803DC05C001", f.dataHex());
    }

    @Test
    void negativeCurrent() {
        assertEquals("C01485FFD700", encode("battery_basic_info",
                Map.of("pack.voltage", 53.12, "pack.current", -12.3, "pack.temperature", 21.5)).dataHex());
        assertEquals("CEFF", encode("bms_limits", Map.of("limit.charge_current", -5.0)).dataHex().substring(4, 8));
    }

    // guide 1.3.2 Battery status: 0x355, 6 bytes; whole percent from any Number
    @Test
    void batteryStatus() {
        CanFrame f = encode("battery_status", Map.of("soc", 87L, "soh", 100, "soc.precise", 87.45));
        assertEquals(6, f.dlc());
        assertEquals("570064002922", f.dataHex());
        assertEquals("5700", encode("battery_status", Map.of("soc", 87.0)).dataHex().substring(0, 4));
    }

    // guide 1.3: absent or null keys are sent as the not-available marker
    @Test
    void absentAndNullAreMarkers() {
        assertEquals("FFFF00800080FFFF", encode("bms_limits", Map.of()).dataHex());
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("pack.voltage", null);
        nulls.put("pack.current", null);
        assertEquals("FFFF00800080", encode("battery_basic_info", nulls).dataHex());
        assertEquals("FFFFFFFFFFFFFFFF", encode("system_information", Map.of()).dataHex());
    }

    @Test
    void otherKeysAreIgnored() {
        assertEquals("FFFF00800080", encode("battery_basic_info", Map.of("soc", 87L, "alarm.general", "raised"))
                .dataHex());
    }

    @Test
    void outOfRangeNamesKeyAndRange() {
        assertOutOfRange("bms_limits", "limit.charge_voltage", 7000.0, "0.0..6553.4 V");
        assertOutOfRange("bms_limits", "limit.charge_voltage", -0.1, "0.0..6553.4 V");
        assertOutOfRange("bms_limits", "limit.charge_current", 3276.8, "-3276.7..3276.7 A");
        assertOutOfRange("battery_basic_info", "pack.current", -4000, "-3276.7..3276.7 A");
        assertOutOfRange("battery_basic_info", "pack.voltage", 655.35, "0.0..655.34 V");
        assertOutOfRange("battery_status", "soc", -1, "0..65534 %");
        assertOutOfRange("system_information", "bms.type_id", 65535, "0..65534");
        assertOutOfRange("battery_basic_info", "pack.temperature", Double.NaN, "-3276.7..3276.7 °C");
        assertOutOfRange("battery_basic_info", "pack.temperature", 1e300, "-3276.7..3276.7 °C");
    }

    @Test
    void wrongTypeIsRejected() {
        assertOutOfRange("battery_status", "soc", "87", "not a number");
        assertOutOfRange("alarms_warnings", "alarm.general", "on", "not \"raised\", \"cleared\" or null");
        assertOutOfRange("events", "event.preventive_shutdown", 1, "not true, false or null");
        assertOutOfRange("manufacturer_name", "bms.manufacturer", 42, "not text");
        assertOutOfRange("system_information", "bms.firmware", 1.24, "not a version");
    }

    @Test
    void errorNamesTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encode("bms_limits", Map.of("limit.charge_voltage", 7000.0)));
        assertTrue(e.getMessage().startsWith("0x351 bms_limits: "), e.getMessage());
    }

    @Test
    void unknownMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encode("battery_cell_info", Map.of()));
        assertTrue(e.getMessage().contains("battery_cell_info"), e.getMessage());
    }

    // guide 1.3.2 Alarm and warning information: raised 1, cleared 2, nothing 0, reserved 0
    @Test
    void alarms() {
        Map<String, Object> values = new HashMap<>();
        for (String name : SmaMessages.ALARM_NAMES) {
            values.put("alarm." + name, "cleared");
            values.put("warning." + name, "cleared");
        }
        values.put("warning.high_temperature", "raised");
        assertEquals("AAAAAA026AAAAA02", encode("alarms_warnings", values).dataHex());
        assertEquals("0000000000000000", encode("alarms_warnings", Map.of()).dataHex());
        assertEquals("0000000100000000", encode("alarms_warnings", Map.of("alarm.cell_imbalance", "raised")).dataHex());
        assertEquals("0000000000000002", encode("alarms_warnings", Map.of("warning.cell_imbalance", "cleared"))
                .dataHex());
        assertEquals("0000000000004000", encode("alarms_warnings", Map.of("warning.bms_internal", "raised"))
                .dataHex());
    }

    // guide 1.3.2 Event information: the guide defines byte 0 only, so the frame is one byte
    @Test
    void events() {
        CanFrame f = encode("events", Map.of("event.preventive_shutdown", true));
        assertEquals(1, f.dlc());
        assertEquals("10", f.dataHex());
        assertEquals("00", encode("events", Map.of("event.preventive_shutdown", false)).dataHex());
        assertEquals("00", encode("events", Map.of()).dataHex());
    }

    // guide 1.3.2 Manufacturer name: eight characters, NUL padded
    @Test
    void manufacturerName() {
        assertEquals("4D472D424D530000", encode("manufacturer_name", Map.of("bms.manufacturer", "MG-BMS")).dataHex());
        assertEquals("0000000000000000", encode("manufacturer_name", Map.of()).dataHex());
        assertOutOfRange("manufacturer_name", "bms.manufacturer", "MG-BMS-LONG", "longer than 8");
        assertOutOfRange("manufacturer_name", "bms.manufacturer", "MG-BMS\u00e9", "printable ASCII");
    }

    // guide 1.3.2 System Information: 0x3A9B -> 15003, 0x0118 MSB first -> V1.24, 400 Ah, configuration 1
    @Test
    void systemInformation() {
        CanFrame f = encode("system_information", Map.of("bms.type_id", 15003L, "bms.firmware", "1.24",
                "capacity.installed", 400L, "bms.hw_config", 1));
        assertEquals("9B3A011890010100", f.dataHex());
        assertEquals("0205", encode("system_information", Map.of("bms.firmware", "2.05")).dataHex().substring(4, 8));
        assertOutOfRange("system_information", "bms.firmware", "1.5", "not a version");
        assertOutOfRange("system_information", "bms.firmware", "256.00", "outside");
    }
}
