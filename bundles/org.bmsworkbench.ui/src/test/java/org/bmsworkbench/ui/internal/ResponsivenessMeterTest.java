package org.bmsworkbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which garbage collector counters time pauses: the names are those of the JDK's
 * {@code GarbageCollectorMXBean}s (HotSpot: Serial, Parallel, G1 — JDK 20+ adds
 * {@code G1 Concurrent GC} for its Remark and Cleanup pauses — generational ZGC and Shenandoah).
 */
class ResponsivenessMeterTest {
    @Test
    void onlyTheCountersOfWholeConcurrentCyclesAreKeptApartFromThePauses() {
        for (String pauses : new String[] {"Copy", "MarkSweepCompact", "PS Scavenge", "PS MarkSweep", "G1 Young Generation",
            "G1 Old Generation", "G1 Concurrent GC", "ZGC Minor Pauses", "ZGC Major Pauses", "ZGC Pauses", "Shenandoah Pauses"}) {
            assertFalse(ResponsivenessMeter.concurrent(pauses), pauses);
        }
        for (String cycles : new String[] {"ZGC Minor Cycles", "ZGC Major Cycles", "ZGC Cycles", "Shenandoah Cycles"}) {
            assertTrue(ResponsivenessMeter.concurrent(cycles), cycles);
        }
    }
}
