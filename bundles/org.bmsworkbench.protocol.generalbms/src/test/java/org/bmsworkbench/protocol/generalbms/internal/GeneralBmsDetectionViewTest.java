package org.bmsworkbench.protocol.generalbms.internal;

import static org.bmsworkbench.protocol.generalbms.internal.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.testing.DetectionEquivalence;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code detectionScore} of a reused view (what {@code bmswb decode --all} asks of every
 * frame no session decoded) gives what the frame's gives, one frame a branch (those of
 * {@link GeneralBmsProtocolTest}, guide 1.4.2: its own 0x373/0x378/0x380/0x381, 0x35E "MG-BMS" and
 * another name, a shared frame, 0x35B, a short one, 29-bit, another id, CAN FD, remote), and
 * allocates less than a byte a frame once warm.
 */
class GeneralBmsDetectionViewTest {
    private record Case(CanFrame frame, int score) {
    }

    private static final List<Case> CASES = List.of(
            new Case(frame(0x373, "F00C070D28012B01"), GeneralBmsProtocol.SCORE_OWN_FRAME),
            new Case(frame(0x378, "40E20100CD810100"), GeneralBmsProtocol.SCORE_OWN_FRAME),
            new Case(frame(0x380, "4D474C5632303233"), GeneralBmsProtocol.SCORE_OWN_FRAME),
            new Case(frame(0x381, "3030343200000000"), GeneralBmsProtocol.SCORE_OWN_FRAME),
            new Case(frame(0x35E, "4D472D424D530000"), GeneralBmsProtocol.SCORE_MG_NAME),
            new Case(frame(0x35E, "4D472D424D53FFFF"), GeneralBmsProtocol.SCORE_MG_NAME), // 0xFF padding
            new Case(frame(0x35E, "4F54484552000000"), GeneralBmsProtocol.SCORE_SHARED_FRAME),
            new Case(frame(0x356, "C01485FFD700"), GeneralBmsProtocol.SCORE_SHARED_FRAME),
            new Case(frame(0x35F, "9B3A011890010100"), GeneralBmsProtocol.SCORE_SHARED_FRAME),
            new Case(frame(0x35B, "00"), GeneralBmsProtocol.SCORE_EVENTS),
            new Case(frame(0x373, "F00C070D28012B"), 0),
            new Case(CanFrame.of(Frames.TIME, "can0", 0x378, true, new byte[8]), 0),
            new Case(frame(0x382, "0000000000000000"), 0),
            new Case(CanFrame.fd(Frames.TIME, "can0", 0x373, false, true, false, HexFormat.of().parseHex("F00C070D28012B01")), 0),
            new Case(CanFrame.remote(Frames.TIME, "can0", 0x373, false, 8), 0));

    private static List<CanFrame> frames() {
        return CASES.stream().map(Case::frame).toList();
    }

    @Test
    void theViewScoresWhatTheFrameScores() {
        assertEquals(CASES.stream().map(Case::score).toList(),
                DetectionEquivalence.assertSameScores(new GeneralBmsProtocol(), frames()));
    }

    @Test
    void scoringAViewAllocatesLessThanAByteAFrame() throws Exception {
        DetectionEquivalence.assertScoresViewsWithoutAllocating(new GeneralBmsProtocol(), frames(), 100_000);
    }
}
