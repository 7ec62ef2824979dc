package org.bmsworkbench.ui.signals.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bmsworkbench.bms.Sample;

/**
 * The staleness rule: a value is <b>stale</b> when it is older than three times the interval
 * at which its key usually arrives, and in any case when it is older than 10 s; never before
 * 1 s (jitter). The usual interval is the median of the last intervals between updates of the
 * key — seeded from the model's history when a numeric key is first seen, then learned from
 * the times the view observes. A key with no known interval (text, seen once) is stale after
 * 10 s. Keys the device sends only when they change (VREG settings, history) therefore read as
 * stale while unchanged: stale means "not confirmed recently", not "wrong".
 */
final class Freshness {

    static final long MAX_AGE_MICROS = 10_000_000;
    static final long MIN_AGE_MICROS = 1_000_000;
    private static final int WINDOW = 7;

    private final Map<String, Intervals> byKey = new HashMap<>();

    /** Seeds a key's interval from its history (oldest first); a no-op once the key is known. */
    void seed(String key, List<Sample> history) {
        if (byKey.containsKey(key)) {
            return;
        }
        Intervals iv = new Intervals();
        int from = Math.max(0, history.size() - WINDOW - 1);
        for (int i = from; i < history.size(); i++) {
            iv.observe(history.get(i).timeMicros());
        }
        byKey.put(key, iv);
    }

    /** Notes that the key's latest value carries time {@code timeMicros} (repeats are ignored). */
    void observe(String key, long timeMicros) {
        byKey.computeIfAbsent(key, k -> new Intervals()).observe(timeMicros);
    }

    /** The age beyond which the key's value is stale. */
    long limitMicros(String key) {
        Intervals iv = byKey.get(key);
        long period = iv == null ? -1 : iv.median();
        if (period <= 0) {
            return MAX_AGE_MICROS;
        }
        return Math.max(MIN_AGE_MICROS, Math.min(MAX_AGE_MICROS, 3 * period));
    }

    boolean isStale(String key, long ageMicros) {
        return ageMicros > limitMicros(key);
    }

    void clear() {
        byKey.clear();
    }

    /** "0.4 s", "12.3 s", "4 min 05 s", "2 h 07 min". */
    static String age(long ageMicros) {
        long a = Math.max(0, ageMicros);
        if (a < 60_000_000) {
            return String.format(Locale.ROOT, "%.1f s", a / 1e6);
        }
        long s = a / 1_000_000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%d d %02d h", s / 86_400, s % 86_400 / 3600);
    }

    /** The last few intervals between distinct update times of one key. */
    private static final class Intervals {
        private final long[] ring = new long[WINDOW];
        private int size;
        private int next;
        private long last = Long.MIN_VALUE;

        void observe(long time) {
            if (time == last) {
                return;
            }
            if (last != Long.MIN_VALUE && time > last) {
                ring[next] = time - last;
                next = (next + 1) % WINDOW;
                size = Math.min(WINDOW, size + 1);
            }
            last = time;
        }

        long median() {
            if (size == 0) {
                return -1;
            }
            long[] copy = Arrays.copyOf(ring, size);
            Arrays.sort(copy);
            return copy[size / 2];
        }
    }
}
