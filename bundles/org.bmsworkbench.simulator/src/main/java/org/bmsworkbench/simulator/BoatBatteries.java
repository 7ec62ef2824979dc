package org.bmsworkbench.simulator;

import java.util.SplittableRandom;

/**
 * The two batteries another maker's battery monitor watches on the {@code network} scenario, and
 * the charger that feeds them: a 12.8 V, 400 Ah LiFePO4 house bank (4 cells) and a 25.6 V, 100 Ah
 * start bank (8 cells). In every hour the boat's loads draw 5–13 A from the house bank for 40
 * minutes (a slow swing plus noise) while the start bank loses 0.35 A to its standby loads; then
 * the charger runs for 20 minutes: 30 A bulk into the house bank up to 95 %, absorption tapering
 * to 99.5 %, then float; 1.2 A into the start bank until it is full. SOC integrates current;
 * voltage = cells × (OCV(SOC) + 0.1 V per C); temperature follows a slow swing and the current.
 * Deterministic for a seed; stepped by its owner in whole steps of virtual time.
 */
final class BoatBatteries {
    static final double HOUSE_CAPACITY_AH = 400;
    static final double START_CAPACITY_AH = 100;
    static final int HOUSE_CELLS = 4;
    static final int START_CELLS = 8;
    static final double CYCLE_S = 3600;
    static final double CHARGER_ON_S = 2400;
    static final double BULK_AMPS = 30;
    static final double BULK_END_SOC = 95;
    static final double FLOAT_SOC = 99.5;

    /** What the charger is doing, as PGN 127507 names it (canboat lookup CHARGER_STATE). */
    enum ChargerState {
        NOT_CHARGING(0), BULK(1), ABSORPTION(2), FLOAT(5);

        final int code;

        ChargerState(int code) {
            this.code = code;
        }
    }

    private final SplittableRandom noise;
    private double seconds;
    private double houseSoc = 80;
    private double startSoc = 96;
    private double houseCurrent;
    private double startCurrent;
    private ChargerState charger = ChargerState.NOT_CHARGING;

    BoatBatteries(long seed) {
        this.noise = new SplittableRandom(seed * 131 + 17);
        currents();
    }

    /** Runs {@code dtSeconds} on: the currents of the moment, integrated into the SOCs. */
    void step(double dtSeconds) {
        seconds += dtSeconds;
        currents();
        houseSoc = clamp(houseSoc + houseCurrent * dtSeconds / 36 / HOUSE_CAPACITY_AH);
        startSoc = clamp(startSoc + startCurrent * dtSeconds / 36 / START_CAPACITY_AH);
    }

    private void currents() {
        boolean charging = seconds % CYCLE_S >= CHARGER_ON_S;
        double jitter = 0.1 * (noise.nextDouble() + noise.nextDouble() - 1);
        if (!charging) {
            charger = ChargerState.NOT_CHARGING;
            houseCurrent = -(9 + 4 * Math.sin(2 * Math.PI * seconds / 700)) + jitter;
            startCurrent = -0.35 + jitter / 10;
            return;
        }
        if (houseSoc < BULK_END_SOC) {
            charger = ChargerState.BULK;
            houseCurrent = BULK_AMPS + jitter;
        } else if (houseSoc < FLOAT_SOC) {
            charger = ChargerState.ABSORPTION;
            houseCurrent = Math.max(2, BULK_AMPS * (100 - houseSoc) / (100 - BULK_END_SOC)) + jitter;
        } else {
            charger = ChargerState.FLOAT;
            houseCurrent = 0.8 + jitter / 4;
        }
        startCurrent = startSoc < 99.9 ? 1.2 + jitter / 10 : 0.05;
    }

    private static double clamp(double soc) {
        return Math.max(0, Math.min(100, soc));
    }

    double houseSoc() { return houseSoc; }
    double startSoc() { return startSoc; }
    double houseCurrent() { return houseCurrent; }
    double startCurrent() { return startCurrent; }
    ChargerState charger() { return charger; }

    double houseVoltage() {
        return HOUSE_CELLS * (OcvCurve.cellVoltage(houseSoc) + 0.1 * houseCurrent / HOUSE_CAPACITY_AH);
    }

    double startVoltage() {
        return START_CELLS * (OcvCurve.cellVoltage(startSoc) + 0.1 * startCurrent / START_CAPACITY_AH);
    }

    double houseTemperature() {
        return 19 + 2 * Math.sin(2 * Math.PI * seconds / 7200) + 0.02 * Math.abs(houseCurrent);
    }

    double startTemperature() {
        return 17 + 1.5 * Math.sin(2 * Math.PI * seconds / 7200);
    }

    /** Minutes until the house bank is empty at this discharge current; null while it is not discharging. */
    Long houseTimeToGo() {
        if (houseCurrent >= -0.1) {
            return null;
        }
        return Math.min(65_532, Math.round(houseSoc / 100 * HOUSE_CAPACITY_AH / -houseCurrent * 60));
    }

    /** Amp hours left in the house bank. */
    long houseRemainingAh() {
        return Math.round(houseSoc / 100 * HOUSE_CAPACITY_AH);
    }
}
