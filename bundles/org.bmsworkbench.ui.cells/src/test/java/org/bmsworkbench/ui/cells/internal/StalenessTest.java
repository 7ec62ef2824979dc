package org.bmsworkbench.ui.cells.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.Sample;
import org.junit.jupiter.api.Test;

/** The age beyond which a cell value is grey: 3 × the usual interval, between 1 s and 10 s. */
class StalenessTest {

    private static List<Sample> every(long micros, int n) {
        List<Sample> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new Sample(1_000_000_000L + i * micros, 3.3));
        }
        return l;
    }

    @Test
    void threeTimesTheUsualInterval() {
        assertEquals(3_000_000, Staleness.limitMicros(every(1_000_000, 20)));
        assertEquals(6_000_000, Staleness.limitMicros(every(2_000_000, 5)));
    }

    @Test
    void neverBelowOneSecondNorAboveTen() {
        assertEquals(1_000_000, Staleness.limitMicros(every(100_000, 20)));
        assertEquals(10_000_000, Staleness.limitMicros(every(5_000_000, 20)));
    }

    @Test
    void tenSecondsWhenTheHistoryTellsNothing() {
        assertEquals(10_000_000, Staleness.limitMicros(List.of()));
        assertEquals(10_000_000, Staleness.limitMicros(every(1_000_000, 1)));
    }

    @Test
    void theMedianIgnoresOneLongGap() {
        List<Sample> h = every(1_000_000, 8);
        h.add(new Sample(h.get(h.size() - 1).timeMicros() + 30_000_000, 3.3));
        assertEquals(3_000_000, Staleness.limitMicros(h));
    }
}
