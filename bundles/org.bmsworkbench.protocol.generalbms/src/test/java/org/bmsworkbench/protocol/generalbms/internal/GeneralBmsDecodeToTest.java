package org.bmsworkbench.protocol.generalbms.internal;

import static org.bmsworkbench.protocol.generalbms.internal.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.ReusedFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.junit.jupiter.api.Test;

/**
 * {@code decodeTo} sends a sink exactly what {@code decode} gives (issue 16), through the SMA codec's
 * field-by-field path for every frame but the serial halves (0x380/0x381, session state: the
 * default path). One pair of sessions sees every frame in a row, so the serial halves join the same
 * way in both; each frame is also tried on fresh sessions, as a {@link CanFrame} and as a
 * {@link ReusedFrame}.
 */
class GeneralBmsDecodeToTest {
    private static final int[] IDS = {0x351, 0x355, 0x356, 0x35A, 0x35B, 0x35E, 0x35F, 0x373, 0x378, 0x380, 0x381};

    private final GeneralBmsProtocol protocol = new GeneralBmsProtocol();
    private final ProtocolSession throughSink = protocol.newSession();
    private final ProtocolSession throughDecode = protocol.newSession();
    private final ReusedFrame reused = new ReusedFrame();
    private int messages;
    private int malformed;

    @Test
    void theGuideLogDecodesTheSameThroughTheSink() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/general-bms-guide.log")) {
            assertNotNull(in);
            try (CanLogReader reader = CanLogs.open(in, "general-bms-guide.log", null, null)) {
                for (CanFrame frame = reader.next(); frame != null; frame = reader.next()) {
                    check(frame);
                }
            }
        }
        assertEquals(16, messages);
    }

    @Test
    void ownFramesDecodeTheSameThroughTheSink() throws Exception {
        List<CanFrame> frames = new ArrayList<>();
        // 1.4.2 Battery cell info 0x373: un16 1 mV, un16 1 mV, un16 1 K, un16 1 K; 0xFFFF not available
        for (String hex : List.of("F00C070D28012B01", "FFFF070D0C01FFFF", "0000FEFF0000FEFF")) {
            frames.add(frame(0x373, hex));
        }
        // 1.4.2 Energy charged and discharged 0x378: two un32 at 0.01 kWh; 0xFFFFFFFF not available
        for (String hex : List.of("40E20100CD810100", "FFFFFFFF10270000", "FEFFFFFF00000000")) {
            frames.add(frame(0x378, hex));
        }
        // 1.4.2 serial number 0x380 first 8 characters, 0x381 last 8, on two buses, replaced halves
        frames.add(frame(0x380, "4D474C5632303233"));
        frames.add(frame("can1", 0x381, "3030343200000000"));
        frames.add(frame(0x381, "3030343200000000"));
        frames.add(frame(0x380, "4D47204C56010202"));
        frames.add(frame("can1", 0x380, "0000000000000000"));
        for (CanFrame frame : frames) {
            check(frame);
        }
        assertEquals(frames.size(), messages);
        for (int id : IDS) {
            check(frame(id, "0102")); // too short for every id but 0x35B
        }
        assertEquals(IDS.length - 1, malformed);
    }

    @Test
    void randomFramesOfEveryIdAndLengthDecodeTheSame() throws Exception {
        Random random = new Random(16);
        for (int n = 0; n < 5000; n++) {
            byte[] data = new byte[random.nextInt(9)];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextInt(3) == 0 ? (byte) (random.nextBoolean() ? 0xFF : 0) : (byte) random.nextInt();
            }
            int id = random.nextInt(12) < 11 ? IDS[random.nextInt(IDS.length)] : random.nextInt(0x800);
            check(CanFrame.of(Frames.TIME + n, random.nextBoolean() ? "can0" : "can1", id, random.nextInt(20) == 0,
                    data));
        }
        assertTrue(messages > 500 && malformed > 1000, messages + " messages, " + malformed + " malformed");
    }

    private void check(CanFrame frame) {
        String where = frame.toString();
        Outcome expected = viaDecode(throughDecode, frame);
        assertEquals(expected, viaSink(throughSink, reused.set(frame)), where);
        Outcome fresh = viaDecode(protocol.newSession(), frame);
        assertEquals(fresh, viaSink(protocol.newSession(), frame), where + " (fresh session)");
        assertEquals(fresh, viaSink(protocol.newSession(), reused.set(frame)), where + " (fresh session)");
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

    /**
     * After warm-up, the frames a General BMS sends every second (the seven SMA ids, 0x373 and 0x378)
     * decode into a sink that keeps nothing with less than a byte allocated a frame.
     */
    @Test
    void decodeToAllocatesLessThanAByteAFrame() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "no com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "thread allocation counting is off");
        CanFrame[] frames = new CanFrame[9 * 100];
        for (int i = 0; i < 100; i++) {
            int mv = 3300 + i;
            frames[9 * i] = frame(0x351, "2802E803DC05C001");
            frames[9 * i + 1] = frame(0x355, String.format("5700640029%02X", 0x20 + i));
            frames[9 * i + 2] = frame(0x356, String.format("C014%02XFFD700", i));
            frames[9 * i + 3] = frame(0x35A, "AAAAAA026AAAAA02");
            frames[9 * i + 4] = frame(0x35B, "00");
            frames[9 * i + 5] = frame(0x35E, "4D472D424D530000");
            frames[9 * i + 6] = frame(0x35F, "9B3A011890010100");
            frames[9 * i + 7] = frame(0x373, String.format("%02X%02X070D28012B01", mv & 0xFF, mv >> 8));
            frames[9 * i + 8] = frame(0x378, String.format("%02XE20100CD810100", i));
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
