package org.bmsworkbench.simulator.cellbms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every lockout scenario's timeline as the README gives it, on the board itself (virtual time,
 * sampled every 100 ms): what trips, when, which MOSFET opens, when it releases, and that a
 * latching protection's MOSFET stays off until the host switches it on — refused while the
 * protection is active. The causes are the seed article's (002): over-voltage, deep discharge and
 * sleep, charging below 0 °C, an inverter's start-up surge, cell imbalance.
 */
class LockoutScenarioTest {

    private static CellBms board(CellBmsMake make, LockoutScenario s) {
        return new CellBms(CellBmsOptions.defaults(make).withScenario(s));
    }

    /** Runs until {@code condition} holds; the virtual second it first held, or fails after {@code limitS}. */
    private static double until(CellBms b, Predicate<CellBms> condition, double limitS, String what) {
        while (!condition.test(b)) {
            if (b.nowMillis() > limitS * 1000) {
                throw new AssertionError(what + " did not happen by " + limitS + " s");
            }
            b.advanceTo(b.nowMillis() + CellBms.STEP_MILLIS);
        }
        return b.nowMillis() / 1000.0;
    }

    @ParameterizedTest
    @EnumSource(CellBmsMake.class)
    void cellOverVoltageLocksTheChargeMosfetOutAfterItReleases(CellBmsMake make) {
        CellBms b = board(make, LockoutScenario.CELL_OVER_VOLTAGE);
        int odd = LockoutScenario.oddCell(b.pack().cells());
        double trip = until(b, x -> x.protections().active(CellProtection.CELL_OVER_VOLTAGE), 60, "cell over-voltage");
        assertTrue(trip >= 25 && trip <= 45, "trips at " + trip + " s");
        assertEquals(b.pack().cellVoltageMax(), b.pack().cellVoltage(odd), "the odd cell is the high one");
        assertTrue(b.pack().cellVoltageMin() < 3.45, "the others are not full");
        assertFalse(b.protections().chargeFet());
        assertTrue(b.protections().dischargeFet());
        b.advanceTo(b.nowMillis() + 500);
        assertEquals(0, b.pack().current(), "the charger's current stopped");
        assertEquals(Set.of(CellProtection.CELL_OVER_VOLTAGE), b.switchFets(true, null), "refused while active");
        double release = until(b, x -> !x.protections().active(CellProtection.CELL_OVER_VOLTAGE), 90, "release");
        assertTrue(release > 45 && release <= 70, "the charger is removed at 45 s; released at " + release + " s");
        assertTrue(b.pack().cellVoltage(odd) < 3.55);
        b.advanceTo(300_000);
        assertFalse(b.protections().chargeFet(), "still off long after: the lockout");
        assertTrue(b.protections().latched(true));
        assertTrue(b.protections().active().isEmpty(), "and no protection says why");
        assertEquals(Set.of(), b.switchFets(true, null));
        assertTrue(b.protections().chargeFet(), "the host's command switches it on");
    }

    @ParameterizedTest
    @EnumSource(CellBmsMake.class)
    void deepDischargeSleepsUntilAChargerWakesIt(CellBmsMake make) {
        CellBms b = board(make, LockoutScenario.DEEP_DISCHARGE);
        double trip = until(b, x -> x.protections().active(CellProtection.CELL_UNDER_VOLTAGE), 100, "cell under-voltage");
        assertTrue(trip >= 50 && trip <= 90, "trips at " + trip + " s");
        assertFalse(b.protections().dischargeFet());
        assertTrue(b.protections().chargeFet(), "charging stays allowed");
        assertEquals(Set.of(CellProtection.CELL_UNDER_VOLTAGE), b.switchFets(null, true));
        double sleep = until(b, CellBms::asleep, 120, "sleep");
        assertEquals(trip + CellBms.SLEEP_AFTER_S, sleep, 0.25, "asleep 20 s after the trip, the load having stopped");
        assertFalse(b.protections().chargeFet() || b.protections().dischargeFet(), "asleep: both off");
        double wake = until(b, x -> !x.asleep(), 130, "wake-up");
        assertEquals(120, wake, 0.15, "the charger connected at 120 s wakes it");
        b.advanceTo(b.nowMillis() + 1000);
        assertEquals(10, b.pack().current(), 0.01, "0.1 C flows through the charge MOSFET");
        double release = until(b, x -> !x.protections().active(CellProtection.CELL_UNDER_VOLTAGE), 300, "release");
        assertTrue(release > 150 && release < 260, "released at " + release + " s");
        assertTrue(b.protections().dischargeFet(), "cell under-voltage does not latch: discharge back on by itself");
    }

    @ParameterizedTest
    @EnumSource(CellBmsMake.class)
    void coldChargeIsRefusedUntilThePackWarms(CellBmsMake make) {
        CellBms b = board(make, LockoutScenario.COLD_CHARGE);
        double trip = until(b, x -> x.protections().active(CellProtection.CHARGE_UNDER_TEMPERATURE), 10, "charge under-temperature");
        assertTrue(trip <= 3, "trips at " + trip + " s");
        assertFalse(b.protections().chargeFet());
        b.advanceTo(50_000);
        assertTrue(b.environment().cRate() > 0, "the charger asks");
        assertEquals(0, b.pack().current(), "nothing flows");
        assertTrue(b.protections().warning(CellProtection.CHARGE_UNDER_TEMPERATURE));
        double release = until(b, x -> !x.protections().active(CellProtection.CHARGE_UNDER_TEMPERATURE), 200, "release");
        assertTrue(release >= 100 && release <= 130, "released at " + release + " s");
        assertTrue(b.pack().temperatureMin() >= 5);
        b.advanceTo(b.nowMillis() + 1000);
        assertEquals(20, b.pack().current(), 0.01, "charging resumes by itself at 0.2 C");
    }

