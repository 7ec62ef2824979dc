package org.bmsworkbench.simulator;

/**
 * What the world around the BMS does at one moment, set by a {@link Scenario} script: the
 * current chargers and loads ask for, whether they obey the BMS, the ambient temperature, and
 * injected faults.
 */
public final class Environment {

    /** How chargers and loads treat the BMS. */
    public enum Load {
        /** Stay within the charge and discharge current limits (an inverter on the CAN bus). */
        FOLLOWS_LIMITS,
        /** Ignore the limits but obey the allowed-to-charge/-discharge signals (a charger on a relay). */
        IGNORES_LIMITS,
        /** Ignore the BMS altogether: only the main contactor stops them. */
        IGNORES_BMS
    }

    /** Current asked for, in C (+ = charging, − = discharging). */
    double demandC;
    Load load = Load.FOLLOWS_LIMITS;
    double ambient = 20;
    int offsetCell = 1;
    /** Offset of {@link #offsetCell}'s voltage, V. */
    double offsetVolts;
    /** A short circuit across the pack, 20 C through a closed contactor. */
    boolean shortCircuit;
    /** The BMS stops sending (comms loss). */
    boolean silent;

    public double demandC() { return demandC; }
    public Load load() { return load; }
    public double ambient() { return ambient; }
    public int offsetCell() { return offsetCell; }
    public double offsetVolts() { return offsetVolts; }
    public boolean shortCircuit() { return shortCircuit; }
    public boolean silent() { return silent; }

    /** Sets what the chargers and loads ask for. */
    Environment demand(double c, Load how) {
        demandC = c;
        load = how;
        return this;
    }
}
