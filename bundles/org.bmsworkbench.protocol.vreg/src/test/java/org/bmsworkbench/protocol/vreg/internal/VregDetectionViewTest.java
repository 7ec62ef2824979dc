package org.bmsworkbench.protocol.vreg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.testing.DetectionEquivalence;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code detectionScore} of a reused view (what {@code bmswb decode --all} asks of every
 * frame no session decoded) gives what the frame's gives, one frame a branch (those of
 * {@link VregProtocolTest}, guide 1.5.4: 0x0100 with an MG product id (0xA390 and 0xA394, the ends
 * of the range) and another, a register of the table whole and short, a request, an ACK, a short
 * request, a register outside the table, too short, another PGN, 11-bit, remote, CAN FD), and
 * allocates less than a byte a frame once warm.
 */
class VregDetectionViewTest {
    private record Case(CanFrame frame, int score) {
    }

    private static CanFrame frame(int id, String hex) {
        return CanFrame.of(1_600_000_000_000_000L, "can0", id, true, HexFormat.of().parseHex(hex));
    }

    private static final List<Case> CASES = List.of(
            new Case(frame(0x1CEFFF50, "6699000192A3FFFF"), VregProtocol.SCORE_MG_PRODUCT),
            new Case(frame(0x1CEFFF50, "6699000190A3FFFF"), VregProtocol.SCORE_MG_PRODUCT),
            new Case(frame(0x1CEFFF50, "6699000194A3FFFF"), VregProtocol.SCORE_MG_PRODUCT),
            new Case(frame(0x1CEFFF50, "6699000195A3FFFF"), VregProtocol.SCORE_REGISTER),
            new Case(frame(0x1CEFFF50, "6699000134120000"), VregProtocol.SCORE_REGISTER),
            new Case(frame(0x1CEFFF50, "6699FF0F2E22FFFF"), VregProtocol.SCORE_REGISTER),
            new Case(frame(0x1CEFFF50, "6699FF0F2E"), 0),
            new Case(frame(0x1CEF5020, "669901000201FFFF"), VregProtocol.SCORE_COMMAND),
            new Case(frame(0x1CEF2050, "6699020002010080"), VregProtocol.SCORE_COMMAND),
            new Case(frame(0x1CEF5020, "6699010002"), 0),
            new Case(frame(0x1CEFFF50, "6699341200000000"), VregProtocol.SCORE_OTHER_VREG),
            new Case(frame(0x1CEFFF50, "669934"), 0),
            new Case(frame(0x19F21450, "6699FF0F2E22FFFF"), 0),
            new Case(CanFrame.of(0, "can0", 0x356, false, new byte[] {0x66, (byte) 0x99, 0, 0}), 0),
            new Case(CanFrame.remote(0, "can0", 0x1CEFFF50, true, 8), 0),
            new Case(CanFrame.fd(0, "can0", 0x1CEFFF50, true, true, false, HexFormat.of().parseHex("6699FF0F2E22FFFF")), 0));

    private static List<CanFrame> frames() {
        return CASES.stream().map(Case::frame).toList();
    }

    @Test
    void theViewScoresWhatTheFrameScores() {
        assertEquals(CASES.stream().map(Case::score).toList(),
                DetectionEquivalence.assertSameScores(new VregProtocol(), frames()));
    }

    @Test
    void scoringAViewAllocatesLessThanAByteAFrame() throws Exception {
        DetectionEquivalence.assertScoresViewsWithoutAllocating(new VregProtocol(), frames(), 100_000);
    }
}