    @ParameterizedTest
    @EnumSource(CellBmsMake.class)
    void inverterSurgeTripsDischargeOverCurrentAndLocksOut(CellBmsMake make) {
        CellBms b = board(make, LockoutScenario.INVERTER_SURGE);
        b.advanceTo(29_000);
        assertEquals(-5, b.pack().current(), 0.01, "the idling inverter");
        double trip = until(b, x -> x.protections().active(CellProtection.DISCHARGE_OVER_CURRENT), 40, "over-current");
        assertEquals(31, trip, 0.15, "the 2 C surge at 30 s held for the 1 s delay");
        b.advanceTo(b.nowMillis() + 200);
        assertEquals(0, b.pack().current());
        assertFalse(b.protections().dischargeFet());
        assertEquals(Set.of(CellProtection.DISCHARGE_OVER_CURRENT), b.switchFets(null, true));
        double release = until(b, x -> !x.protections().active(CellProtection.DISCHARGE_OVER_CURRENT), 80, "release");
        assertEquals(63, release, 0.15, "32 s release delay");
        b.advanceTo(200_000);
        assertFalse(b.protections().dischargeFet(), "stays off: the lockout");
        assertEquals(0, b.pack().current());
        assertEquals(Set.of(), b.switchFets(null, true));
        b.advanceTo(201_000);
        assertEquals(-5, b.pack().current(), 0.01, "after the host's reset the inverter draws again");
    }

    @ParameterizedTest
    @EnumSource(CellBmsMake.class)
    void cellImbalanceBalancesTheOddCellThenTripsOnIt(CellBmsMake make) {
        CellBms b = board(make, LockoutScenario.CELL_IMBALANCE);
        int odd = LockoutScenario.oddCell(b.pack().cells());
        b.advanceTo(10_000);
        for (int i = 0; i < b.pack().cells(); i++) {
            assertEquals(i == odd, b.pack().balancing(i), "balancing of cell " + (i + 1) + " while charging");
        }
        double trip = until(b, x -> x.protections().active(CellProtection.CELL_OVER_VOLTAGE), 120, "cell over-voltage");
        assertTrue(trip >= 60 && trip <= 100, "trips at " + trip + " s");
        assertEquals(b.pack().cellVoltageMax(), b.pack().cellVoltage(odd));
        for (int i = 0; i < b.pack().cells(); i++) {
            if (i != odd) {
                assertTrue(b.pack().cellVoltage(i) < 3.40, "cell " + (i + 1) + " is low: " + b.pack().cellVoltage(i));
            }
        }
        b.advanceTo(b.nowMillis() + 500);
        for (int i = 0; i < b.pack().cells(); i++) {
            assertFalse(b.pack().balancing(i), "no balancing without charge current");
        }
        b.advanceTo(300_000);
        assertTrue(b.protections().active().isEmpty());
        assertFalse(b.protections().chargeFet(), "locked out until the host switches it on");
    }

    @Test
    void normalRunsADayWithoutAProtection() {
        CellBms b = board(CellBmsMake.JBD, LockoutScenario.NORMAL);
        for (long t = 0; t <= 24 * 3600_000L; t += 10_000) {
            b.advanceTo(t);
            assertTrue(b.protections().active().isEmpty(), "at " + t / 1000 + " s: " + b.protections().active());
            assertTrue(b.protections().chargeFet() && b.protections().dischargeFet());
        }
        assertEquals(13, b.pack().cycles(), "36 × 0.05 = 1.8 capacities discharged in a day, on top of 12");
        assertEquals(60, b.pack().socPercent(), 1.5, "charge and discharge balance over the day");
    }

    @Test
    void theHostCanSwitchOffAndOnWithoutAProtection() {
        CellBms b = board(CellBmsMake.JBD, LockoutScenario.NORMAL);
        assertEquals(Set.of(), b.switchFets(false, false));
        b.advanceTo(5_000);
        assertEquals(0, b.pack().current(), "the load is cut");
        assertTrue(b.protections().softwareLock());
        assertEquals(Set.of(), b.switchFets(true, true));
        assertFalse(b.protections().softwareLock());
        b.advanceTo(6_000);
        assertEquals(-15, b.pack().current(), 0.01);
    }

    @Test
    void sameSeedSameBoard() {
        CellBms a = board(CellBmsMake.DALY, LockoutScenario.NORMAL);
        CellBms c = board(CellBmsMake.DALY, LockoutScenario.NORMAL);
        CellBms other = new CellBms(CellBmsOptions.defaults(CellBmsMake.DALY).withSeed(2));
        a.advanceTo(60_000);
        c.advanceTo(60_000);
        other.advanceTo(60_000);
        assertEquals(a.pack().cellVoltage(3), c.pack().cellVoltage(3));
        assertTrue(a.pack().cellVoltage(3) != other.pack().cellVoltage(3) || a.pack().temperature(0) != other.pack().temperature(0));
    }
}
