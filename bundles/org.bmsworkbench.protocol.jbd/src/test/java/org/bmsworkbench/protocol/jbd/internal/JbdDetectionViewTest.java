package org.bmsworkbench.protocol.jbd.internal;

import static org.bmsworkbench.protocol.jbd.internal.JbdProtocolTest.chunk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.testing.DetectionEquivalence;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code detectionScore} of a reused view (what {@code bmswb decode --all} asks of every
 * frame no session decoded) gives what the frame's gives, one frame a branch (those of
 * {@link JbdProtocolTest#detectionScoresWholeRepliesOnly}: a whole 0x04 reply alone and among other
 * bytes, an error reply, the start of a 0x04 and of a 0x03 reply, the second half, starts too short
 * or odd, a bad checksum, our own request, a Daly frame, a CAN frame, a chunk too short to judge).
 * JBD travels on serial lines only: its chunks are copied, not counted here.
 */
class JbdDetectionViewTest {
    private record Case(CanFrame frame, int score) {
    }

    private static final String CELLS = "DD0400080F450F3D0F370F3DFEC677";

    private static final List<Case> CASES = List.of(
            new Case(chunk(Direction.RX, CELLS), JbdProtocol.SCORE_REPLY),
            new Case(chunk(Direction.RX, "0102" + CELLS + "DD03"), JbdProtocol.SCORE_REPLY),
            new Case(chunk(Direction.RX, "DDE18000FF8077"), JbdProtocol.SCORE_OTHER_REPLY),
            new Case(chunk(Direction.RX, CELLS.substring(0, 20)), JbdProtocol.SCORE_REPLY_START),
            new Case(chunk(Direction.RX, "DD03001B1700"), JbdProtocol.SCORE_REPLY_START),
            new Case(chunk(Direction.RX, CELLS.substring(20)), 0),
            new Case(chunk(Direction.RX, "DD0300051700"), 0),
            new Case(chunk(Direction.RX, "DD0400070F45"), 0),
            new Case(chunk(Direction.RX, "DD0480000F45"), 0),
            new Case(chunk(Direction.RX, "DD0400080F450F3D0F370F3DFEC777"), 0),
            new Case(chunk(Direction.TX, "DDA50300FFFD77"), 0),
            new Case(chunk(Direction.RX, "A5019008020A0000753001147D"), 0),
            new Case(chunk(Direction.RX, "DD04"), 0),
            new Case(CanFrame.of(0, "can0", 0x356, false, HexFormat.of().parseHex("DD04000877")), 0));

    @Test
    void theViewScoresWhatTheFrameScores() {
        assertEquals(CASES.stream().map(Case::score).toList(),
                DetectionEquivalence.assertSameScores(new JbdProtocol(), CASES.stream().map(Case::frame).toList()));
    }
}
