package org.bmsworkbench.protocol.pylontech.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bmsworkbench.bms.testing.Allocation;
import org.bmsworkbench.bms.testing.CountingSink;
import org.bmsworkbench.bms.testing.DecodeToEquivalence;
import org.bmsworkbench.bms.testing.DecodeToEquivalence.Counts;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;
import org.junit.jupiter.api.Test;

/**
 * {@code decodeTo} sends a sink exactly what {@code decode} gives (issue 16): frames of the public
 * Pylontech captures the codec tests use, every flag, markers, names, short frames and random bytes,
 * as {@link CanFrame} and as {@link ReusedFrame}, on fresh sessions and on one pair that sees them all;
 * and 100,000 frames of the six ids allocate less than a byte a frame after warm-up.
 */
class PylontechDecodeToTest {
    private static final long TIME = 1_600_000_000_000_000L;
    private static final int[] IDS = {0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E};

    private final PylontechProtocol protocol = new PylontechProtocol();
    private final DecodeToEquivalence equivalence = new DecodeToEquivalence(protocol);

    private static CanFrame frame(int id, String hex) {
        return CanFrame.of(TIME, "can0", id, false, HexFormat.of().parseHex(hex));
    }

    @Test
    void capturedAndHandWrittenFramesDecodeTheSame() throws Exception {
        List<CanFrame> frames = new ArrayList<>();
        // public US2000/US5000 captures (see PylontechCodecDecodeTest) and the markers 0xFFFF, 0x8000
        frames.add(frame(0x351, "1402C012C012C201"));
        frames.add(frame(0x351, "FFFF00800080FFFF"));
        frames.add(frame(0x355, "1A006400"));
        frames.add(frame(0x355, "540060000000"));
        frames.add(frame(0x355, "FFFFC800"));
        frames.add(frame(0x356, "7A13F2FE6B01"));
        frames.add(frame(0x356, "008000800080"));
        // 0x359 "00 00 00 00 06 50 4E" (README), every protection and alarm bit, a module count over 127
        frames.add(frame(0x359, "0000000006504E"));
        frames.add(frame(0x359, "61F661F602504E"));
        frames.add(frame(0x359, "FFFFFFFFFF"));
        // 0x35C charge requests, 0x35E names (space padded, short, padding only)
        frames.add(frame(0x35C, "C000"));
        frames.add(frame(0x35C, "38"));
        frames.add(frame(0x35E, "50594C4F4E202020"));
        frames.add(frame(0x35E, "5059544553"));
        frames.add(frame(0x35E, "20200000"));
        frames.add(frame(0x35E, "50594C4F4E202020"));
        frames.add(frame(0x35E, "50594C4F4E"));
        frames.add(frame(0x35E, "0150FF7F"));
        for (CanFrame frame : frames) {
            check(frame);
        }
        assertEquals(frames.size(), equivalence.counts().messages());
        for (CanFrame frame : List.of(frame(0x351, "1402C012C012C2"), frame(0x355, "1A00"), frame(0x356, ""),
                frame(0x359, "00000000"), frame(0x35C, ""), frame(0x35E, ""))) {
            check(frame);
        }
        assertEquals(6, equivalence.counts().malformed());
        for (CanFrame frame : List.of(frame(0x35A, "0000000000000000"), frame(0x35F, "9B3A011890010100"),
                CanFrame.of(TIME, "can0", 0x359, true, new byte[8]), CanFrame.remote(TIME, "can0", 0x35E, false, 8))) {
            check(frame);
        }
        assertEquals(frames.size(), equivalence.counts().messages());
    }

    @Test
    void randomFramesDecodeTheSame() throws Exception {
        Random random = new Random(16);
        for (int n = 0; n < 5000; n++) {
            byte[] data = new byte[random.nextInt(9)];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextInt(3) == 0 ? (byte) (random.nextBoolean() ? 0xFF : 0x80) : (byte) random.nextInt();
            }
            check(CanFrame.of(TIME + n, "can0", IDS[random.nextInt(IDS.length)], random.nextInt(20) == 0, data));
        }
        Counts counts = equivalence.counts();
        assertTrue(counts.messages() > 1000 && counts.malformed() > 500, counts.toString());
    }

    private void check(CanFrame frame) {
        equivalence.checkStateless(frame);
    }

    @Test
    void decodeToAllocatesLessThanAByteAFrame() throws Exception {
        CanFrame[] frames = new CanFrame[6 * 100];
        for (int i = 0; i < 100; i++) {
            frames[6 * i] = frame(0x351, "1402C012C012C201");
            frames[6 * i + 1] = frame(0x355, String.format("%02X006400", 20 + i % 50));
            frames[6 * i + 2] = frame(0x356, String.format("7A13%02XFE6B01", i));
            frames[6 * i + 3] = frame(0x359, i % 2 == 0 ? "0000000006504E" : "0000040006504E");
            frames[6 * i + 4] = frame(0x35C, "C000");
            frames[6 * i + 5] = frame(0x35E, "50594C4F4E202020");
        }
        CountingSink sink = new CountingSink();
        int total = 100_000;
        double perFrame = Allocation.decodeToBytesPerFrame(protocol.newSession(), frames, sink, 4 * total, total);
        assertEquals(5 * total, sink.messages());
        assertTrue(perFrame < 1, perFrame + " bytes a frame");
    }
}
