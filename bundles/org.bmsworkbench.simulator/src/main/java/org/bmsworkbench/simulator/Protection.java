package org.bmsworkbench.simulator;

import java.util.function.ToDoubleFunction;

/**
 * The thirteen alarm and warning conditions of 0x35A, in frame order, with the thresholds the
 * simulated BMS applies. Each measured condition has a warning level reached first and an
 * alarm level beyond it, and clears only with hysteresis, so a value that creeps up raises
 * the warning, then the alarm, and on its way back clears the alarm, then the warning.
 * {@code general} is the OR of the others; {@code contactor}, {@code short_circuit} and
 * {@code bms_internal} are raised by events, not by a level.
 */
public enum Protection {
    GENERAL("general", null),
    /** Highest cell voltage, V. */
    HIGH_VOLTAGE("high_voltage", Band.high(BatteryPack::cellVoltageMax, 3.55, 3.50, 3.65, 3.55)),
    /** Lowest cell voltage, V. */
    LOW_VOLTAGE("low_voltage", Band.low(BatteryPack::cellVoltageMin, 2.90, 3.00, 2.70, 2.85)),
    /** Highest temperature, °C. */
    HIGH_TEMPERATURE("high_temperature", Band.high(BatteryPack::temperatureMax, 50, 47, 55, 52)),
    /** Lowest temperature, °C (discharge). */
    LOW_TEMPERATURE("low_temperature", Band.low(BatteryPack::temperatureMin, -10, -7, -20, -17)),
    /** Highest temperature, °C, for charging. */
    HIGH_TEMPERATURE_CHARGE("high_temperature_charge", Band.high(BatteryPack::temperatureMax, 45, 42, 50, 47)),
    /** Lowest temperature, °C, for charging: LiFePO4 must not be charged below 0 °C. */
    LOW_TEMPERATURE_CHARGE("low_temperature_charge", Band.low(BatteryPack::temperatureMin, 5, 7, 0, 3)),
    /** Discharge current in C. */
    HIGH_CURRENT("high_current", Band.high(p -> -p.cRate(), 0.9, 0.8, 1.1, 1.0)),
    /** Charge current in C. */
    HIGH_CHARGE_CURRENT("high_charge_current", Band.high(BatteryPack::cRate, 0.55, 0.5, 0.7, 0.6)),
    CONTACTOR("contactor", null),
    /** Discharge current of 5 C or more: an alarm at once, no warning; latched until the BMS restarts. */
    SHORT_CIRCUIT("short_circuit", null),
    BMS_INTERNAL("bms_internal", null),
    /** Spread between highest and lowest cell, V. */
    CELL_IMBALANCE("cell_imbalance", Band.high(p -> p.cellVoltageMax() - p.cellVoltageMin(), 0.10, 0.07, 0.20, 0.15));

    /** Discharge C-rate taken as a short circuit. */
    public static final double SHORT_CIRCUIT_C = 5;

    private final String key;
    private final Band band;

    Protection(String key, Band band) {
        this.key = key;
        this.band = band;
    }

    /** The name in model keys: {@code alarm.<key>}, {@code warning.<key>}. */
    public String key() {
        return key;
    }

    /** The level thresholds, or null for a condition raised by events. */
    public Band band() {
        return band;
    }

    /**
     * Warning and alarm levels of one measured value with hysteresis: {@code high} conditions
     * raise at or above a level and clear below its clear level, low ones the other way round.
     */
    public record Band(ToDoubleFunction<BatteryPack> measure, boolean high, double warnRaise, double warnClear,
            double alarmRaise, double alarmClear) {

        static Band high(ToDoubleFunction<BatteryPack> m, double warnRaise, double warnClear, double alarmRaise,
                double alarmClear) {
            return new Band(m, true, warnRaise, warnClear, alarmRaise, alarmClear);
        }

        static Band low(ToDoubleFunction<BatteryPack> m, double warnRaise, double warnClear, double alarmRaise,
                double alarmClear) {
            return new Band(m, false, warnRaise, warnClear, alarmRaise, alarmClear);
        }

        /** The next state of a level given the measured {@code value} and whether it is raised now. */
        boolean next(double value, boolean raised, boolean alarm) {
            double raise = alarm ? alarmRaise : warnRaise;
            double clear = alarm ? alarmClear : warnClear;
            if (high) {
                return raised ? value >= clear : value >= raise;
            }
            return raised ? value <= clear : value <= raise;
        }
    }
}
