package org.bmsworkbench.protocol.nmea2000.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;

/**
 * encode(decode(frames)) gives the frames back (error markers come back as not-available
 * markers); decode fails only with MalformedFrameException and never gives a value outside its
 * field's range.
 */
class Nmea2000CodecPropertiesTest {
    private final Nmea2000Codec codec = new Nmea2000Codec();

    @Property
    void batteryStatusBytesRoundTrip(@ForAll @Size(8) byte[] data) throws Exception {
        assertArrayEquals(data, BatteryStatus.read(CanFrame.of(0, "can0", 0x19F21450, true, data)).toBytes());
    }

    @Property
    void batteryStatusRoundTripsThroughTheModel(@ForAll @IntRange(max = 7) int base, @ForAll @IntRange(max = 2) int role,
            @ForAll @IntRange(max = 0xFFFF) int voltage, @ForAll @IntRange(max = 0xFFFF) int current,
            @ForAll @IntRange(max = 0xFFFF) int temperature, @ForAll @IntRange(max = 0xFF) int sid,
            @ForAll @IntRange(max = 0xFF) int source, @ForAll @IntRange(max = 7) int priority) throws Exception {
        int instance = base * 32 + role;
        int id = J1939Id.of(priority, BatteryStatus.PGN, source, 0xFF).canId();
        CanFrame frame = CanFrame.of(7, "can1", id, true,
                new BatteryStatus(instance, voltage, role == 0 ? current : 0x7FFF, temperature, sid).toBytes());
        DecodedMessage m = codec.decode(frame, new FastPacketAssembler());
        Map<String, Object> values = new HashMap<>(m.signals());
        values.putAll(Map.of(Nmea2000Codec.OPTION_DATA_INSTANCE, base * 32, Nmea2000Codec.OPTION_SID, sid,
                Nmea2000Codec.OPTION_SOURCE, source, Nmea2000Codec.OPTION_PRIORITY, priority));
        boolean sendable = sendable(Nmea2000Field.VOLTAGE, voltage) && (role != 0 || sendable(Nmea2000Field.CURRENT, current))
                && sendable(Nmea2000Field.TEMPERATURE, temperature);
        if (!sendable) {
            assertThrows(IllegalArgumentException.class, () -> codec.encode(m.message(), values, "can1", 7, new FastPacketEncoder()));
            return;
        }
        List<CanFrame> back = codec.encode(m.message(), values, "can1", 7, new FastPacketEncoder());
        CanFrame expected = CanFrame.of(7, "can1", id, true, new BatteryStatus(instance, canonical(Nmea2000Field.VOLTAGE, voltage),
                role == 0 ? canonical(Nmea2000Field.CURRENT, current) : 0x7FFF, canonical(Nmea2000Field.TEMPERATURE, temperature), sid)
                .toBytes());
        assertEquals(List.of(expected), back);
    }

    @Property
    void dcDetailedStatusRoundTripsThroughTheModel(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int packets) throws Exception {
        Random random = new Random(seed);
        FastPacketAssembler assembler = new FastPacketAssembler();
        FastPacketEncoder encoder = new FastPacketEncoder();
        int source = random.nextInt(256);
        int id = J1939Id.of(random.nextInt(8), DcDetailedStatus.PGN, source, 0xFF).canId();
        for (int p = 0, sequence = 0; p < packets; p++) {
            int length = random.nextBoolean() ? 11 : 9;
            DcDetailedStatus sent = new DcDetailedStatus(random.nextInt(256), random.nextInt(256), random.nextInt(256),
                    random.nextInt(256), 0xFF, random.nextInt(0x10000), 0xFFFF, length == 11 ? random.nextInt(0x10000) : 0xFFFF, length);
            List<CanFrame> frames = new ArrayList<>();
            for (byte[] data : FastPacketEncoder.split(sent.toBytes(), sequence)) {
                frames.add(CanFrame.of(p, "can0", id, true, data));
            }
            DecodedMessage m = null;
            for (CanFrame f : frames) {
                assertNull(m, "only the last frame completes the packet");
                m = codec.decode(f, assembler);
            }
            assertNotNull(m);
            Map<String, Object> values = new HashMap<>(m.signals());
            values.putAll(Map.of(Nmea2000Codec.OPTION_DATA_INSTANCE, sent.instance(), Nmea2000Codec.OPTION_SID, sent.sid(),
                    Nmea2000Codec.OPTION_SOURCE, source, Nmea2000Codec.OPTION_PRIORITY, id >>> 26,
                    Nmea2000Codec.OPTION_DC_TYPE, sent.dcType(), Nmea2000Codec.OPTION_LENGTH, length));
            if (!sendable(Nmea2000Field.PERCENT, sent.soc()) || !sendable(Nmea2000Field.MINUTES, sent.timeRemaining())
                    || !sendable(Nmea2000Field.AMP_HOURS, sent.ampHours())) {
                assertThrows(IllegalArgumentException.class, () -> codec.encode(Nmea2000Codec.DC_DETAILED_STATUS, values, "can0", 0, encoder));
                continue;
            }
            DcDetailedStatus canonical = new DcDetailedStatus(sent.sid(), sent.instance(), sent.dcType(),
                    canonical(Nmea2000Field.PERCENT, sent.soc()), 0xFF, canonical(Nmea2000Field.MINUTES, sent.timeRemaining()), 0xFFFF,
                    length == 11 ? canonical(Nmea2000Field.AMP_HOURS, sent.ampHours()) : 0xFFFF, length);
            List<CanFrame> expected = new ArrayList<>();
            for (byte[] data : FastPacketEncoder.split(canonical.toBytes(), sequence)) {
                expected.add(CanFrame.of(p, "can0", id, true, data));
            }
            assertEquals(expected, codec.encode(m.message(), values, "can0", p, encoder));
            sequence = (sequence + 1) & 7;
        }
    }

