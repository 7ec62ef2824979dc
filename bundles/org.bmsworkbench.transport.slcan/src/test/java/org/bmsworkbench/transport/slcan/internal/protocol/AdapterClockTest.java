package org.bmsworkbench.transport.slcan.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Unwrapping the adapter's 0..59,999 ms counter against the host's clock. */
class AdapterClockTest {
    private static final long T0 = 1_700_000_000_000_000L;
    private final AdapterClock clock = new AdapterClock();

    @Test
    void theFirstFrameIsPlacedAtItsArrivalAndLaterOnesByTheAdaptersDifferences() {
        assertEquals(T0, clock.toMicros(59_990, T0));
        // 5 ms later by the adapter, arriving 7 ms later (latency varies): adapter time wins
        assertEquals(T0 + 5_000, clock.toMicros(59_995, T0 + 7_000));
        // across the wrap: 59,995 → 3 is 8 ms
        assertEquals(T0 + 13_000, clock.toMicros(3, T0 + 14_000));
    }

    @Test
    void aSilenceLongerThanThePeriodKeepsItsWholePeriods() {
        assertEquals(T0, clock.toMicros(1000, T0));
        // 130 s of silence: the adapter shows 1000 + 130,000 mod 60,000 = 11,000
        assertEquals(T0 + 130_000_000, clock.toMicros(11_000, T0 + 130_000_500));
    }

    @Test
    void neverAfterItsArrival() {
        assertEquals(T0, clock.toMicros(0, T0));
        // the adapter says 10 ms passed, the host saw 4 ms: re-anchored at the arrival
        assertEquals(T0 + 4_000, clock.toMicros(10, T0 + 4_000));
        assertEquals(T0 + 14_000, clock.toMicros(20, T0 + 15_000));
    }

    @Test
    void aLagBeyondHalfASecondReanchors() {
        assertEquals(T0, clock.toMicros(0, T0));
        assertEquals(T0 + 2_000_000, clock.toMicros(1000, T0 + 2_000_000));
    }

    @Test
    void valuesAbove59999SwitchToTheFull16BitPeriod() {
        assertEquals(T0, clock.toMicros(65_000, T0));
        assertEquals(AdapterClock.FULL_PERIOD, clock.period());
        // 65,000 → 464 across the 65,536 wrap is 1,000 ms
        assertEquals(T0 + 1_000_000, clock.toMicros(464, T0 + 1_000_300));
    }
}
