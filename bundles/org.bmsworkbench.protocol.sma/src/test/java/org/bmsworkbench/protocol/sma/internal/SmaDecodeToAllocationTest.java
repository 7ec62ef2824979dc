package org.bmsworkbench.protocol.sma.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.ReusedFrame;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code bmswb decode} of an SMA log makes no objects a frame. After warm-up,
 * {@code decodeTo} of the seven ids of guide 1.3.2 (0x351 BMS Limits … 0x35F System Information, as a
 * Sunny Island sees them: limits and identity constant, SOC, current and alarms changing) from a
 * reused frame into a sink that keeps nothing allocates less than a byte a frame, counted by the JVM
 * for this thread; so do frames of other protocols, which are not its. Not a timing test. The same loop through the default {@code decodeTo} (decode,
 * then replay the message) must allocate, or the count proves nothing.
 */
class SmaDecodeToAllocationTest {
    private static final long TIME = 1_600_000_000_000_000L;
    private static final int FRAMES = 100_000;

    /** Counts and sums what it is sent, so the decoding cannot be optimised away; allocates nothing. */
    private static final class CountingSink implements MessageSink {
        long messages;
        long signals;
        double sum;

        @Override
        public void begin(String protocol, String message, FrameView frame, int pgn, int source, int destination,
                int instance, int register, int code, int dataId) {
            messages++;
        }

        @Override
        public void number(String key, double value) {
            signals++;
            sum += value;
        }

        @Override
        public void value(String key, Object value) {
            signals++;
        }

        @Override
        public void end() {
        }
    }

    /** One minute of a bus, 7 × 700 frames: 0x355 SOC and 0x356 current step, 0x35A alternates a warning. */
    private static CanFrame[] hotFrames() {
        HexFormat hex = HexFormat.of();
        CanFrame[] frames = new CanFrame[7 * 700];
        for (int i = 0; i < 700; i++) {
            int socPrecise = 8000 + i;
            int current = -150 + i;
            frames[7 * i] = CanFrame.of(TIME, "can0", 0x351, false, hex.parseHex("2802E803DC05C001"));
            frames[7 * i + 1] = CanFrame.of(TIME, "can0", 0x355, false, (byte) (socPrecise / 100), (byte) 0, (byte) 100,
                    (byte) 0, (byte) socPrecise, (byte) (socPrecise >> 8));
            frames[7 * i + 2] = CanFrame.of(TIME, "can0", 0x356, false, (byte) 0xC0, (byte) 0x14, (byte) current,
                    (byte) (current >> 8), (byte) 0xD7, (byte) 0);
            frames[7 * i + 3] = CanFrame.of(TIME, "can0", 0x35A, false,
                    hex.parseHex(i % 2 == 0 ? "0000000040000000" : "0000000080000000"));
            frames[7 * i + 4] = CanFrame.of(TIME, "can0", 0x35B, false, hex.parseHex("00"));
            frames[7 * i + 5] = CanFrame.of(TIME, "can0", 0x35E, false, hex.parseHex("4D472D424D530000"));
            frames[7 * i + 6] = CanFrame.of(TIME, "can0", 0x35F, false, hex.parseHex("9B3A011890010100"));
        }
        return frames;
    }

    private static long allocatedBytes(com.sun.management.ThreadMXBean threads, ProtocolSession session,
            CanFrame[] frames, ReusedFrame view, CountingSink sink, int count) throws MalformedFrameException {
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < count; i++) {
            session.decodeTo(view.set(frames[i % frames.length]), sink);
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void decodeToAllocatesLessThanAByteAFrame() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "no com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "thread allocation counting is off");
        CanFrame[] frames = hotFrames();
        ReusedFrame view = new ReusedFrame();
        ProtocolSession session = new SmaProtocol().newSession();
        CountingSink sink = new CountingSink();

        allocatedBytes(threads, session, frames, view, sink, 4 * FRAMES); // warm-up
        sink = new CountingSink();
        long allocated = allocatedBytes(threads, session, frames, view, sink, FRAMES);
        assertEquals(FRAMES, sink.messages);
        assertEquals(FRAMES / 7 * (4 + 3 + 3 + 26 + 1 + 1 + 4) + 4 + 3 + 3 + 26 + 1, sink.signals);
        assertTrue(allocated < FRAMES, allocated + " bytes for " + FRAMES + " frames");

        // frames that are not SMA's: false, and nothing allocated either
        CanFrame[] others = {CanFrame.of(TIME, "can0", 0x19F21450, true, new byte[8]),
                CanFrame.of(TIME, "can0", 0x373, false, new byte[8]), CanFrame.remote(TIME, "can0", 0x351, false, 8),
                CanFrame.error(TIME, "can0", 0x004, new byte[8])};
        allocatedBytes(threads, session, others, view, sink, FRAMES); // warm-up
        sink = new CountingSink();
        allocated = allocatedBytes(threads, session, others, view, sink, FRAMES);
        assertEquals(0, sink.messages);
        assertTrue(allocated < FRAMES, allocated + " bytes for " + FRAMES + " frames of other protocols");

        // the count can fail: decode + replay (ProtocolSession's default) makes a message a frame
        ProtocolSession defaults = new ProtocolSession() {
            @Override
            public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
                return session.decode(frame);
            }

            @Override
            public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
                return session.encode(message, signals, bus, timestampMicros);
            }
        };
        allocatedBytes(threads, defaults, frames, view, new CountingSink(), FRAMES); // warm-up
        long byDefault = allocatedBytes(threads, defaults, frames, view, new CountingSink(), FRAMES);
        assertTrue(byDefault > 50L * FRAMES, "the default allocates " + byDefault + " bytes for " + FRAMES + " frames");
    }
}
