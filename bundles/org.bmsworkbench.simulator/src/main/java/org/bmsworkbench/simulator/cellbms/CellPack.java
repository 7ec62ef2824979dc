package org.bmsworkbench.simulator.cellbms;

import java.util.SplittableRandom;
import org.bmsworkbench.simulator.OcvCurve;

/**
 * N LiFePO4 cells in series, each with its own charge and capacity, so that an aged or drifted
 * cell reaches the knees of the curve before the others.
 *
 * <ul>
 * <li>A cell's state of charge integrates the current (+ = charging) over its own capacity;
 *     balancing bleeds {@value #BALANCE_AMPS} A from a cell while its bit is set.</li>
 * <li>A cell's voltage is the {@link OcvCurve} value at its SOC, plus an ohmic drop of
 *     {@value #OHMIC_V_PER_C} V per C and a polarisation that follows the current with a
 *     {@value #POLARISATION_TAU_S} s time constant and grows steeply in the last 3 % and the
 *     first 5 % of that cell.</li>
 * <li>Balancing (while charging): a cell at or above {@value #BALANCE_START_V} V and at least
 *     {@value #BALANCE_WINDOW_V} V above the lowest cell.</li>
 * <li>One pack temperature drifting toward ambient ({@value #THERMAL_TAU_S} s) and heated by
 *     current; each NTC reads it with a fixed offset drawn from the seed.</li>
 * <li>Cycles: 12 at the start, plus one per capacity discharged.</li>
 * </ul>
 */
public final class CellPack {
    public static final double CAPACITY_AH = 100;
    static final double OHMIC_V_PER_C = 0.05;
    static final double POLARISATION_TAU_S = 30;
    static final double THERMAL_TAU_S = 120;
    static final double HEATING_AT_1C = 5;
    static final double BALANCE_START_V = 3.40;
    static final double BALANCE_WINDOW_V = 0.030;
    static final double BALANCE_AMPS = 0.06;
    static final int INITIAL_CYCLES = 12;

    private final int cells;
    private final double[] capacityAh;
    private final double[] chargeAh;
    private final double[] polarisation;
    private final boolean[] balancing;
    private final double[] sensorOffset;
    /** Each cell's reading differs from its OCV by a few mV (contact resistance, the front end's tolerance). */
    private final double[] readingOffsetV;
    private double temperature;
    private double current;
    private double dischargedAh;

    public CellPack(int cells, int sensors, LockoutScenario scenario, long seed) {
        this.cells = cells;
        this.capacityAh = new double[cells];
        this.chargeAh = new double[cells];
        this.polarisation = new double[cells];
        this.balancing = new boolean[cells];
        this.sensorOffset = new double[sensors];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < sensors; i++) {
            sensorOffset[i] = Math.round((random.nextDouble() * 0.8 - 0.4) * 10) / 10.0;
        }
        int odd = LockoutScenario.oddCell(cells);
        for (int i = 0; i < cells; i++) {
            // a few mV of spread between healthy cells, as a real pack shows
            double spread = (random.nextDouble() - 0.5) * 0.4;
            boolean isOdd = i == odd && scenario.oddCellSoc() > 0;
            capacityAh[i] = CAPACITY_AH * (i == odd ? scenario.oddCellCapacity() : 1);
            double soc = isOdd ? scenario.oddCellSoc() : Math.max(0, Math.min(100, scenario.initialSoc() + spread));
            chargeAh[i] = capacityAh[i] * soc / 100;
        }
        this.readingOffsetV = new double[cells];
        SplittableRandom readings = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < cells; i++) {
            readingOffsetV[i] = Math.round((readings.nextDouble() - 0.5) * 8) / 1000.0; // -4..+4 mV
        }
        this.temperature = scenario.initialTemperature();
    }

    /** Advances {@code dt} seconds with {@code amps} flowing (+ = into the pack) at {@code ambient} °C. */
    public void step(double dt, double amps, double ambient) {
        current = amps;
        double min = cellVoltageMin();
        for (int i = 0; i < cells; i++) {
            balancing[i] = amps > 0.5 && cellVoltage(i) >= BALANCE_START_V && cellVoltage(i) - min >= BALANCE_WINDOW_V;
        }
        for (int i = 0; i < cells; i++) {
            double a = amps - (balancing[i] ? BALANCE_AMPS : 0);
            chargeAh[i] = Math.max(0, Math.min(capacityAh[i], chargeAh[i] + a * dt / 3600));
            double c = amps / capacityAh[i];
            double target = c * polarisationResistance(socOf(i));
            polarisation[i] += (target - polarisation[i]) * (1 - Math.exp(-dt / POLARISATION_TAU_S));
        }
        if (amps < 0) {
            dischargedAh += -amps * dt / 3600;
        }
        double c = amps / CAPACITY_AH;
        temperature += ((ambient - temperature) / THERMAL_TAU_S + HEATING_AT_1C / THERMAL_TAU_S * c * c) * dt;
    }

    /** Polarisation in V per C: small on the plateau, steep in a cell's last 3 % and first 5 %. */
    static double polarisationResistance(double soc) {
        return 0.05 + 0.90 * Math.max(0, soc - 97) / 3 + 0.30 * Math.max(0, 5 - soc) / 5;
    }

    private double socOf(int i) {
        return chargeAh[i] / capacityAh[i] * 100;
    }

    public int cells() { return cells; }

    public int sensors() { return sensorOffset.length; }

    /** Current through the pack, A, + = charging. */
    public double current() { return current; }

    /** Cell {@code i} (0-based), V. */
    public double cellVoltage(int i) {
        double c = current / capacityAh[i];
        return OcvCurve.cellVoltage(socOf(i)) + c * OHMIC_V_PER_C + polarisation[i] + readingOffsetV[i];
    }

    public double cellSoc(int i) { return socOf(i); }

    public boolean balancing(int i) { return balancing[i]; }

    public double packVoltage() {
        double sum = 0;
        for (int i = 0; i < cells; i++) {
            sum += cellVoltage(i);
        }
        return sum;
    }

    public double cellVoltageMin() {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < cells; i++) {
            min = Math.min(min, cellVoltage(i));
        }
        return min;
    }

    public double cellVoltageMax() {
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < cells; i++) {
            max = Math.max(max, cellVoltage(i));
        }
        return max;
    }

    /** NTC {@code s} (0-based), °C. */
    public double temperature(int s) {
        return temperature + sensorOffset[s];
    }

    public double temperatureMin() {
        double min = Double.MAX_VALUE;
        for (int s = 0; s < sensorOffset.length; s++) {
            min = Math.min(min, temperature(s));
        }
        return min;
    }

    public double temperatureMax() {
        double max = -Double.MAX_VALUE;
        for (int s = 0; s < sensorOffset.length; s++) {
            max = Math.max(max, temperature(s));
        }
        return max;
    }

    /** The pack's state of charge as the BMS counts it: the charge of its emptiest cell over its capacity, %. */
    public double socPercent() {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < cells; i++) {
            min = Math.min(min, socOf(i));
        }
        return min;
    }

    public double remainingAh() {
        return CAPACITY_AH * socPercent() / 100;
    }

    public int cycles() {
        return INITIAL_CYCLES + (int) (dischargedAh / CAPACITY_AH);
    }
}
