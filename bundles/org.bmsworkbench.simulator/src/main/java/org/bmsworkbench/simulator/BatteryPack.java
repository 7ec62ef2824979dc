package org.bmsworkbench.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The batteries behind a Master LV: {@code series} 12.8 V LiFePO4 batteries of four cells each,
 * {@code parallel} strings, one installed capacity. The cells of parallel strings sit in
 * parallel, so the pack is modelled as one string of {@code 4 × series} cells.
 *
 * <ul>
 * <li>State of charge integrates current (+ = charging), clamped to 0..capacity.</li>
 * <li>A cell's voltage is the {@link OcvCurve} value plus an ohmic drop (0.1 V per C) and a
 *     polarisation that follows the current with a 60 s time constant and grows steeply in the
 *     last 3 % (the knee a charger runs into) and the first 5 %; plus any offset a scenario
 *     injects into one cell.</li>
 * <li>Each battery has a temperature that drifts toward ambient (300 s time constant) and is
 *     heated by current (about +5 °C at a steady 1 C); two sensors per battery read it with
 *     fixed offsets drawn from the seed.</li>
 * </ul>
 * Not thread-safe: one owner steps it.
 */
public final class BatteryPack {
    /** Ohmic drop of a cell per C of current, V. */
    static final double OHMIC_V_PER_C = 0.10;
    static final double POLARISATION_TAU_S = 60;
    static final double THERMAL_TAU_S = 300;
    /** Steady temperature rise at 1 C, °C. */
    static final double HEATING_AT_1C = 5;

    private final int cells;
    private final int batteries;
    private final double capacityAh;
    private final double[] cellOffset;
    private final double[] temperature;
    private final double[] sensorOffset;
    private final PackHistory history;
    private double chargeAh;
    private double current;
    private double polarisation;

    public BatteryPack(SimulatorOptions options, double socPercent, double ambient) {
        this.cells = options.cellsInSeries();
        this.batteries = options.batteries();
        this.capacityAh = options.capacityAh();
        this.cellOffset = new double[cells];
        this.temperature = new double[batteries];
        this.sensorOffset = new double[batteries * 2];
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int i = 0; i < sensorOffset.length; i++) {
            sensorOffset[i] = Math.round((random.nextDouble() * 1.6 - 0.8) * 10) / 10.0;
        }
        Arrays.fill(temperature, ambient);
        this.chargeAh = capacityAh * clampPercent(socPercent) / 100;
        this.history = new PackHistory(this, options);
    }

    private static double clampPercent(double p) {
        return Math.max(0, Math.min(100, p));
    }

    /** Advances {@code dtSeconds} with {@code amps} flowing (+ = into the battery) at {@code ambient} °C. */
    public void step(double dtSeconds, double amps, double ambient) {
        current = amps;
        chargeAh = Math.max(0, Math.min(capacityAh, chargeAh + amps * dtSeconds / 3600));
        double c = cRate();
        double target = c * polarisationResistance(socPercent());
        polarisation += (target - polarisation) * (1 - Math.exp(-dtSeconds / POLARISATION_TAU_S));
        double heating = HEATING_AT_1C / THERMAL_TAU_S * c * c;
        for (int b = 0; b < batteries; b++) {
            temperature[b] += ((ambient - temperature[b]) / THERMAL_TAU_S + heating) * dtSeconds;
        }
        history.update(dtSeconds);
    }

    /** Polarisation in V per C: small on the plateau, steep in the last 3 % and the first 5 %. */
    static double polarisationResistance(double soc) {
        return 0.05 + 0.90 * Math.max(0, soc - 97) / 3 + 0.30 * Math.max(0, 5 - soc) / 5;
    }

    /** Current as a multiple of capacity (C-rate), + = charging. */
    public double cRate() {
        return current / capacityAh;
    }

    public double current() {
        return current;
    }

    public double capacityAh() {
        return capacityAh;
    }

    public double remainingAh() {
        return chargeAh;
    }

    /** Ah taken out since full: 0 when full, negative otherwise (Victron convention). */
    public double consumedAh() {
        return chargeAh - capacityAh;
    }

    public double socPercent() {
        return chargeAh / capacityAh * 100;
    }

    /** Sets (or with 0 clears) a voltage offset on one cell: a weak or self-discharging cell. */
    public void setCellOffset(int cell, double volts) {
        cellOffset[cell] = volts;
    }

    public int cells() {
        return cells;
    }

    public double cellVoltage(int cell) {
        return OcvCurve.cellVoltage(socPercent()) + cRate() * OHMIC_V_PER_C + polarisation + cellOffset[cell];
    }

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

    public double temperatureMin() {
        double min = Double.MAX_VALUE;
        for (int s = 0; s < sensorOffset.length; s++) {
            min = Math.min(min, temperature[s / 2] + sensorOffset[s]);
        }
        return min;
    }

    public double temperatureMax() {
        double max = -Double.MAX_VALUE;
        for (int s = 0; s < sensorOffset.length; s++) {
            max = Math.max(max, temperature[s / 2] + sensorOffset[s]);
        }
        return max;
    }

    /** Minutes until empty at the present discharge current, or null when not discharging. */
    public Integer timeToGoMinutes() {
        if (cRate() > -0.005) {
            return null;
        }
        return (int) Math.min(65_532, Math.round(chargeAh / -current * 60));
    }

    public PackHistory history() {
        return history;
    }
}
