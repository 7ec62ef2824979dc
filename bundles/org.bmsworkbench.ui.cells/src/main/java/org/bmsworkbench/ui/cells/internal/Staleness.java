package org.bmsworkbench.ui.cells.internal;

import java.util.Arrays;
import java.util.List;
import org.bmsworkbench.bms.Sample;

/**
 * When a cell or sensor value counts as stale: older than three times the interval at which the
 * BMS usually sends it (the median of the last seven intervals of one cell's history — a polled
 * BMS answers every cell at once), and in any case older than 10 s; never before 1 s. The same
 * rule as the Signals view, so both grey a value at the same moment when the connection drops.
 */
final class Staleness {

    static final long MAX_AGE_MICROS = 10_000_000;
    static final long MIN_AGE_MICROS = 1_000_000;
    private static final int WINDOW = 7;

    private Staleness() {
    }

    /** The age limit learned from {@code history} (oldest first); {@value #MAX_AGE_MICROS} µs when it tells nothing. */
    static long limitMicros(List<Sample> history) {
        int from = Math.max(1, history.size() - WINDOW);
        long[] intervals = new long[Math.max(0, history.size() - from)];
        int n = 0;
        for (int i = from; i < history.size(); i++) {
            long d = history.get(i).timeMicros() - history.get(i - 1).timeMicros();
            if (d > 0) {
                intervals[n++] = d;
            }
        }
        if (n == 0) {
            return MAX_AGE_MICROS;
        }
        long[] sorted = Arrays.copyOf(intervals, n);
        Arrays.sort(sorted);
        return Math.max(MIN_AGE_MICROS, Math.min(MAX_AGE_MICROS, 3 * sorted[n / 2]));
    }
}
