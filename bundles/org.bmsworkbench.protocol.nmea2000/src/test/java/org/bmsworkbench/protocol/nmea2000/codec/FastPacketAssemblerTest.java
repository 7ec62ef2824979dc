package org.bmsworkbench.protocol.nmea2000.codec;

import static org.bmsworkbench.protocol.nmea2000.codec.Frames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** Fast-packet reassembly (guide 1.5.3.2): what comes out, and what never does. */
class FastPacketAssemblerTest {
    private static final int PGN = 127506;
    private final FastPacketAssembler assembler = new FastPacketAssembler();

    private static CanFrame f(String data) {
        return CanFrame.of(0, "can0", 0x19F21250, true, HexFormat.of().parseHex(data));
    }

    private String accept(int source, String data) throws MalformedFrameException {
        byte[] payload = assembler.accept(source, PGN, f(data));
        return payload == null ? null : hex(payload);
    }

    @Test
    void theGuidesTwoFrames() throws Exception {
        assertNull(accept(0x50, "000B00000057FF58"));
        assertEquals(1, assembler.pending());
        assertEquals("00000057FF5802FFFFAE00", accept(0x50, "0102FFFFAE00FFFF"));
        assertEquals(0, assembler.pending());
    }

    @Test
    void aLongPacketOverManyFramesAndAShortLastFrame() throws Exception {
        assertNull(accept(1, "A0140102030405 06".replace(" ", "")));
        assertNull(accept(1, "A1 0708090A0B0C0D".replace(" ", "")));
        assertEquals("0102030405060708090A0B0C0D0E0F1011121314", accept(1, "A20E0F1011121314"));
        assertNull(accept(1, "C01501020304050 6".replace(" ", "")));
        assertNull(accept(1, "C10708090A0B0C0D"));
        assertNull(accept(1, "C20E0F1011121314"));
        assertEquals("0102030405060708090A0B0C0D0E0F101112131415", accept(1, "C315"), "a last frame of one byte is enough");
    }

    @Test
    void aPacketOfSixBytesOrFewerIsOneFrame() throws Exception {
        assertEquals("010203", accept(1, "0003010203FFFFFF"));
        assertEquals("", accept(1, "00 00".replace(" ", "")));
    }

    @Test
    void aLostFrameDropsThePacket() throws Exception {
        accept(0x50, "000B00000057FF58");
        assertNull(accept(0x50, "21FFFFFFAE00FFFF"), "frame 1 of the next packet, frame 0 lost");
        assertEquals(0, assembler.pending());
        accept(0x50, "0014010203040506");
        assertNull(accept(0x50, "020E0F1011121314"), "frame 1 lost");
        assertNull(accept(0x50, "010708090A0B0C0D"), "too late");
        assertEquals(0, assembler.pending());
    }

    @Test
    void aFrameWhoseStartWasNeverSeenIsIgnored() throws Exception {
        assertNull(accept(0x50, "0102FFFFAE00FFFF"));
        assertEquals(0, assembler.pending());
    }

    @Test
    void anExactDuplicateIsIgnoredAnotherFrameWithTheSameCountersIsNot() throws Exception {
        accept(0x50, "0014010203040506");
        accept(0x50, "0014010203040506");
        accept(0x50, "010708090A0B0C0D");
        assertNull(accept(0x50, "010708090A0B0C0D"));
        assertEquals("0102030405060708090A0B0C0D0E0F1011121314", accept(0x50, "020E0F1011121314"));

        accept(0x50, "2014010203040506");
        accept(0x50, "210708090A0B0C0D");
        assertNull(accept(0x50, "2107080900000000"), "same counters, other bytes: cannot tell which is right");
        assertNull(accept(0x50, "220E0F1011121314"));
    }

    @Test
    void reorderedFramesNeverComeOut() throws Exception {
        assertNull(accept(0x50, "0102FFFFAE00FFFF"));
        assertNull(accept(0x50, "000B00000057FF58"));
        assertEquals(1, assembler.pending());
        accept(0x50, "2014010203040506");
        assertNull(accept(0x50, "220E0F1011121314"));
        assertNull(accept(0x50, "210708090A0B0C0D"));
    }

