package org.bmsworkbench.protocol.pylontech.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
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
    private final ProtocolSession throughSink = protocol.newSession();
    private final ProtocolSession throughDecode = protocol.newSession();
    private final ReusedFrame reused = new ReusedFrame();
    private int messages;
    private int malformed;

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
        assertEquals(frames.size(), messages);
        for (CanFrame frame : List.of(frame(0x351, "1402C012C012C2"), frame(0x355, "1A00"), frame(0x356, ""),
                frame(0x359, "00000000"), frame(0x35C, ""), frame(0x35E, ""))) {
            check(frame);
        }
        assertEquals(6, malformed);
        for (CanFrame frame : List.of(frame(0x35A, "0000000000000000"), frame(0x35F, "9B3A011890010100"),
                CanFrame.of(TIME, "can0", 0x359, true, new byte[8]), CanFrame.remote(TIME, "can0", 0x35E, false, 8))) {
            check(frame);
        }
        assertEquals(frames.size(), messages);
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
        assertTrue(messages > 1000 && malformed > 500, messages + " messages, " + malformed + " malformed");
    }

    private void check(CanFrame frame) {
        String where = frame.toString();
        Outcome expected = viaDecode(protocol.newSession(), frame);
        assertEquals(expected, viaSink(protocol.newSession(), frame), where);
        assertEquals(expected, viaSink(protocol.newSession(), reused.set(frame)), where);
        assertEquals(expected, viaDecode(throughDecode, frame), where + " (after the frames before)");
        assertEquals(expected, viaSink(throughSink, reused.set(frame)), where + " (after the frames before)");
        if (expected.error != null) {
            malformed++;
        } else if (expected.message) {
            messages++;
        }
    }

    private static Outcome viaDecode(ProtocolSession session, CanFrame frame) {
        RecordingSink sink = new RecordingSink();
        try {
            DecodedMessage message = session.decode(frame);
            if (message != null) {
                MessageSink.replay(message, sink);
            }
            return new Outcome(message != null, sink.events, null);
        } catch (MalformedFrameException e) {
            return new Outcome(false, sink.events, e.getMessage());
        }
    }

    private static Outcome viaSink(ProtocolSession session, FrameView frame) {
        RecordingSink sink = new RecordingSink();
        try {
            return new Outcome(session.decodeTo(frame, sink), sink.events, null);
        } catch (MalformedFrameException e) {
            return new Outcome(false, sink.events, e.getMessage());
        }
    }

    private record Outcome(boolean message, List<String> events, String error) {
    }

    @Test
    void decodeToAllocatesLessThanAByteAFrame() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "no com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "thread allocation counting is off");
        CanFrame[] frames = new CanFrame[6 * 100];
        for (int i = 0; i < 100; i++) {
            frames[6 * i] = frame(0x351, "1402C012C012C201");
            frames[6 * i + 1] = frame(0x355, String.format("%02X006400", 20 + i % 50));
            frames[6 * i + 2] = frame(0x356, String.format("7A13%02XFE6B01", i));
            frames[6 * i + 3] = frame(0x359, i % 2 == 0 ? "0000000006504E" : "0000040006504E");
            frames[6 * i + 4] = frame(0x35C, "C000");
            frames[6 * i + 5] = frame(0x35E, "50594C4F4E202020");
        }
        ProtocolSession session = protocol.newSession();
        ReusedFrame view = new ReusedFrame();
        long[] count = new long[1];
        MessageSink sink = new MessageSink() {
            @Override
            public void begin(String protocol, String message, FrameView frame, int pgn, int source,
                    int destination, int instance, int register, int code, int dataId) {
                count[0]++;
            }

            @Override
            public void number(String key, double value) {
            }

            @Override
            public void value(String key, Object value) {
            }

            @Override
            public void end() {
            }
        };
        int total = 100_000;
        for (int i = 0; i < 4 * total; i++) { // warm-up
            session.decodeTo(view.set(frames[i % frames.length]), sink);
        }
        count[0] = 0;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < total; i++) {
            session.decodeTo(view.set(frames[i % frames.length]), sink);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(total, count[0]);
        assertTrue(allocated < total, allocated + " bytes for " + total + " frames");
    }
}