    /** Markers and values in the guide's range can be sent; the rest (the reserved top values) not. */
    private static boolean sendable(Nmea2000Field field, int raw) {
        return field.isMarker(raw) || field.isSendable(raw);
    }

    /** A marker comes back as the field's not-available marker; anything else as itself. */
    private static int canonical(Nmea2000Field field, int raw) {
        return field.isMarker(raw) ? field.notAvailable() : raw;
    }

    @Property(tries = 300)
    void arbitraryFramesFailOnlyAsMalformedAndValuesStayInRange(@ForAll long seed) {
        Random random = new Random(seed);
        FastPacketAssembler assembler = new FastPacketAssembler();
        for (int n = 0; n < 300; n++) {
            CanFrame frame = randomFrame(random);
            try {
                DecodedMessage m = codec.decode(frame, assembler);
                if (m != null) {
                    assertTrue(frame.extended());
                    assertEquals(frame.id() >>> 8 & 0x3FFFF, m.pgn());
                    assertEquals(frame.id() & 0xFF, m.source());
                    m.signals().forEach(Nmea2000CodecPropertiesTest::assertInRange);
                }
            } catch (MalformedFrameException e) {
                assertTrue(e.getMessage().startsWith("0x" + frame.idHex()), e.getMessage());
            }
        }
    }

    private static CanFrame randomFrame(Random random) {
        byte[] data = new byte[random.nextInt(9)];
        random.nextBytes(data);
        if (data.length > 1 && random.nextInt(3) == 0) {
            data[0] &= (byte) 0xE1; // frame counters 0 and 1, so fast packets complete
            data[1] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 5 + random.nextInt(9));
        }
        if (random.nextInt(5) == 0) {
            return CanFrame.of(0, "can0", random.nextInt(0x800), false, data);
        }
        int id = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x2000_0000);
            case 1 -> random.nextInt(8) << 26 | 0x1F214 << 8 | random.nextInt(4);
            default -> random.nextInt(8) << 26 | 0x1F212 << 8 | random.nextInt(4);
        };
        return random.nextInt(20) == 0 ? CanFrame.remote(0, "can0", id, true, data.length) : CanFrame.of(0, "can0", id, true, data);
    }

    private static void assertInRange(String key, Object value) {
        if (value == null) {
            return;
        }
        double v = ((Number) value).doubleValue();
        switch (key) {
            case "pack.voltage", "cell.voltage.min", "cell.voltage.max" -> {
                assertInstanceOf(Double.class, value);
                assertTrue(v >= -327.68 && v <= 327.65, key + " " + v);
            }
            case "pack.current" -> assertTrue(value instanceof Double && v >= -3276.8 && v <= 3276.5, key + " " + v);
            case "pack.temperature", "cell.temperature.min", "cell.temperature.max" ->
                assertTrue(value instanceof Double && v >= -273.15 && v <= 382.18, key + " " + v);
            case "soc" -> assertTrue(value instanceof Long && v >= 0 && v <= 253, key + " " + v);
            case "time_to_go", "capacity.remaining" -> assertTrue(value instanceof Long && v >= 0 && v <= 65533, key + " " + v);
            default -> throw new AssertionError("unexpected key " + key);
        }
    }
}
