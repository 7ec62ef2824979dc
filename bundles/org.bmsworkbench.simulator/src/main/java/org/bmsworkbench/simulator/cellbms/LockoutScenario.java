package org.bmsworkbench.simulator.cellbms;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What happens to a simulated JBD or Daly over virtual time ({@code scenario=}): the causes of a
 * BMS lockout the seed article lists (over-voltage, deep discharge, cold, an inverter's surge,
 * imbalance), each clear within about 60–120 s. "The odd cell" is cell ⌊N/2⌋ + 1. The README gives
 * each timeline as the tests check it.
 */
public enum LockoutScenario {
    NORMAL("normal", "20 min discharge at 0.15 C, 5 min rest, 15 min charge at 0.2 C, repeated; no protection",
            60, 22, 0, 1.0) {
        @Override
        void apply(double t, CellEnvironment e) {
            double p = t % 2400;
            e.set(p < 1200 ? -0.15 : p < 1500 ? 0 : 0.2, 22, p >= 1500);
        }
    },
    CELL_OVER_VOLTAGE("cell-over-voltage", "an unmanaged 0.3 C charger overcharges the odd (aged) cell: cell"
            + " over-voltage, charge MOSFET off; the charger is removed at 45 s, the cell relaxes and the protection"
            + " releases, but the charge MOSFET stays off until the host switches it on (the lockout)",
            96.5, 20, 99.0, 0.7) {
        @Override
        void apply(double t, CellEnvironment e) {
            boolean charger = t >= 5 && t < 45;
            e.set(charger ? 0.3 : 0, 20, charger);
        }
    },
    DEEP_DISCHARGE("deep-discharge", "a 0.3 C load drains the pack: cell under-voltage, discharge MOSFET off; the"
            + " BMS goes to sleep and answers nothing; a 0.1 C charger connected at 120 s wakes it, and it releases"
            + " the protection once the cells have recovered", 2.2, 20, 0.9, 1.0) {
        @Override
        void apply(double t, CellEnvironment e) {
            boolean charger = t >= 120;
            e.set(charger ? 0.1 : t >= 5 && t < 90 ? -0.3 : 0, 20, charger);
        }
    },
    COLD_CHARGE("cold-charge", "a 0.2 C charger on a pack at −6 °C: charge under-temperature, charge MOSFET off;"
            + " a heater warms the pack from 60 s and charging resumes by itself above 5 °C", 50, -6, 0, 1.0) {
        @Override
        void apply(double t, CellEnvironment e) {
            e.set(t >= 10 ? 0.2 : 0, t >= 60 ? 25 : -8, t >= 10);
        }
    },
    INVERTER_SURGE("inverter-surge", "an inverter idling at 0.05 C starts a motor at 30 s: a 2 C surge for 3 s,"
            + " discharge over-current, discharge MOSFET off; the protection releases 32 s later, but the MOSFET"
            + " stays off until the host switches it on", 80, 22, 0, 1.0) {
        @Override
        void apply(double t, CellEnvironment e) {
            e.set(t >= 30 && t < 33 ? -2.0 : -0.05, 22, false);
        }
    },
    CELL_IMBALANCE("cell-imbalance", "the odd cell has drifted high (aged, 80 % capacity): a 0.25 C charge"
            + " balances it (its balancing bit) but it reaches cell over-voltage while the others are near 3.34 V;"
            + " charge MOSFET off until the host switches it on", 92, 22, 98.6, 0.8) {
        @Override
        void apply(double t, CellEnvironment e) {
            boolean charger = t >= 5;
            e.set(charger ? 0.25 : 0, 22, charger);
        }
    };

    private final String id;
    private final String description;
    private final double initialSoc;
    private final double initialTemperature;
    private final double oddCellSoc;
    private final double oddCellCapacity;

    LockoutScenario(String id, String description, double initialSoc, double initialTemperature, double oddCellSoc,
            double oddCellCapacity) {
        this.id = id;
        this.description = description;
        this.initialSoc = initialSoc;
        this.initialTemperature = initialTemperature;
        this.oddCellSoc = oddCellSoc;
        this.oddCellCapacity = oddCellCapacity;
    }

    /** Sets {@code environment} for {@code seconds} after the start. */
    abstract void apply(double seconds, CellEnvironment environment);

    public String id() { return id; }
    public String description() { return description; }
    /** State of charge of every cell at the start, %. */
    public double initialSoc() { return initialSoc; }
    /** Pack temperature at the start, °C. */
    public double initialTemperature() { return initialTemperature; }
    /** The odd cell's state of charge at the start, % (0: like the others). */
    public double oddCellSoc() { return oddCellSoc; }
    /** The odd cell's capacity as a fraction of the others'. */
    public double oddCellCapacity() { return oddCellCapacity; }

    /** The odd cell, 0-based: cell ⌊N/2⌋ + 1 counted from 1. */
    public static int oddCell(int cells) {
        return cells / 2;
    }

    public static Optional<LockoutScenario> byName(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static Set<String> ids() {
        return Arrays.stream(values()).map(LockoutScenario::id).collect(Collectors.toUnmodifiableSet());
    }
}
