package org.bmsworkbench.protocol.vreg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Issue 16, "no per-frame allocation on the hot path". With {@code --protocol nmea2000} the VREG
 * session is asked about every frame the NMEA 2000 session returns null for (every fast-packet
 * frame but the last, every address claim), so turning a frame that is not a VREG down must make
 * nothing: after warm-up, {@code decodeTo} of PGN 127508 and 127506 frames (guide 1.5.3) and of
 * another maker's 0xEF00 frames ({@code E5 98}, docs/SIGNALS.md) allocates less than one byte a
 * frame, counted by the JVM for this thread. So does a device's broadcast of its status registers
 * (guide 1.5.4.2) whose scaled values change every frame and whose whole ones repeat. The same
 * count over the default {@code decodeTo} must see its objects.
 */
class VregDecodeToAllocationTest {
    private static final int FRAMES = 100_000;

    /** Fills one view again and again from a cycle of frames given as ids and 8 data bytes. */
    static final class Cycle {
        final ReusedFrame view = new ReusedFrame();
        private final int[] ids;
        private final long[] data;
        /** Which frames' value changes every round. */
        private final boolean[] vary;
        private int next;
        private int round;

        Cycle(int[] ids, long[] data, boolean... vary) {
            this.ids = ids;
            this.data = data;
            this.vary = vary;
        }

        FrameView next() {
            int i = next;
            byte[] bytes = view.set(round, "can0", ids[i], ReusedFrame.EXTENDED, 8, Direction.RX).data(8);
            long d = data[i];
            for (int b = 0; b < 8; b++) {
                bytes[b] = (byte) (d >>> 8 * (7 - b));
            }
            if (i < vary.length && vary[i]) {
                bytes[4] = (byte) round; // the low byte of the value changes every round
            }
            if (++next == ids.length) {
                next = 0;
                round++;
            }
            return view;
        }
    }

    private static int id(int priority, int pgn, int source, int destination) {
        return J1939Id.of(priority, pgn, source, destination).canId();
    }

    /** NMEA 2000 traffic of the MG Master LV and a Garmin 0xEF00 frame: nothing VREG decodes. */
    static Cycle foreign() {
        int status = id(6, 127508, 0x50, 255);
        int dc = id(6, 127506, 0x50, 255);
        return new Cycle(new int[] {status, status, status, dc, dc, id(7, 0xEF00, 0x06, 255), id(6, 60928, 0x50, 255)},
                new long[] {0x005E0A85FF777400L, 0x014B01FF7F7D7300L, 0x024D01FF7F777400L, 0x000B00000057FF58L,
                    0x0102FFFFAE00FFFFL, 0xE598010203FFFFFFL, 0x6712009100AA46C0L});
    }

    /**
     * The MG Master LV's status broadcasts (vreg-guide.log's frames): SOC, voltage, current, cell
     * voltages and temperatures (scaled: {@code Double}s) change every round; time to go, BMS state,
     * configuration and last errors (whole: {@code Long}s) repeat.
     */
    static Cycle broadcasts() {
        int id = id(7, 0xEF00, 0x50, 255);
        return new Cycle(new int[] {id, id, id, id, id, id, id, id, id},
                new long[] {0x6699FF0F2E22FFFFL, 0x66998DEDC014FFFFL, 0x66998FED85FFFFFFL, 0x6699850348014F01L,
                    0x6699860377746B76L, 0x6699FE0F2C01FFFFL, 0x6699710309FFFFFFL, 0x6699800304080202L,
                    0x669910210D0E0000L}, true, true, true, true, true, false, false, false, false);
    }

    /**
     * Bytes allocated a frame over {@link #FRAMES} frames after a warm-up of three times as many;
     * counts the trues of all in {@code sent}.
     */
    static double bytesPerFrame(ProtocolSession session, Cycle cycle, MessageSink sink, long[] sent) throws Exception {
        sent[0] = 0;
        return Allocation.bytesPerCall(3 * FRAMES, FRAMES, i -> {
            if (session.decodeTo(cycle.next(), sink)) {
                sent[0]++;
            }
        });
    }

    @Test
    void turningDownFramesThatAreNotVregMakesNothing() throws Exception {
        long[] sent = new long[1];
        double perFrame = bytesPerFrame(new VregProtocol().newSession(), foreign(), new CountingSink(), sent);
        assertTrue(perFrame < 1, perFrame + " bytes a frame");
        assertEquals(0, sent[0]);
    }

    @Test
    void aDevicesBroadcastsMakeNothing() throws Exception {
        long[] sent = new long[1];
        CountingSink sink = new CountingSink();
        double perFrame = bytesPerFrame(new VregProtocol().newSession(), broadcasts(), sink, sent);
        assertTrue(perFrame < 1, perFrame + " bytes a frame");
        assertEquals(4 * FRAMES, sent[0]);
    }

    @Test
    void theCountSeesTheDefaultPathsObjects() throws Exception {
        ProtocolSession session = new VregProtocol().newSession();
        ProtocolSession defaultPath = DefaultDecodeTo.of(session);
        long[] sent = new long[1];
        assertTrue(bytesPerFrame(defaultPath, foreign(), new CountingSink(), sent) > 30, "a frame copy a frame");
        assertFalse(sent[0] > 0);
        assertTrue(bytesPerFrame(defaultPath, broadcasts(), new CountingSink(), sent) > 50, "a frame copy, a message");
    }
}
