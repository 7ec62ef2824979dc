package org.bmsworkbench.protocol.sma.codec;

import static org.bmsworkbench.protocol.sma.codec.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmaCodecDecodeTest {
    private final SmaCodec codec = new SmaCodec("sma");

    private DecodedMessage decode(int id, String hex) throws MalformedFrameException {
        return codec.decode(frame(id, hex));
    }

    private static void assertNumber(double expected, Object actual) {
        Double d = assertInstanceOf(Double.class, actual);
        assertEquals(expected, d.doubleValue(), 0.0);
    }

    private static void assertWhole(long expected, Object actual) {
        assertTrue(actual instanceof Long || actual instanceof Integer, "a whole number, not " + actual);
        assertEquals(expected, ((Number) actual).longValue());
    }

    // guide 1.3.2 BMS Limits: 0x351, un16 0.1 V, sn16 0.1 A, sn16 0.1 A, un16 0.1 V
    @Test
    void bmsLimits() throws Exception {
        DecodedMessage m = decode(0x351, "2802" + "E803" + "DC05" + "C001"); // 552, 1000, 1500, 448
        assertEquals("sma", m.protocol());
        assertEquals("bms_limits", m.message());
        assertEquals(List.of("limit.charge_voltage", "limit.charge_current", "limit.discharge_current",
                "limit.discharge_voltage"), List.copyOf(m.signals().keySet()));
        assertNumber(55.2, m.signals().get("limit.charge_voltage"));
        assertNumber(100.0, m.signals().get("limit.charge_current"));
        assertNumber(150.0, m.signals().get("limit.discharge_current"));
        assertNumber(44.8, m.signals().get("limit.discharge_voltage"));
    }

    // guide 1.3.2 BMS Limits: the current limits are sn16
    @Test
    void bmsLimitsNegativeCurrents() throws Exception {
        DecodedMessage m = decode(0x351, "2802" + "CEFF" + "01FF" + "C001"); // -50, -255
        assertNumber(-5.0, m.signals().get("limit.charge_current"));
        assertNumber(-25.5, m.signals().get("limit.discharge_current"));
    }

    // guide 1.3: invalid un16 is 0xFFFF, sn16 0x8000
    @Test
    void bmsLimitsNotAvailable() throws Exception {
        DecodedMessage m = decode(0x351, "FFFF" + "0080" + "0080" + "FFFF");
        assertEquals(4, m.signals().size());
        m.signals().forEach((k, v) -> assertNull(v, k));
    }

    // guide 1.3.2 Battery status: 0x355, un16 1 %, un16 1 %, un16 0.01 %
    @Test
    void batteryStatus() throws Exception {
        DecodedMessage m = decode(0x355, "5700" + "6400" + "2922"); // 87, 100, 8745
        assertEquals("battery_status", m.message());
        assertWhole(87, m.signals().get("soc"));
        assertEquals("87", m.signals().get("soc").toString());
        assertWhole(100, m.signals().get("soh"));
        assertNumber(87.45, m.signals().get("soc.precise"));
        assertEquals("87.45", m.signals().get("soc.precise").toString());
    }

    // guide 1.3.2 Battery status: 6 bytes in the guide, 8 accepted
    @Test
    void batteryStatusLongerDlc() throws Exception {
        DecodedMessage m = decode(0x355, "5700" + "6400" + "2922" + "0000");
        assertWhole(87, m.signals().get("soc"));
        assertEquals(3, m.signals().size());
    }

    @Test
    void batteryStatusNotAvailable() throws Exception {
        DecodedMessage m = decode(0x355, "FFFFFFFFFFFF");
        assertEquals(3, m.signals().size());
        m.signals().forEach((k, v) -> assertNull(v, k));
    }

    // guide 1.3.2 Battery basic info: 0x356, un16 0.01 V, sn16 0.1 A, sn16 0.1 °C
    @Test
    void batteryBasicInfo() throws Exception {
        DecodedMessage m = decode(0x356, "C014" + "85FF" + "D700"); // 5312, -123, 215
        assertEquals("battery_basic_info", m.message());
        assertNumber(53.12, m.signals().get("pack.voltage"));
        assertEquals("53.12", m.signals().get("pack.voltage").toString());
        assertNumber(-12.3, m.signals().get("pack.current"));
        assertNumber(21.5, m.signals().get("pack.temperature"));
    }

    // guide 1.3.2 Battery basic info: charging current positive, temperature below zero
    @Test
    void batteryBasicInfoChargingInTheCold() throws Exception {
        DecodedMessage m = decode(0x356, "C014" + "F401" + "97FF" + "0000"); // 500, -105, 8 bytes
        assertNumber(50.0, m.signals().get("pack.current"));
        assertNumber(-10.5, m.signals().get("pack.temperature"));
    }

    @Test
    void batteryBasicInfoNotAvailable() throws Exception {
        DecodedMessage m = decode(0x356, "FFFF" + "0080" + "0080");
        assertTrue(m.signals().containsKey("pack.voltage"));
        assertNull(m.signals().get("pack.voltage"));
        assertNull(m.signals().get("pack.current"));
        assertNull(m.signals().get("pack.temperature"));
    }

    // guide 1.3.2 Alarm and warning information: 0x35A, two bits per alarm, 1 = raised, 2 = cleared.
    // key, byte, the mask of value 1 at its position
    @ParameterizedTest(name = "{0} at byte {1}")
    @CsvSource({
            "alarm.general, 0, 01", "alarm.high_voltage, 0, 04", "alarm.low_voltage, 0, 10",
            "alarm.high_temperature, 0, 40",
            "alarm.low_temperature, 1, 01", "alarm.high_temperature_charge, 1, 04",
            "alarm.low_temperature_charge, 1, 10", "alarm.high_current, 1, 40",
            "alarm.high_charge_current, 2, 01", "alarm.contactor, 2, 04", "alarm.short_circuit, 2, 10",
            "alarm.bms_internal, 2, 40",
            "alarm.cell_imbalance, 3, 01",
            "warning.general, 4, 01", "warning.high_voltage, 4, 04", "warning.low_voltage, 4, 10",
            "warning.high_temperature, 4, 40",
            "warning.low_temperature, 5, 01", "warning.high_temperature_charge, 5, 04",
            "warning.low_temperature_charge, 5, 10", "warning.high_current, 5, 40",
            "warning.high_charge_current, 6, 01", "warning.contactor, 6, 04", "warning.short_circuit, 6, 10",
            "warning.bms_internal, 6, 40",
            "warning.cell_imbalance, 7, 01"})
    void everyAlarmAtItsPosition(String key, int index, String maskHex) throws Exception {
        int one = Integer.parseInt(maskHex, 16);
        for (int value = 0; value <= 3; value++) {
            byte[] data = new byte[8];
            data[index] = (byte) (one * value);
            DecodedMessage m = codec.decode(CanFrame.of(Frames.TIME, "can0", 0x35A, false, data));
            assertEquals(26, m.signals().size());
            Object expected = value == 1 ? "raised" : value == 2 ? "cleared" : null;
            assertEquals(expected, m.signals().get(key), key + " = " + value);
            for (Map.Entry<String, Object> e : m.signals().entrySet()) {
                if (!e.getKey().equals(key)) {
                    assertNull(e.getValue(), e.getKey() + " while only " + key + " is set");
                }
            }
        }
    }

    // guide 1.3.2 Alarm and warning information: the thirteen names in guide order, alarms then warnings
    @Test
    void alarmKeysInGuideOrder() throws Exception {
        DecodedMessage m = decode(0x35A, "0000000000000000");
        List<String> names = List.of("general", "high_voltage", "low_voltage", "high_temperature",
                "low_temperature", "high_temperature_charge", "low_temperature_charge", "high_current",
                "high_charge_current", "contactor", "short_circuit", "bms_internal", "cell_imbalance");
        List<String> expected = new ArrayList<>();
        names.forEach(n -> expected.add("alarm." + n));
        names.forEach(n -> expected.add("warning." + n));
        assertEquals(expected, List.copyOf(m.signals().keySet()));
        assertEquals("alarms_warnings", m.message());
    }

    // guide 1.3.2: only 1 and 2 are defined; 0 and 3 carry no state
    @Test
    void alarmValuesZeroAndThreeAreNull() throws Exception {
        for (String hex : List.of("0000000000000000", "FFFFFFFFFFFFFFFF")) {
            DecodedMessage m = decode(0x35A, hex);
            assertEquals(26, m.signals().size());
            m.signals().forEach((k, v) -> assertNull(v, k + " in " + hex));
        }
    }

    // guide 1.3.2: byte 3 and 7 bits 2-7 are reserved and ignored
    @Test
    void alarmReservedBitsIgnored() throws Exception {
        DecodedMessage m = decode(0x35A, "AAAAAA" + "FE" + "5555" + "55" + "A9");
        assertEquals("cleared", m.signals().get("alarm.general"));
        assertEquals("cleared", m.signals().get("alarm.cell_imbalance"));
        assertEquals("raised", m.signals().get("warning.bms_internal"));
        assertEquals("raised", m.signals().get("warning.cell_imbalance"));
    }

    // guide 1.3.2 Event information: 0x35B byte 0 bit 4 = preventive battery shutdown
    @Test
    void preventiveShutdown() throws Exception {
        assertEquals(Boolean.TRUE, decode(0x35B, "10").signals().get("event.preventive_shutdown"));
        assertEquals(Boolean.FALSE, decode(0x35B, "00").signals().get("event.preventive_shutdown"));
        assertEquals(Boolean.FALSE, decode(0x35B, "EF").signals().get("event.preventive_shutdown"));
        assertEquals(Boolean.TRUE, decode(0x35B, "1000000000000000").signals().get("event.preventive_shutdown"));
        assertEquals("events", decode(0x35B, "00").message());
    }

    // guide 1.3.2 Manufacturer name: 0x35E, "MG-BMS" in ASCII
    @Test
    void manufacturerName() throws Exception {
        DecodedMessage m = decode(0x35E, "4D472D424D530000");
        assertEquals("manufacturer_name", m.message());
        assertEquals(Map.of("bms.manufacturer", "MG-BMS"), m.signals());
        assertEquals("MG-BMS", decode(0x35E, "4D472D424D532020").signals().get("bms.manufacturer"));
        assertEquals("MG-BMS", decode(0x35E, "4D472D424D53FFFF").signals().get("bms.manufacturer"));
    }

    @Test
    void manufacturerNameOfPaddingOnlyIsNull() throws Exception {
        DecodedMessage m = decode(0x35E, "0000000000000000");
        assertTrue(m.signals().containsKey("bms.manufacturer"));
        assertNull(m.signals().get("bms.manufacturer"));
    }

    // guide 1.3.2 System Information: 0x35F, type id 0x3A9B -> 15003, software 0x0118 MSB first -> V1.24,
    // capacity un16 1 Ah, hardware configuration un16
    @Test
    void systemInformation() throws Exception {
        DecodedMessage m = decode(0x35F, "9B3A" + "0118" + "9001" + "0100"); // 15003, 1.24, 400, 1
        assertEquals("system_information", m.message());
        assertEquals(List.of("bms.type_id", "bms.firmware", "capacity.installed", "bms.hw_config"),
                List.copyOf(m.signals().keySet()));
        assertWhole(15003, m.signals().get("bms.type_id"));
        assertEquals("1.24", m.signals().get("bms.firmware"));
        assertWhole(400, m.signals().get("capacity.installed"));
        assertWhole(1, m.signals().get("bms.hw_config"));
    }

    // guide 1.3.2 System Information: the minor number keeps two digits
    @Test
    void firmwareMinorTwoDigits() throws Exception {
        assertEquals("2.05", decode(0x35F, "9B3A" + "0205" + "9001" + "0100").signals().get("bms.firmware"));
        assertEquals("0.00", decode(0x35F, "9B3A" + "0000" + "9001" + "0100").signals().get("bms.firmware"));
    }

    @Test
    void systemInformationNotAvailable() throws Exception {
        DecodedMessage m = decode(0x35F, "FFFFFFFFFFFFFFFF");
        assertEquals(4, m.signals().size());
        m.signals().forEach((k, v) -> assertNull(v, k));
    }

    // one byte short of what the guide defines, per id
    @ParameterizedTest(name = "0x{0} {1}")
    @CsvSource({"351, bms_limits, 8", "355, battery_status, 6", "356, battery_basic_info, 6",
            "35A, alarms_warnings, 8", "35B, events, 1", "35E, manufacturer_name, 8",
            "35F, system_information, 8"})
    void shortFrameIsMalformed(String idHex, String message, int needed) {
        int id = Integer.parseInt(idHex, 16);
        CanFrame frame = CanFrame.of(Frames.TIME, "can0", id, false, new byte[needed - 1]);
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> codec.decode(frame));
        assertTrue(e.getMessage().contains("0x" + idHex), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("needs " + needed + (needed == 1 ? " data byte," : " data bytes,")),
                e.getMessage());
        assertTrue(e.getMessage().contains("got " + (needed - 1)), e.getMessage());
    }

    @Test
    void otherIdsAreNotSma() throws Exception {
        for (int id : new int[] {0x000, 0x350, 0x352, 0x35C, 0x35D, 0x360, 0x373, 0x378, 0x380, 0x381, 0x7FF}) {
            assertNull(decode(id, "0000000000000000"), String.format("0x%03X", id));
        }
    }

    @Test
    void extendedIdsAreNotSma() throws Exception {
        for (int id : new int[] {0x351, 0x356, 0x35E, 0x19F21450}) {
            assertNull(codec.decode(CanFrame.of(Frames.TIME, "can0", id, true, new byte[8])));
        }
    }

    @Test
    void remoteFrameIsNotAMessage() throws Exception {
        assertNull(codec.decode(CanFrame.remote(Frames.TIME, "can0", 0x356, false, 6)));
    }

    @Test
    void messageKeepsTheFrame() throws Exception {
        CanFrame f = frame(0x356, "C01485FFD700");
        assertSame(f, codec.decode(f).frame());
    }

    // guide 1.4: General BMS sends the same frames and adds its own ids
    @Test
    void anotherProtocolReusesTheCodecUnderItsOwnId() throws Exception {
        MessageCodec cellInfo = MessageCodec.of(0x373, "battery_cell_info", "Battery cell info", 8, List.of(
                SignalField.unsigned16(new org.bmsworkbench.bms.SignalDescriptor("cell.voltage.min", "V",
                        org.bmsworkbench.bms.SignalKind.NUMBER, "cells", "Lowest cell voltage", null), 0, 3),
                SignalField.kelvin16(new org.bmsworkbench.bms.SignalDescriptor("cell.temperature.min", "°C",
                        org.bmsworkbench.bms.SignalKind.NUMBER, "cells", "Lowest cell temperature", null), 4, 0)));
        SmaCodec general = new SmaCodec("general-bms").with(List.of(cellInfo));
        assertEquals(8, general.messages().size());
        DecodedMessage basic = general.decode(frame(0x356, "C01485FFD700"));
        assertEquals("general-bms", basic.protocol());
        assertNumber(53.12, basic.signals().get("pack.voltage"));
        DecodedMessage cells = general.decode(frame(0x373, "FC0C0000" + "2A01" + "0000")); // 3324 mV, 298 K
        assertEquals("battery_cell_info", cells.message());
        assertNumber(3.324, cells.signals().get("cell.voltage.min"));
        assertNumber(24.85, cells.signals().get("cell.temperature.min"));
        assertNull(codec.decode(frame(0x373, "FC0C00002A010000")), "plain SMA leaves 0x373 alone");
        assertThrows(IllegalArgumentException.class, () -> general.with(List.of(SmaMessages.EVENTS)));
    }

    @Test
    void signalsListEveryKeyOnce() {
        List<String> keys = codec.signals().stream().map(s -> s.key()).toList();
        assertEquals(4 + 3 + 3 + 26 + 1 + 1 + 4, keys.size());
        assertEquals(keys.size(), keys.stream().distinct().count());
        Map<String, String> units = new LinkedHashMap<>();
        codec.signals().forEach(s -> units.put(s.key(), s.unit()));
        assertEquals("V", units.get("limit.charge_voltage"));
        assertEquals("A", units.get("limit.discharge_current"));
        assertEquals("%", units.get("soc.precise"));
        assertEquals("°C", units.get("pack.temperature"));
        assertEquals("Ah", units.get("capacity.installed"));
        assertFalse(units.containsKey("cell.voltage.min"));
    }
}
