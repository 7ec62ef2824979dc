package org.bmsworkbench.can.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An adapter's microsecond clock anchored to the host's wall clock. */
class AdapterTimeTest {
    private static final long HOST = 1_765_000_000_000_000L;

    @Test
    void theFirstFrameAnchorsAndLaterFramesKeepTheAdaptersSpacing() {
        AdapterTime t = new AdapterTime();
        assertEquals(HOST, t.toWallClock(5_000, HOST));
        // read 300 µs late on the host: the adapter's 1 ms spacing is kept
        assertEquals(HOST + 1_000, t.toWallClock(6_000, HOST + 1_300));
        assertEquals(HOST + 900_000, t.toWallClock(905_000, HOST + 100));
    }

    @Test
    void aJumpOfMoreThanASecondOrAResetAnchorsAgain() {
        AdapterTime t = new AdapterTime();
        t.toWallClock(50_000_000, HOST);
        assertEquals(HOST + 10, t.toWallClock(10, HOST + 10), "the adapter's clock restarted (re-plugged)");
        assertEquals(HOST + 5_000_000, t.toWallClock(20, HOST + 5_000_000), "the host clock was set forward");
        assertEquals(HOST + 5_000_010, t.toWallClock(30, HOST + 5_000_500));
        t.reset();
        assertEquals(HOST + 5_000_500, t.toWallClock(40, HOST + 5_000_500));
    }
}
