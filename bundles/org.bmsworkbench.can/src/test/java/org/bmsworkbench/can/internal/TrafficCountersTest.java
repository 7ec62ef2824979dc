package org.bmsworkbench.can.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class TrafficCountersTest {
    @Test
    void frameLengthsIncludeWorstCaseStuffing() {
        // the textbook maxima: 11-bit 8 bytes 135 bits, 29-bit 8 bytes 160 bits (with 3 bits of interframe space)
        assertEquals(55, TrafficCounters.frameBits(CanFrame.of(0, "c", 1, false)));
        assertEquals(135, TrafficCounters.frameBits(CanFrame.of(0, "c", 1, false, new byte[8])));
        assertEquals(80, TrafficCounters.frameBits(CanFrame.of(0, "c", 1, true)));
        assertEquals(160, TrafficCounters.frameBits(CanFrame.of(0, "c", 1, true, new byte[8])));
        assertEquals(55, TrafficCounters.frameBits(CanFrame.remote(0, "c", 1, false, 8)), "a remote frame has no data");
        assertEquals(130, TrafficCounters.frameBits(CanFrame.chunk(0, "ttyUSB0", org.bmsworkbench.can.Direction.RX,
                new byte[13])), "a chunk of 13 bytes at 8N1, not a CAN frame of 13 bytes");
    }

    @Test
    void canFdFramesCountAsIfAllOfThemRanAtTheNominalRate() {
        // 22 + 8n bits SOF..data, (22 + 8n - 1) / 4 stuff bits, stuff count and CRC 17/21 with fixed stuff bits, 13 after
        assertEquals(22 + 5 + 27 + 13, TrafficCounters.frameBits(CanFrame.fd(0, "c", 1, false, false, false)));
        assertEquals(534 + 133 + 32 + 13, TrafficCounters.frameBits(CanFrame.fd(0, "c", 1, false, true, false, new byte[64])));
        assertEquals(553 + 138 + 32 + 13, TrafficCounters.frameBits(CanFrame.fd(0, "c", 1, true, true, false, new byte[64])));
        TrafficCounters t = new TrafficCounters();
        t.record(CanFrame.fd(0, "c", 1, true, true, false, new byte[64]), false, 0);
        assertEquals(1, t.snapshot(1_000, 0).rxFrames());
    }

    @Test
    void countsBySecondOfWallClock() {
        TrafficCounters t = new TrafficCounters();
        CanFrame f = CanFrame.of(0, "c", 1, false, new byte[8]);
        t.record(f, false, 999);       // second 0
        t.record(f, false, 1_000);     // second 1
        t.record(f, true, 1_999);      // second 1
        assertEquals(1, t.snapshot(1_999, 0).framesPerSecond());
        assertEquals(2, t.snapshot(2_000, 0).framesPerSecond());
        assertEquals(2 * 135 * 100.0 / 1_000, t.snapshot(2_000, 1_000).busLoadPercent(), 1e-9);
        assertEquals(100.0, t.snapshot(2_000, 100).busLoadPercent(), "capped at 100 %");
        assertEquals(0, t.snapshot(3_000, 0).framesPerSecond());
        assertEquals(2, t.snapshot(3_000, 0).rxFrames());
        assertEquals(1, t.snapshot(3_000, 0).txFrames());
    }
}
