package org.bmsworkbench.protocol.nmea2000.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.bms.testing.Allocation;
import org.bmsworkbench.bms.testing.CountingSink;
import org.bmsworkbench.bms.testing.DefaultDecodeTo;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.ReusedFrame;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "no per-frame allocation on the hot path": after warm-up, {@code decodeTo} of the MG
 * Master LV's traffic (PGN 127508, guide 1.5.3.1, its three instances; PGN 127506, guide 1.5.3.2,
 * as two-frame fast packets) through one refilled {@link ReusedFrame} into a sink that keeps
 * nothing allocates less than one byte a frame, counted by the JVM for this thread
 * ({@code com.sun.management.ThreadMXBean}). The same count over the default {@code decodeTo}
 * (decode, then replay) must see the objects it makes, or the count proves nothing.
 */
class Nmea2000DecodeToAllocationTest {
    private static final int FRAMES = 100_000;

    /** Frames i = 0, 1, ...: a cycle of 127508 instances 0, 1, 2 and a 127506 fast packet, values changing. */
    static final class MgTraffic {
        private static final int STATUS_ID = J1939Id.of(6, 127508, 0x50, 255).canId();
        private static final int DC_STATUS_ID = J1939Id.of(6, 127506, 0x50, 255).canId();
        final ReusedFrame view = new ReusedFrame();
        private int cycle;
        private int step;

        /** Fills the view with the next frame, without an object. */
        FrameView next() {
            int id = step < 3 ? STATUS_ID : DC_STATUS_ID;
            byte[] data = view.set(1_600_000_000_000_000L + cycle, "can0", id, ReusedFrame.EXTENDED, 8, Direction.RX)
                    .data(8);
            switch (step) {
                case 0, 1, 2 -> {
                    data[0] = (byte) step;
                    put16(data, 1, step == 0 ? 2654 + cycle % 100 : 330 + cycle % 7);
                    put16(data, 3, step == 0 ? -123 - cycle % 50 : 0x7FFF);
                    put16(data, 5, 29815 + cycle % 300);
                    data[7] = (byte) cycle;
                }
                case 3 -> {
                    data[0] = (byte) ((cycle & 7) << 5);
                    data[1] = 11;
                    data[2] = (byte) cycle;
                    data[3] = 0;
                    data[4] = 0;
                    data[5] = (byte) (cycle % 101);
                    data[6] = (byte) 0xFF;
                    data[7] = (byte) (cycle % 1000);
                }
                default -> {
                    data[0] = (byte) ((cycle & 7) << 5 | 1);
                    data[1] = (byte) (cycle % 1000 >>> 8);
                    data[2] = (byte) 0xFF;
                    data[3] = (byte) 0xFF;
                    put16(data, 4, 200 + cycle % 2000);
                    data[6] = (byte) 0xFF;
                    data[7] = (byte) 0xFF;
                }
            }
            if (++step == 5) {
                step = 0;
                cycle++;
            }
            return view;
        }
    }

    private static void put16(byte[] data, int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
    }

    /** Bytes allocated per frame over {@link #FRAMES} frames after a warm-up of three times as many. */
    static double bytesPerFrame(ProtocolSession session, MgTraffic traffic, MessageSink sink) throws Exception {
        return Allocation.bytesPerCall(3 * FRAMES, FRAMES, i -> session.decodeTo(traffic.next(), sink));
    }

    @Test
    void decodeToAllocatesNothingAFrame() throws Exception {
        CountingSink sink = new CountingSink();
        double perFrame = bytesPerFrame(new Nmea2000Protocol().newSession(), new MgTraffic(), sink);
        assertTrue(perFrame < 1, perFrame + " bytes a frame");
        // 4 rounds of frames, 5 frames a cycle: three 127508 and one 127506 message of 3 + 2 + 2 + 3 signals
        assertEquals(4L * FRAMES * 4 / 5, sink.messages());
        assertEquals(sink.messages() / 4 * 10, sink.signals());
        assertEquals(0, sink.nulls());
    }

    @Test
    void theCountSeesTheDefaultPathsObjects() throws Exception {
        ProtocolSession session = new Nmea2000Protocol().newSession();
        ProtocolSession defaultPath = DefaultDecodeTo.of(session);
        double perFrame = bytesPerFrame(defaultPath, new MgTraffic(), new CountingSink());
        assertTrue(perFrame > 50, perFrame + " bytes a frame: a frame copy, a message, its signals");
    }
}
