package org.bmsworkbench.protocol.nmea2000.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.testing.DetectionEquivalence;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code detectionScore} of a reused view (what {@code bmswb decode --all} asks of every
 * frame no session decoded) gives what the frame's gives, one frame a branch (those of
 * {@link Nmea2000ProtocolTest}, guide 1.5: 127508 whole and short, a 127506 frame 0 of a plausible and
 * of an impossible length, a following frame, VREG, 11-bit, remote, empty; plus a foreign PGN,
 * 129025 Position Rapid Update as canboat lists it, and CAN FD), and allocates less than a byte a
 * frame once warm.
 */
class Nmea2000DetectionViewTest {
    private record Case(CanFrame frame, int score) {
    }

    private static CanFrame f(int id, boolean extended, String data) {
        return CanFrame.of(0, "can0", id, extended, HexFormat.of().parseHex(data));
    }

    private static final List<Case> CASES = List.of(
            new Case(f(0x19F21450, true, "005E0A85FF777400"), Nmea2000Protocol.SCORE_PGN),
            new Case(f(0x19F21250, true, "000B00000057FF58"), Nmea2000Protocol.SCORE_PGN),
            new Case(f(0x19F21250, true, "0102FFFFAE00FFFF"), Nmea2000Protocol.SCORE_FAST_PACKET_PART),
            new Case(f(0x19F21450, true, "005E0A"), 0),
            new Case(f(0x19F21250, true, "00FF000000"), 0),
            new Case(f(0x19F21250, true, "0008000000"), 0),
            new Case(f(0x1CEFFF50, true, "0000FF0F00000000"), 0),
            new Case(f(0x09F80123, true, "A0B1C2D3E4F50617"), 0),
            new Case(f(0x356, false, "C01485FFD700"), 0),
            new Case(f(0x214, false, "005E0A85FF777400"), 0),
            new Case(CanFrame.remote(0, "can0", 0x19F21450, true, 8), 0),
            new Case(CanFrame.fd(0, "can0", 0x19F21450, true, true, false, HexFormat.of().parseHex("005E0A85FF777400")), 0),
            new Case(f(0x19F21450, true, ""), 0));

    private static List<CanFrame> frames() {
        return CASES.stream().map(Case::frame).toList();
    }

    @Test
    void theViewScoresWhatTheFrameScores() {
        assertEquals(CASES.stream().map(Case::score).toList(),
                DetectionEquivalence.assertSameScores(new Nmea2000Protocol(), frames()));
    }

    @Test
    void scoringAViewAllocatesLessThanAByteAFrame() throws Exception {
        DetectionEquivalence.assertScoresViewsWithoutAllocating(new Nmea2000Protocol(), frames(), 100_000);
    }
}
