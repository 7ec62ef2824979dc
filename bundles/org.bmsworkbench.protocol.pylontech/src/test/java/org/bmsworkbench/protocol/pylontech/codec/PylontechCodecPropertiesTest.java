package org.bmsworkbench.protocol.pylontech.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** encode(decode(frame)) gives the frame back; decode and detection fail on nothing. */
class PylontechCodecPropertiesTest {
    private final PylontechCodec codec = new PylontechCodec();

    private CanFrame roundTrip(int id, byte[] data) throws MalformedFrameException {
        CanFrame frame = CanFrame.of(Frames.TIME, "can0", id, false, data);
        DecodedMessage m = codec.decode(frame);
        return codec.encode(m.message(), m.signals(), frame.bus(), frame.timestampMicros());
    }

    // Every 16-bit pattern is a value or a marker, so any bytes survive the trip.
    @Property
    void limitsRoundTrip(@ForAll @Size(8) byte[] data) throws Exception {
        assertEquals(CanFrame.of(Frames.TIME, "can0", 0x351, false, data), roundTrip(0x351, data));
    }

    @Property
    void statusRoundTrip(@ForAll @Size(4) byte[] data) throws Exception {
        assertEquals(CanFrame.of(Frames.TIME, "can0", 0x355, false, data), roundTrip(0x355, data));
    }

    @Property
    void basicInfoRoundTrip(@ForAll @Size(6) byte[] data) throws Exception {
        assertEquals(CanFrame.of(Frames.TIME, "can0", 0x356, false, data), roundTrip(0x356, data));
    }

    // Only the defined bits come back; bytes 5-6 always carry "PN".
    @Property
    void protectionRoundTripModuloUndefinedBits(@ForAll @Size(min = 5, max = 8) byte[] data) throws Exception {
        byte[] expected = {(byte) (data[0] & 0x9E), (byte) (data[1] & 0x09), (byte) (data[2] & 0x9E),
            (byte) (data[3] & 0x09), data[4], 'P', 'N'};
        assertArrayEquals(expected, roundTrip(0x359, data).data());
    }

    @Property
    void requestsRoundTripModuloUndefinedBits(@ForAll @Size(min = 1, max = 8) byte[] data) throws Exception {
        assertArrayEquals(new byte[] {(byte) (data[0] & 0xF8), 0}, roundTrip(0x35C, data).data());
    }

    @Property
    void nameRoundTrips(@ForAll("names") String name) throws Exception {
        byte[] data = (name + "        ").substring(0, 8).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertArrayEquals(data, roundTrip(0x35E, data).data());
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(8);
    }

    @Property
    void decodeFailsOnlyAsMalformed(@ForAll @IntRange(min = 0x340, max = 0x370) int id, @ForAll boolean extended,
            @ForAll @Size(max = 8) byte[] data) {
        CanFrame f = CanFrame.of(Frames.TIME, "can0", id, extended, data);
        try {
            DecodedMessage m = codec.decode(f);
            assertTrue(m == null || m.protocol().equals("pylontech"));
        } catch (MalformedFrameException e) {
            assertTrue(e.getMessage().startsWith("0x" + f.idHex() + " "), e.getMessage());
        }
        int score = PylontechCodec.detectionScore(f);
        assertTrue(score >= 0 && score <= 100);
    }
}