    @Test
    void aNewFrameZeroStartsAfresh() throws Exception {
        accept(0x50, "000B00000057FF58");
        accept(0x50, "200B01000056FF4E");
        assertEquals("01000056FF4E02FFFFAC00", accept(0x50, "2102FFFFAC00FFFF"));
        assertNull(accept(0x50, "0102FFFFAE00FFFF"), "the abandoned packet's tail");
    }

    @Test
    void aLaterSequenceDropsAnEarlierOneIsAStraggler() throws Exception {
        accept(0x50, "200B01000056FF4E");
        assertNull(accept(0x50, "0102FFFFAE00FFFF"), "one behind: a late frame of the packet before");
        assertEquals("01000056FF4E02FFFFAC00", accept(0x50, "2102FFFFAC00FFFF"));
        accept(0x50, "200B01000056FF4E");
        assertNull(accept(0x50, "4102FFFFAE00FFFF"), "one ahead: the sender moved on");
        assertNull(accept(0x50, "2102FFFFAC00FFFF"));
    }

    @Test
    void sourcesAndPgnsInterleaveWithoutMixing() throws Exception {
        assertNull(accept(0x50, "200B01000056FF4E"));
        assertNull(accept(0x51, "000B01200040FFFF"));
        assertNull(assembler.accept(0x50, 130000, f("2014AAAAAAAAAAAA")));
        assertEquals("01000056FF4E02FFFFAC00", accept(0x50, "2102FFFFAC00FFFF"));
        assertEquals("01200040FFFFFFFFFF4000", accept(0x51, "01FFFFFF4000FFFF"));
        assertEquals(1, assembler.pending());
    }

    @Test
    void stateIsBoundedTheLeastRecentlyUsedPacketGoes() throws Exception {
        FastPacketAssembler small = new FastPacketAssembler(2);
        small.accept(1, PGN, f("000B00000057FF58"));
        small.accept(2, PGN, f("000B00000057FF58"));
        small.accept(1, PGN, f("000B00000057FF58")); // source 1 touched again
        small.accept(3, PGN, f("000B00000057FF58")); // evicts source 2
        assertEquals(2, small.pending());
        assertNull(small.accept(2, PGN, f("0102FFFFAE00FFFF")));
        assertEquals("00000057FF5802FFFFAE00", hex(small.accept(1, PGN, f("0102FFFFAE00FFFF"))));
        assertEquals("00000057FF5802FFFFAE00", hex(small.accept(3, PGN, f("0102FFFFAE00FFFF"))));
        assertThrows(IllegalArgumentException.class, () -> new FastPacketAssembler(0));
    }

    @Test
    void framesThatCannotBeFastPacketsAreMalformed() throws Exception {
        for (String bad : List.of("", "00", "00E0010203040506", "000B0000")) {
            MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> accept(0x50, bad), bad);
            assertTrue(e.getMessage().startsWith("0x19F21250 PGN 127506 fast packet: "), e.getMessage());
        }
        accept(0x50, "0014010203040506");
        assertThrows(MalformedFrameException.class, () -> accept(0x50, "01070809"));
        assertEquals(0, assembler.pending(), "a short middle frame drops the packet");
    }

    @Test
    void theEncoderSplitsAsTheAssemblerJoins() throws Exception {
        byte[] payload = new byte[FastPacketAssembler.MAX_LENGTH];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        List<byte[]> frames = FastPacketEncoder.split(payload, 5);
        assertEquals(32, frames.size());
        byte[] out = null;
        for (byte[] data : frames) {
            assertEquals(8, data.length);
            out = assembler.accept(9, PGN, CanFrame.of(0, "can0", 0x19F21209, true, data));
        }
        assertEquals(hex(payload), hex(out));
        assertEquals("A0DF000102030405", hex(frames.get(0)));
        assertEquals("BFD8D9DADBDCDDDE", hex(frames.get(31)));
        assertThrows(IllegalArgumentException.class, () -> FastPacketEncoder.split(new byte[224], 0));
        assertThrows(IllegalArgumentException.class, () -> FastPacketEncoder.split(new byte[9], 8));
    }
}
