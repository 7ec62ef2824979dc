package org.bmsworkbench.protocol.generalbms.internal;

import static org.bmsworkbench.protocol.generalbms.internal.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bmsworkbench.bms.testing.Allocation;
import org.bmsworkbench.bms.testing.CountingSink;
import org.bmsworkbench.bms.testing.DecodeToEquivalence;
import org.bmsworkbench.bms.testing.DecodeToEquivalence.Counts;
import org.bmsworkbench.can.CanFrame;
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
    private final DecodeToEquivalence equivalence = new DecodeToEquivalence(protocol);

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
        assertEquals(16, equivalence.counts().messages());
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
        assertEquals(frames.size(), equivalence.counts().messages());
        for (int id : IDS) {
            check(frame(id, "0102")); // too short for every id but 0x35B
        }
        assertEquals(IDS.length - 1, equivalence.counts().malformed());
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
        Counts counts = equivalence.counts();
        assertTrue(counts.messages() > 500 && counts.malformed() > 1000, counts.toString());
    }

    private void check(CanFrame frame) {
        equivalence.check(frame);
    }

    /**
     * After warm-up, the frames a General BMS sends every second (the seven SMA ids, 0x373 and 0x378)
     * decode into a sink that keeps nothing with less than a byte allocated a frame.
     */
    @Test
    void decodeToAllocatesLessThanAByteAFrame() throws Exception {
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
        CountingSink sink = new CountingSink();
        int total = 100_000;
        double perFrame = Allocation.decodeToBytesPerFrame(protocol.newSession(), frames, sink, 4 * total, total);
        assertEquals(5 * total, sink.messages());
        assertTrue(perFrame < 1, perFrame + " bytes a frame");
    }
}
