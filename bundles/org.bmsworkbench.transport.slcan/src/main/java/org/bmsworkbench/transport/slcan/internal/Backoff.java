package org.bmsworkbench.transport.slcan.internal;

/** Retry delays: {@code initial}, doubling up to {@code max}, until {@link #reset()}. */
final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private long next;

    Backoff(long initialMillis, long maxMillis) {
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.next = initialMillis;
    }

    long next() {
        long d = next;
        next = Math.min(maxMillis, next * 2);
        return d;
    }

    void reset() {
        next = initialMillis;
    }

    /** {@code 0.5 s}, {@code 2 s}, {@code 50 ms}. */
    static String format(long millis) {
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        if (millis % 100 == 0) {
            return millis / 1000 + "." + millis % 1000 / 100 + " s";
        }
        return millis + " ms";
    }
}
