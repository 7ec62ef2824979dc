package org.bmsworkbench.simulator;

import java.util.Arrays;

/**
 * The BMS's last errors 1–4 (VREG 0x2110, 1 = last, 4 = oldest) with their UTC times in
 * seconds (0x2111–0x2114). A new error pushes the others one place down; the oldest falls off.
 */
public final class ErrorLog {
    public static final int SIZE = 4;
    private final int[] codes = new int[SIZE];
    private final long[] times = new long[SIZE];

    /** Records {@code code} as last error 1 at {@code utcSeconds}. */
    public void push(int code, long utcSeconds) {
        System.arraycopy(codes, 0, codes, 1, SIZE - 1);
        System.arraycopy(times, 0, times, 1, SIZE - 1);
        codes[0] = code;
        times[0] = utcSeconds;
    }

    /** Last error {@code n} (1 = last, 4 = oldest); 0 = none. */
    public int code(int n) {
        return codes[n - 1];
    }

    /** UTC seconds of last error {@code n}; 0 when there is none. */
    public long time(int n) {
        return times[n - 1];
    }

    @Override
    public String toString() {
        return Arrays.toString(codes) + " at " + Arrays.toString(times);
    }
}
