package org.bmsworkbench.simulator;

import org.bmsworkbench.simulator.Environment.Load;

/** The scripts of the {@link Scenario}s: pure functions of the seconds since start. */
final class ScenarioScripts {

    private ScenarioScripts() {
    }

    /** {@code from} before {@code t0}, {@code to} after {@code t1}, linear in between. */
    static double ramp(double t, double t0, double t1, double from, double to) {
        if (t <= t0) {
            return from;
        }
        if (t >= t1) {
            return to;
        }
        return from + (to - from) * (t - t0) / (t1 - t0);
    }

    static void normal(double t, Environment e) {
        double inCycle = t % 2400;
        double c = inCycle < 1200 ? -0.15 : inCycle < 1500 ? 0 : 0.2;
        e.demand(c, Load.FOLLOWS_LIMITS);
        e.ambient = 22 + 3 * Math.sin(2 * Math.PI * t / 3600);
    }

    static void charging(double t, Environment e) {
        e.demand(0.5, Load.FOLLOWS_LIMITS);
        e.ambient = 20;
    }

    static void discharging(double t, Environment e) {
        e.demand(-0.5, Load.FOLLOWS_LIMITS);
        e.ambient = 20;
    }

    static void highTemperature(double t, Environment e) {
        e.demand(-0.3, Load.FOLLOWS_LIMITS);
        e.ambient = t < 1860 ? ramp(t, 60, 1260, 30, 62) : ramp(t, 1860, 2100, 62, 20);
    }

    static void lowTemperatureCharge(double t, Environment e) {
        e.demand(0.3, Load.FOLLOWS_LIMITS);
        e.ambient = t < 1860 ? ramp(t, 60, 1260, 12, -6) : ramp(t, 1860, 2100, -6, 15);
    }

    static void cellImbalance(double t, Environment e) {
        e.demand(0, Load.FOLLOWS_LIMITS);
        e.ambient = 20;
        e.offsetCell = 1;
        e.offsetVolts = t < 300 ? ramp(t, 30, 160, 0, -0.26) : ramp(t, 300, 430, -0.26, 0);
    }

    static void overVoltage(double t, Environment e) {
        if (t < 400) {
            e.demand(t >= 10 ? 0.5 : 0, Load.IGNORES_LIMITS);
        } else {
            e.demand(-0.2, Load.FOLLOWS_LIMITS);
        }
        e.ambient = 20;
    }

    static void underVoltage(double t, Environment e) {
        if (t >= 10 && t < 1000) {
            e.demand(-0.3, Load.IGNORES_LIMITS);
        } else if (t >= 1100) {
            e.demand(0.2, Load.FOLLOWS_LIMITS);
        } else {
            e.demand(0, Load.FOLLOWS_LIMITS);
        }
        e.ambient = 20;
    }

    static void shortCircuit(double t, Environment e) {
        if (t < 20) {
            e.demand(-0.3, Load.FOLLOWS_LIMITS);
        } else if (t < 40) {
            e.demand(-0.95, Load.IGNORES_LIMITS);
        } else if (t < 120) {
            e.demand(0, Load.FOLLOWS_LIMITS);
        } else {
            e.demand(-0.2, Load.FOLLOWS_LIMITS);
        }
        e.shortCircuit = t >= 40 && t < 41;
        e.ambient = 20;
    }

    static void safetyLock(double t, Environment e) {
        e.demand(t >= 10 && t < 300 ? 0.5 : 0, Load.IGNORES_BMS);
        e.ambient = 20;
    }

    /** The Safety lock scenario's past: three older errors, so that last errors 1–4 are all filled after the lock. */
    static void pastErrors(Scenario scenario, ErrorLog log, long utcSeconds) {
        if (scenario == Scenario.SAFETY_LOCK) {
            log.push(BmsState.ERROR_UNDER_VOLTAGE, utcSeconds - 40 * 86_400);
            log.push(BmsState.ERROR_PRE_CHARGE, utcSeconds - 12 * 86_400);
            log.push(BmsState.ERROR_PROTECTION_SHUTDOWN, utcSeconds - 2 * 86_400);
        }
    }

    static void commsLoss(double t, Environment e) {
        normal(t, e);
        e.silent = t >= 60;
    }
}
