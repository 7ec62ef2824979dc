package org.bmsworkbench.ui.signals.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.Sample;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    @Test
    void staleAfterThreeUsualIntervals() {
        Freshness f = new Freshness();
        for (long t = 0; t <= 5_000_000; t += 500_000) {
            f.observe("pack.voltage", t);
        }
        assertEquals(1_500_000, f.limitMicros("pack.voltage"));
        assertFalse(f.isStale("pack.voltage", 1_500_000));
        assertTrue(f.isStale("pack.voltage", 1_500_001));
    }

    @Test
    void neverBeforeOneSecondNorAfterTen() {
        Freshness f = new Freshness();
        for (long t = 0; t <= 1_000_000; t += 100_000) {
            f.observe("fast", t);
        }
        for (long t = 0; t <= 60_000_000; t += 20_000_000) {
            f.observe("slow", t);
        }
        assertEquals(Freshness.MIN_AGE_MICROS, f.limitMicros("fast"));
        assertEquals(Freshness.MAX_AGE_MICROS, f.limitMicros("slow"));
    }

    @Test
    void unknownIntervalMeansTenSeconds() {
        Freshness f = new Freshness();
        f.observe("bms.serial", 123);
        f.observe("bms.serial", 123); // the same value seen again is not an interval
        assertEquals(10_000_000, f.limitMicros("bms.serial"));
        assertEquals(10_000_000, f.limitMicros("never.seen"));
    }

    @Test
    void theMedianIgnoresAnOddGap() {
        Freshness f = new Freshness();
        long t = 0;
        for (int i = 0; i < 6; i++) {
            f.observe("k", t += 500_000);
        }
        f.observe("k", t += 30_000_000); // a reboot
        assertEquals(1_500_000, f.limitMicros("k"));
    }

    @Test
    void seededFromHistory() {
        Freshness f = new Freshness();
        List<Sample> h = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            h.add(new Sample(i * 2_000_000L, i));
        }
        f.seed("k", h);
        assertEquals(6_000_000, f.limitMicros("k"));
    }

    @Test
    void agesReadAsPeopleSayThem() {
        assertEquals("0.0 s", Freshness.age(-5));
        assertEquals("2.1 s", Freshness.age(2_100_000));
        assertEquals("59.9 s", Freshness.age(59_940_000));
        assertEquals("4 min 05 s", Freshness.age(245_000_000));
        assertEquals("2 h 07 min", Freshness.age((2 * 3600 + 7 * 60) * 1_000_000L));
        assertEquals("3 d 01 h", Freshness.age((3 * 86_400 + 3600) * 1_000_000L));
    }
}
