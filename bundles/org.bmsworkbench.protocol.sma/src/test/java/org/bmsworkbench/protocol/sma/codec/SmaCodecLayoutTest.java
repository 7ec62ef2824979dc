package org.bmsworkbench.protocol.sma.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * The frame layouts (what {@code bmswb dbc export} writes) against guide 1.3.2, and against the
 * codec itself: reading a frame through the layout alone, as a DBC tool would, gives the
 * codec's values.
 */
class SmaCodecLayoutTest {
    private final SmaCodec codec = new SmaCodec("sma");

    private FrameLayout layout(int id) {
        return codec.frameLayouts().stream().filter(l -> l.canId() == id).findFirst().orElseThrow();
    }

    private static List<Object> describe(SignalLayout s) {
        return List.of(s.name(), s.key(), s.startBit(), s.length(), s.signed(), s.factor(), s.offset(), s.min(), s.max(),
                s.unit());
    }

    @Test
    void everyMessageHasALayoutWithItsIdNameAndLength() {
        assertEquals(codec.messages().stream().map(MessageCodec::name).toList(),
                codec.frameLayouts().stream().map(FrameLayout::name).toList());
        for (FrameLayout l : codec.frameLayouts()) {
            MessageCodec m = codec.message(l.canId()).orElseThrow();
            assertEquals(m.length(), l.length(), l.name());
            assertEquals(m.description(), l.description());
            assertTrue(!l.extended() && !l.signals().isEmpty(), l.name());
        }
    }

    // 1.3.2 BMS Limits and Battery basic info: un16/sn16 with 0.1 and 0.01 resolution
    @Test
    void numbersCarryTheirScaleSignAndRange() {
        List<SignalLayout> limits = layout(0x351).signals();
        assertEquals(List.of("limit_charge_voltage", "limit.charge_voltage", 0, 16, false, 0.1, 0.0, 0.0, 6553.4, "V"),
                describe(limits.get(0)));
        assertEquals(List.of("limit_charge_current", "limit.charge_current", 16, 16, true, 0.1, 0.0, -3276.7, 3276.7, "A"),
                describe(limits.get(1)));
        List<SignalLayout> basic = layout(0x356).signals();
        assertEquals(List.of("pack_voltage", "pack.voltage", 0, 16, false, 0.01, 0.0, 0.0, 655.34, "V"),
                describe(basic.get(0)));
        assertEquals(List.of("pack_temperature", "pack.temperature", 32, 16, true, 0.1, 0.0, -3276.7, 3276.7, "°C"),
                describe(basic.get(2)));
        assertTrue(basic.get(1).comment().startsWith("pack.current: ") && basic.get(1).comment().contains("0x8000"),
                basic.get(1).comment());
        assertEquals(List.of("soc", "soc", 0, 16, false, 1.0, 0.0, 0.0, 65534.0, "%"), describe(layout(0x355).signals().get(0)));
    }

    // 1.3.2 Alarm and warning information: 2 bits each, bytes 0-3 alarms, 4-7 warnings
    @Test
    void alarmsAreTwoBitSignalsWithAValueTable() {
        List<SignalLayout> alarms = layout(0x35A).signals();
        assertEquals(26, alarms.size());
        assertEquals(List.of("alarm_general", "alarm.general", 0, 2, false, 1.0, 0.0, 0.0, 3.0, ""), describe(alarms.get(0)));
        assertEquals(List.of("alarm_cell_imbalance", "alarm.cell_imbalance", 24, 2, false, 1.0, 0.0, 0.0, 3.0, ""),
                describe(alarms.get(12)));
        assertEquals(List.of("warning_high_temperature", "warning.high_temperature", 38, 2, false, 1.0, 0.0, 0.0, 3.0, ""),
                describe(alarms.get(16)));
        assertEquals(Map.of(0L, "none", 1L, "raised", 2L, "cleared", 3L, "invalid"), alarms.get(5).valueNames());
    }

