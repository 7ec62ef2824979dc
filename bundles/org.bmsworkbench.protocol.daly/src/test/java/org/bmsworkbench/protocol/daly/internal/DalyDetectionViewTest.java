package org.bmsworkbench.protocol.daly.internal;

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
 * {@link DalyProtocolTest}: serial chunks with a whole reply, one inside other bytes, the start of
 * one, our and another host's request, a JBD answer; CAN replies of a known and an unknown data id,
 * a request, a short reply, 11-bit, sent by us, remote, CAN FD); and that scoring the CAN replies, a
 * Daly on CAN bus, allocates less than a byte a frame once warm. Chunks are copied (see
 * {@link DalyProtocol#detectionScore(org.bmsworkbench.can.FrameView)}).
 */
class DalyDetectionViewTest {
    private record Case(CanFrame frame, int score) {
    }

    private static CanFrame chunk(Direction d, String hex) {
        return CanFrame.chunk(1, "ttyUSB0", d, HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    private static CanFrame can(int id, int length) {
        return CanFrame.of(1, "can0", id, true, new byte[length]);
    }

    private static final List<Case> CHUNKS = List.of(
            new Case(chunk(Direction.RX, "A5 01 90 08 02 12 00 00 74 F5 03 9A 58"), DalyProtocol.SCORE_FRAME),
            new Case(chunk(Direction.RX, "00 A5 01 90 08 02 12 00 00 74 F5 03 9A 58 A5"), DalyProtocol.SCORE_FRAME),
            new Case(chunk(Direction.RX, "A5 01 90 08 02 12 00 00 74 F5 03 9A 59"), DalyProtocol.SCORE_START),
            new Case(chunk(Direction.RX, "A5 01 90 08 02"), DalyProtocol.SCORE_START),
            new Case(chunk(Direction.RX, "A5"), 0),
            new Case(chunk(Direction.TX, "A5 40 90 08 00 00 00 00 00 00 00 00 7D"), 0),
            new Case(chunk(Direction.RX, "A5 40 90 08 00 00 00 00 00 00 00 00 7D"), 0),
            new Case(chunk(Direction.RX, "DD 03 00 1B 05 28 00 00 00 00 00 00 77"), 0));

    private static final List<Case> CAN = List.of(
            new Case(can(0x18904001, 8), DalyProtocol.SCORE_CAN_REPLY),
            new Case(can(0x18954001, 8), DalyProtocol.SCORE_CAN_REPLY),
            new Case(can(0x18DA4001, 8), DalyProtocol.SCORE_CAN_REPLY),
            new Case(can(0x18900140, 8), 0),
            new Case(can(0x18504001, 8), 0),
            new Case(can(0x18904001, 7), 0),
            new Case(CanFrame.of(1, "can0", 0x356, false, new byte[8]), 0),
            new Case(CanFrame.of(1, "can0", 0x18904001, true, new byte[8]).withDirection(Direction.TX), 0),
            new Case(CanFrame.remote(1, "can0", 0x18904001, true, 8), 0),
            new Case(CanFrame.fd(1, "can0", 0x18904001, true, true, false, new byte[8]), 0));

    @Test
    void theViewScoresWhatTheFrameScores() {
        for (List<Case> cases : List.of(CHUNKS, CAN)) {
            assertEquals(cases.stream().map(Case::score).toList(),
                    DetectionEquivalence.assertSameScores(new DalyProtocol(), cases.stream().map(Case::frame).toList()));
        }
    }

    @Test
    void scoringACanViewAllocatesLessThanAByteAFrame() throws Exception {
        DetectionEquivalence.assertScoresViewsWithoutAllocating(new DalyProtocol(), CAN.stream().map(Case::frame).toList(),
                100_000);
    }
}
