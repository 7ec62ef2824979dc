package org.bmsworkbench.protocol.generalbms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;

/** encode(decode(frame)) gives the frame back; decoding fails only with MalformedFrameException and stays in range. */
class GeneralBmsPropertiesTest {
    private static final Set<Integer> IDS = Set.of(0x351, 0x355, 0x356, 0x35A, 0x35B, 0x35E, 0x35F, 0x373, 0x378,
            0x380, 0x381);
    private final GeneralBmsProtocol protocol = new GeneralBmsProtocol();

    private static CanFrame frame(int id, byte[] data) {
        return CanFrame.of(Frames.TIME, "can0", id, false, data);
    }

    private static CanFrame roundTrip(ProtocolSession session, CanFrame frame) throws MalformedFrameException {
        DecodedMessage m = session.decode(frame);
        List<CanFrame> back = session.encode(m.message(), m.signals(), frame.bus(), frame.timestampMicros());
        assertEquals(1, back.size());
        return back.get(0);
    }

    // Every 16-bit pattern of 0x373 is a value or the marker, so any bytes survive the trip.
    @Property
    void cellInfoRoundTrip(@ForAll @Size(8) byte[] data) throws Exception {
        assertEquals(frame(0x373, data), roundTrip(protocol.newSession(), frame(0x373, data)));
    }

    @Property
    void energyRoundTrip(@ForAll @Size(8) byte[] data) throws Exception {
        assertEquals(frame(0x378, data), roundTrip(protocol.newSession(), frame(0x378, data)));
    }

    // The shared SMA frames keep their SMA behaviour under general-bms.
    @Property
    void sharedFramesRoundTrip(@ForAll("fullyDefinedSmaIds") int id, @ForAll @Size(8) byte[] data) throws Exception {
        int length = id == 0x351 || id == 0x35F ? 8 : 6;
        byte[] exact = Arrays.copyOf(data, length);
        assertEquals(frame(id, exact), roundTrip(protocol.newSession(), frame(id, exact)));
    }

    @Provide
    Arbitrary<Integer> fullyDefinedSmaIds() {
        return Arbitraries.of(0x351, 0x355, 0x356, 0x35F);
    }

    @Provide
    Arbitrary<String> serials() {
        // printable ASCII, no trailing space (that is padding)
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(16)
                .filter(s -> !s.endsWith(" "));
    }

    /** A serial left-justified in 16 bytes, NUL padded, in its two halves. */
    private static CanFrame[] halves(String serial) {
        byte[] all = Arrays.copyOf(serial.getBytes(StandardCharsets.US_ASCII), 16);
        return new CanFrame[] {frame(0x380, Arrays.copyOfRange(all, 0, 8)), frame(0x381, Arrays.copyOfRange(all, 8, 16))};
    }

    @Property
    void serialRoundTrip(@ForAll("serials") String serial, @ForAll boolean lowFirst) throws Exception {
        CanFrame[] halves = halves(serial);
        ProtocolSession session = protocol.newSession();
        CanFrame first = halves[lowFirst ? 1 : 0];
        CanFrame second = halves[lowFirst ? 0 : 1];
        assertEquals(Map.of(), session.decode(first).signals());
        DecodedMessage m = session.decode(second);
        assertEquals(Map.of("bms.serial", serial), m.signals());
        assertEquals(halves[0], session.encode("serial_number_high", m.signals(), "can0", Frames.TIME).get(0));
        assertEquals(halves[1], session.encode("serial_number_low", m.signals(), "can0", Frames.TIME).get(0));
    }

    @Provide
    Arbitrary<Integer> ids() {
        return Arbitraries.oneOf(Arbitraries.of(IDS), Arbitraries.integers().between(0, 0x7FF),
                Arbitraries.integers().between(0x350, 0x382));
    }

    @Property(tries = 3000)
    void decodeThrowsOnlyMalformedFrameAndStaysInRange(@ForAll("ids") int id, @ForAll boolean extended,
            @ForAll @Size(max = 8) byte[] data, @ForAll @Size(8) byte[] otherHalf) {
        ProtocolSession session = protocol.newSession();
        CanFrame frame = CanFrame.of(Frames.TIME, "can0", id, extended, data);
        DecodedMessage m;
        try {
            session.decode(frame(id == 0x380 ? 0x381 : 0x380, otherHalf));
            m = session.decode(frame);
        } catch (MalformedFrameException e) {
            assertTrue(IDS.contains(id) && !extended, "only a General BMS id can be malformed: " + frame);
            assertTrue(e.getMessage().contains("0x" + frame.idHex()), e.getMessage());
            return;
        }
        if (extended || !IDS.contains(id)) {
            assertNull(m, frame.toString());
            return;
        }
        assertNotNull(m, frame.toString());
        for (Map.Entry<String, Object> e : m.signals().entrySet()) {
            assertInRange(e.getKey(), e.getValue());
        }
    }

    private static void assertInRange(String key, Object value) {
        if (value == null) {
            return;
        }
        String where = key + " = " + value;
        switch (key) {
            case "cell.voltage.min", "cell.voltage.max" -> assertTrue((double) value >= 0 && (double) value <= 65.534, where);
            case "cell.temperature.min", "cell.temperature.max" ->
                assertTrue((double) value >= -273.15 && (double) value <= 65260.85, where);
            case "energy.charged", "energy.discharged" ->
                assertTrue((double) value >= 0 && (double) value <= 42949672.94, where);
            case "bms.serial" -> assertTrue(((String) value).matches("[ -~]{1,16}") && !((String) value).endsWith(" "), where);
            default -> {
                // the SMA frames: checked by the SMA bundle's properties
            }
        }
    }
}