    // 1.3.2 Event information byte 0 bit 4; Manufacturer name; System Information
    @Test
    void eventTextAndVersionLayouts() {
        assertEquals(List.of("event_preventive_shutdown", "event.preventive_shutdown", 4, 1, false, 1.0, 0.0, 0.0, 1.0, ""),
                describe(layout(0x35B).signals().get(0)));
        List<SignalLayout> name = layout(0x35E).signals();
        assertEquals(8, name.size());
        assertEquals(List.of("bms_manufacturer_char8", "bms.manufacturer", 56, 8, false, 1.0, 0.0, 0.0, 255.0, ""),
                describe(name.get(7)));
        List<SignalLayout> system = layout(0x35F).signals();
        assertEquals(List.of("bms_type_id", "bms_firmware_major", "bms_firmware_minor", "capacity_installed", "bms_hw_config"),
                system.stream().map(SignalLayout::name).toList());
        assertEquals(16, system.get(1).startBit());
        assertEquals(24, system.get(2).startBit());
        assertEquals(8, system.get(2).length());
    }

    @Provide
    Arbitrary<Integer> numericIds() {
        return Arbitraries.of(0x351, 0x355, 0x356, 0x35F);
    }

    /** What a DBC tool computes: the raw little-endian integer of the layout's bits. */
    private static long raw(CanFrame frame, SignalLayout s) {
        long bits = 0;
        for (int i = 0; i < 8 && i < frame.length(); i++) {
            bits |= (long) frame.u8(i) << (8 * i);
        }
        long raw = bits >>> s.startBit() & (s.length() == 64 ? -1L : (1L << s.length()) - 1);
        if (s.signed() && (raw >> (s.length() - 1) & 1) == 1) {
            raw -= 1L << s.length();
        }
        return raw;
    }

    // raw × factor + offset, for every number, is the codec's value; the marker is outside min..max.
    @Property
    void numbersReadThroughTheLayoutGiveTheCodecsValues(@ForAll("numericIds") int id, @ForAll @Size(8) byte[] data)
            throws Exception {
        CanFrame frame = CanFrame.of(Frames.TIME, "can0", id, false, data);
        Map<String, Object> values = codec.decode(frame).signals();
        for (SignalLayout s : layout(id).signals()) {
            if (s.key().equals("bms.firmware")) {
                continue;
            }
            BigDecimal physical = BigDecimal.valueOf(raw(frame, s)).multiply(BigDecimal.valueOf(s.factor()))
                    .add(BigDecimal.valueOf(s.offset()));
            Object value = values.get(s.key());
            boolean inRange = physical.compareTo(BigDecimal.valueOf(s.min())) >= 0
                    && physical.compareTo(BigDecimal.valueOf(s.max())) <= 0;
            if (value == null) {
                assertTrue(!inRange, s.name() + ": the marker " + physical + " must lie outside the range");
            } else {
                assertTrue(inRange, s.name() + " = " + physical);
                assertEquals(0, physical.compareTo(new BigDecimal(value.toString())), s.name() + ": " + physical + " vs " + value);
            }
        }
    }

    @Property
    void alarmsReadThroughTheLayoutGiveTheCodecsStates(@ForAll @Size(8) byte[] data) throws Exception {
        CanFrame frame = CanFrame.of(Frames.TIME, "can0", 0x35A, false, data);
        Map<String, Object> values = codec.decode(frame).signals();
        for (SignalLayout s : layout(0x35A).signals()) {
            String named = s.valueNames().get(raw(frame, s));
            Object value = values.get(s.key());
            if (value == null) {
                assertTrue(named.equals("none") || named.equals("invalid"), s.name() + " " + named);
            } else {
                assertEquals(value, named, s.name());
            }
        }
    }

    @Test
    void firmwareAndNameBytesAreTheRawBytes() throws Exception {
        CanFrame frame = Frames.frame(0x35F, "9B3A011890010100");
        List<SignalLayout> system = layout(0x35F).signals();
        assertEquals(1, raw(frame, system.get(1)));
        assertEquals(24, raw(frame, system.get(2)));
        assertEquals("1.24", codec.decode(frame).signals().get("bms.firmware"));
        CanFrame name = Frames.frame(0x35E, "4D472D424D530000");
        StringBuilder text = new StringBuilder();
        for (SignalLayout s : layout(0x35E).signals()) {
            long c = raw(name, s);
            if (c != 0) {
                text.append((char) c);
            }
        }
        assertEquals("MG-BMS", text.toString());
        assertNull(codec.decode(Frames.frame(0x35E, "0000000000000000")).signals().get("bms.manufacturer"));
    }
}
