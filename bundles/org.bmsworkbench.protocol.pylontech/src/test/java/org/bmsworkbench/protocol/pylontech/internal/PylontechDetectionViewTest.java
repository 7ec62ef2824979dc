package org.bmsworkbench.protocol.pylontech.internal;

import static org.bmsworkbench.protocol.pylontech.internal.PylontechProtocolTest.frame;
import static org.bmsworkbench.protocol.pylontech.internal.PylontechProtocolTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bmsworkbench.bms.testing.DetectionEquivalence;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code detectionScore} of a reused view (what {@code bmswb decode --all} asks of every
 * frame no session decoded) gives what the frame's gives, one frame a branch (those of
 * {@link PylontechProtocolTest}: 0x359 with and without "PN" and too short, 0x35C of 2 and 8 bytes,
 * 0x35E "PYLON" and "MG-BMS", the shared 0x351/0x355/0x356 whole and short, another id, 29-bit, CAN
 * FD, remote), and allocates less than a byte a frame once warm.
 */
class PylontechDetectionViewTest {
    private record Case(CanFrame frame, int score) {
    }

    private static final List<Case> CASES = List.of(
            new Case(frame(0x359, 0, 0, 0, 0, 6, 'P', 'N'), 100),
            new Case(frame(0x359, 0, 0, 0, 0, 6), 30),
            new Case(frame(0x359, 0, 0, 0, 0), 0),
            new Case(frame(0x35C, 0xC0, 0), 100),
            new Case(frame(0x35C, 0, 0, 0, 0, 0, 0, 0, 0), 0),
            new Case(text(0x35E, "PYLON   "), 100),
            new Case(text(0x35E, "PYLON\0\0\0"), 100),
            new Case(text(0x35E, "PYLONTEC"), 0),
            new Case(text(0x35E, "MG-BMS"), 0),
            new Case(frame(0x351, 1, 2, 3, 4, 5, 6, 7, 8), 2),
            new Case(frame(0x351, 1, 2, 3, 4, 5, 6), 0),
            new Case(frame(0x355, 1, 2, 3, 4), 2),
            new Case(frame(0x355, 1, 2, 3), 0),
            new Case(frame(0x356, 1, 2, 3, 4, 5, 6), 2),
            new Case(frame(0x356, 1, 2, 3, 4, 5), 0),
            new Case(frame(0x35A, 0, 0, 0, 0, 0, 0, 0, 0), 0),
            new Case(CanFrame.of(0, "can0", 0x359, true, new byte[8]), 0),
            new Case(CanFrame.fd(0, "can0", 0x35C, false, true, false, new byte[] {(byte) 0xC0, 0}), 0),
            new Case(CanFrame.remote(0, "can0", 0x35C, false, 2), 0));

    private static List<CanFrame> frames() {
        return CASES.stream().map(Case::frame).toList();
    }

    @Test
    void theViewScoresWhatTheFrameScores() {
        assertEquals(CASES.stream().map(Case::score).toList(),
                DetectionEquivalence.assertSameScores(new PylontechProtocol(), frames()));
    }

    @Test
    void scoringAViewAllocatesLessThanAByteAFrame() throws Exception {
        DetectionEquivalence.assertScoresViewsWithoutAllocating(new PylontechProtocol(), frames(), 100_000);
    }
}
