package org.bmsworkbench.protocol.sma.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.testing.DetectionEquivalence;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code detectionScore} of a reused view (what {@code bmswb decode --all} asks of every
 * frame no session decoded) gives what the frame's gives, one frame a branch (those of
 * {@link SmaProtocolTest#detection}, guide 1.3.2: 0x35E "MG-BMS" and another name, a full frame, 0x35B,
 * a short one, another id, 29-bit, CAN FD, remote), and allocates less than a byte a frame once warm.
 */
class SmaDetectionViewTest {
    private static final long TIME = 1_600_000_000_000_000L;

    private record Case(CanFrame frame, int score) {
    }

    private static CanFrame frame(int id, boolean extended, String hex) {
        return CanFrame.of(TIME, "can0", id, extended, HexFormat.of().parseHex(hex));
    }

    private static final List<Case> CASES = List.of(
            new Case(frame(0x35E, false, "4D472D424D530000"), SmaProtocol.SCORE_MG_NAME),
            new Case(frame(0x35E, false, "4D472D424D532020"), SmaProtocol.SCORE_MG_NAME), // space padding
            new Case(frame(0x35E, false, "4F54484552000000"), SmaProtocol.SCORE_SMA_FRAME),
            new Case(frame(0x35E, false, "4D472D424D530001"), SmaProtocol.SCORE_SMA_FRAME), // "MG-BMS\0?"
            new Case(frame(0x356, false, "C01485FFD700"), SmaProtocol.SCORE_SMA_FRAME),
            new Case(frame(0x351, false, "2802E803DC05C001"), SmaProtocol.SCORE_SMA_FRAME),
            new Case(frame(0x35B, false, "00"), SmaProtocol.SCORE_EVENTS),
            new Case(frame(0x356, false, "C014"), 0),
            new Case(frame(0x373, false, "0000000000000000"), 0),
            new Case(frame(0x35E, true, "4D472D424D530000"), 0),
            new Case(frame(0x19F21450, true, "0000000000000000"), 0),
            new Case(CanFrame.fd(TIME, "can0", 0x356, false, true, false, HexFormat.of().parseHex("C01485FFD7000000")), 0),
            new Case(CanFrame.remote(TIME, "can0", 0x356, false, 8), 0));

    private static List<CanFrame> frames() {
        return CASES.stream().map(Case::frame).toList();
    }

    @Test
    void theViewScoresWhatTheFrameScores() {
        assertEquals(CASES.stream().map(Case::score).toList(),
                DetectionEquivalence.assertSameScores(new SmaProtocol(), frames()));
    }

    @Test
    void scoringAViewAllocatesLessThanAByteAFrame() throws Exception {
        DetectionEquivalence.assertScoresViewsWithoutAllocating(new SmaProtocol(), frames(), 100_000);
    }
}
