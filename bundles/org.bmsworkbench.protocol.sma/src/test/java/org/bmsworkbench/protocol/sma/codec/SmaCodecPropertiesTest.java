package org.bmsworkbench.protocol.sma.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;

/** encode(decode(frame)) gives the frame back; decode fails only with MalformedFrameException. */
class SmaCodecPropertiesTest {
    private static final Set<Integer> SMA_IDS = Set.of(0x351, 0x355, 0x356, 0x35A, 0x35B, 0x35E, 0x35F);
    private final SmaCodec codec = new SmaCodec("sma");

    private CanFrame roundTrip(int id, byte[] data) throws MalformedFrameException {
        CanFrame frame = CanFrame.of(Frames.TIME, "can0", id, false, data);
        DecodedMessage m = codec.decode(frame);
        return codec.encode(m.message(), m.signals(), frame.bus(), frame.timestampMicros());
    }

    // Every 16-bit pattern is a value or a marker, so any bytes survive the trip.
    @Property
    void bmsLimitsRoundTrip(@ForAll @Size(8) byte[] data) throws Exception {
        assertEquals(CanFrame.of(Frames.TIME, "can0", 0x351, false, data), roundTrip(0x351, data));
    }

    @Property
    void batteryStatusRoundTrip(@ForAll @Size(6) byte[] data) throws Exception {
        assertEquals(CanFrame.of(Frames.TIME, "can0", 0x355, false, data), roundTrip(0x355, data));
    }

    @Property
    void batteryBasicInfoRoundTrip(@ForAll @Size(6) byte[] data) throws Exception {
        assertEquals(CanFrame.of(Frames.TIME, "can0", 0x356, false, data), roundTrip(0x356, data));
    }

    @Property
    void systemInformationRoundTrip(@ForAll @Size(8) byte[] data) throws Exception {
        assertEquals(CanFrame.of(Frames.TIME, "can0", 0x35F, false, data), roundTrip(0x35F, data));
    }

    // 0 and 3 decode to null and come back as 0; reserved bits come back as 0.
    @Property
    void alarmsRoundTripModuloUndefinedStates(@ForAll @Size(8) byte[] data) throws Exception {
        byte[] expected = new byte[8];
        for (int i = 0; i < 8; i++) {
            int fields = i == 3 || i == 7 ? 1 : 4;
            for (int f = 0; f < fields; f++) {
                int bits = data[i] >> 2 * f & 0b11;
                if (bits == 1 || bits == 2) {
                    expected[i] |= (byte) (bits << 2 * f);
                }
            }
        }
        CanFrame back = roundTrip(0x35A, data);
        assertEquals(8, back.dlc());
        assertArrayEquals(expected, back.data());
    }

    // Only bit 4 is defined, and only byte 0.
    @Property
    void eventsRoundTripModuloUnusedBits(@ForAll @Size(min = 1, max = 8) byte[] data) throws Exception {
        CanFrame back = roundTrip(0x35B, data);
        assertArrayEquals(new byte[] {(byte) (data[0] & 0x10)}, back.data());
    }

    @Property
    void exactEventsFrameRoundTrips(@ForAll boolean shutdown) throws Exception {
        byte[] data = {(byte) (shutdown ? 0x10 : 0)};
        assertEquals(CanFrame.of(Frames.TIME, "can0", 0x35B, false, data), roundTrip(0x35B, data));
    }

    @Provide
    Arbitrary<String> names() {
        // printable ASCII, no trailing space (that is padding)
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(0).ofMaxLength(8)
                .filter(s -> !s.endsWith(" "));
    }

    @Property
    void manufacturerNameRoundTrip(@ForAll("names") String name) throws Exception {
        byte[] data = new byte[8];
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, data, 0, ascii.length);
        assertEquals(CanFrame.of(Frames.TIME, "can0", 0x35E, false, data), roundTrip(0x35E, data));
    }

    @Provide
    Arbitrary<Integer> ids() {
        return Arbitraries.oneOf(Arbitraries.of(SMA_IDS), Arbitraries.integers().between(0, 0x7FF),
                Arbitraries.integers().between(0x350, 0x360));
    }

    @Property(tries = 2000)
    void decodeThrowsOnlyMalformedFrame(@ForAll("ids") int id, @ForAll boolean extended,
            @ForAll @Size(max = 8) byte[] data) {
        CanFrame frame = CanFrame.of(Frames.TIME, "can0", id, extended, data);
        DecodedMessage m;
        try {
            m = codec.decode(frame);
        } catch (MalformedFrameException e) {
            assertTrue(SMA_IDS.contains(id) && !extended, "only an SMA id can be malformed: " + frame);
            assertTrue(e.getMessage().contains("0x" + frame.idHex()), e.getMessage());
            return;
        }
        if (extended || !SMA_IDS.contains(id)) {
            assertNull(m, frame.toString());
        } else {
            assertNotNull(m, frame.toString());
            assertEquals(id, codec.message(m.message()).orElseThrow().canId());
        }
    }

    @Property
    void decodedValuesEncodeWithoutComplaint(@ForAll("smaIds") int id, @ForAll @Size(8) byte[] data)
            throws Exception {
        CanFrame back = roundTrip(id, data);
        assertEquals(codec.message(id).orElseThrow().length(), back.dlc());
    }

    @Provide
    Arbitrary<Integer> smaIds() {
        return Arbitraries.of(SMA_IDS);
    }

    @Property
    void malformedWhenShort(@ForAll("smaIds") int id, @ForAll @IntRange(min = 0, max = 7) int length) {
        int needed = codec.message(id).orElseThrow().length();
        CanFrame frame = CanFrame.of(Frames.TIME, "can0", id, false, new byte[length]);
        try {
            codec.decode(frame);
            assertTrue(length >= needed, frame + " decoded with fewer than " + needed + " bytes");
        } catch (MalformedFrameException e) {
            assertTrue(length < needed, e.getMessage());
        }
    }
}
