package org.bmsworkbench.protocol.pylontech.codec;

import static org.bmsworkbench.protocol.pylontech.codec.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** Frames of public Pylontech US2000/US5000 captures, decoded value by value. */
class PylontechCodecDecodeTest {
    private final PylontechCodec codec = new PylontechCodec();

    private Map<String, Object> signals(CanFrame f) throws MalformedFrameException {
        DecodedMessage m = codec.decode(f);
        assertEquals("pylontech", m.protocol());
        return m.signals();
    }

    @Test
    void limits() throws Exception {
        // 0x351 14 02 C0 12 C0 12 C2 01: 53.2 V, 480.0 A, 480.0 A, 45.0 V
        DecodedMessage m = codec.decode(frame(0x351, 0x14, 0x02, 0xC0, 0x12, 0xC0, 0x12, 0xC2, 0x01));
        assertEquals("bms_limits", m.message());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("limit.charge_voltage", 53.2);
        expected.put("limit.charge_current", 480.0);
        expected.put("limit.discharge_current", 480.0);
        expected.put("limit.discharge_voltage", 45.0);
        assertEquals(expected, m.signals());
    }

    @Test
    void statusOfFourAndSixBytes() throws Exception {
        assertEquals(Map.of("soc", 26L, "soh", 100L), signals(frame(0x355, 0x1A, 0x00, 0x64, 0x00)));
        assertEquals(Map.of("soc", 84L, "soh", 96L), signals(frame(0x355, 0x54, 0x00, 0x60, 0x00, 0x00, 0x00)));
    }

    @Test
    void basicInfoWithANegativeCurrent() throws Exception {
        // 0x356 7A 13 F2 FE 6B 01: 49.86 V, -27.0 A (discharging), 36.3 °C
        assertEquals(Map.of("pack.voltage", 49.86, "pack.current", -27.0, "pack.temperature", 36.3),
                signals(frame(0x356, 0x7A, 0x13, 0xF2, 0xFE, 0x6B, 0x01)));
    }

    @Test
    void notAvailableMarkersAreNull() throws Exception {
        Map<String, Object> s = signals(frame(0x356, 0x00, 0x80, 0x00, 0x80, 0x00, 0x80));
        assertEquals(3, s.size());
        s.values().forEach(v -> assertNull(v));
        Map<String, Object> limits = signals(frame(0x351, 0xFF, 0xFF, 0x00, 0x80, 0x00, 0x80, 0xFF, 0xFF));
        limits.values().forEach(v -> assertNull(v));
    }

    @Test
    void protectionAllClearWithModuleCount() throws Exception {
        Map<String, Object> s = signals(frame(0x359, 0, 0, 0, 0, 6, 'P', 'N'));
        assertEquals(6L, s.get("pylontech.module_count"));
        assertEquals(15, s.size());
        PylontechCodec.PROTECTION_FLAGS.forEach(f -> assertEquals("cleared", s.get(f.key()), f.key()));
    }

    @Test
    void eachProtectionBitRaisesExactlyItsKey() throws Exception {
        Map<String, int[]> bits = new HashMap<>();
        bits.put("alarm.high_voltage", new int[] {0, 1});
        bits.put("alarm.low_voltage", new int[] {0, 2});
        bits.put("alarm.high_temperature", new int[] {0, 3});
        bits.put("alarm.low_temperature", new int[] {0, 4});
        bits.put("alarm.high_current", new int[] {0, 7});
        bits.put("alarm.high_charge_current", new int[] {1, 0});
        bits.put("alarm.bms_internal", new int[] {1, 3});
        bits.put("warning.high_voltage", new int[] {2, 1});
        bits.put("warning.low_voltage", new int[] {2, 2});
        bits.put("warning.high_temperature", new int[] {2, 3});
        bits.put("warning.low_temperature", new int[] {2, 4});
        bits.put("warning.high_current", new int[] {2, 7});
        bits.put("warning.high_charge_current", new int[] {3, 0});
        bits.put("warning.bms_internal", new int[] {3, 3});
        assertEquals(14, bits.size());
        for (var e : bits.entrySet()) {
            int[] data = {0, 0, 0, 0, 1, 'P', 'N'};
            data[e.getValue()[0]] = 1 << e.getValue()[1];
            Map<String, Object> s = signals(frame(0x359, data));
            for (String key : bits.keySet()) {
                assertEquals(key.equals(e.getKey()) ? "raised" : "cleared", s.get(key), e.getKey() + " set, " + key);
            }
        }
    }

    @Test
    void undefinedProtectionBitsRaiseNothing() throws Exception {
        Map<String, Object> s = signals(frame(0x359, 0x61, 0xF6, 0x61, 0xF6, 2, 'P', 'N'));
        s.forEach((k, v) -> {
            if (!k.equals("pylontech.module_count")) {
                assertEquals("cleared", v, k);
            }
        });
    }

    @Test
    void chargeRequests() throws Exception {
        DecodedMessage m = codec.decode(frame(0x35C, 0xC0, 0x00));
        assertEquals("charge_requests", m.message());
        assertEquals(Map.of("pylontech.request.charge_enable", true, "pylontech.request.discharge_enable", true,
                "pylontech.request.force_charge_1", false, "pylontech.request.force_charge_2", false,
                "pylontech.request.full_charge", false), m.signals());
        Map<String, Object> all = signals(frame(0x35C, 0x38));
        assertEquals(false, all.get("pylontech.request.charge_enable"));
        assertEquals(true, all.get("pylontech.request.force_charge_1"));
        assertEquals(true, all.get("pylontech.request.force_charge_2"));
        assertEquals(true, all.get("pylontech.request.full_charge"));
    }

    @Test
    void manufacturerName() throws Exception {
        assertEquals(Map.of("bms.manufacturer", "PYLON"), signals(frame(0x35E, 'P', 'Y', 'L', 'O', 'N', ' ', ' ', ' ')));
        assertEquals(Map.of("bms.manufacturer", "PYTES"), signals(frame(0x35E, 'P', 'Y', 'T', 'E', 'S')));
        assertNull(signals(frame(0x35E, ' ', ' ', 0, 0)).get("bms.manufacturer"));
    }

    @Test
    void shortFramesAreMalformedNamingIdAndMessage() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> codec.decode(frame(0x359, 0, 0, 0, 0)));
        assertEquals("0x359 protection_alarms needs 5 data bytes, got 4", e.getMessage());
        assertThrows(MalformedFrameException.class, () -> codec.decode(frame(0x351, 1, 2, 3, 4, 5, 6, 7)));
        assertThrows(MalformedFrameException.class, () -> codec.decode(frame(0x355, 1, 2, 3)));
        assertThrows(MalformedFrameException.class, () -> codec.decode(frame(0x356, 1, 2, 3, 4, 5)));
        assertThrows(MalformedFrameException.class, () -> codec.decode(frame(0x35C)));
        assertThrows(MalformedFrameException.class, () -> codec.decode(frame(0x35E)));
    }

    @Test
    void otherFramesAreNotThisProtocols() throws Exception {
        assertNull(codec.decode(frame(0x35A, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertNull(codec.decode(frame(0x35F, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertNull(codec.decode(CanFrame.of(0, "can0", 0x359, true, new byte[8])));
        assertNull(codec.decode(CanFrame.remote(0, "can0", 0x359, false, 7)));
    }
}
