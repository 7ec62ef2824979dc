package org.bmsworkbench.simulator;

/**
 * The limits the BMS announces (0x351, VREG 0x0390–0x0393), from the pack's state and the
 * raised warnings and alarms: rated 0.5 C charge and 1 C discharge; the charge current tapers
 * from 90 % to 0.02 C just below 100 % and is 0 when full; the discharge current tapers from
 * 20 % to 0 at 2 %; a warning halves (a high-voltage one quarters) the current it concerns;
 * not allowed means 0.
 */
public final class ChargeLimits {
    public static final double CHARGE_VOLTS_PER_CELL = 3.50;
    public static final double DISCHARGE_VOLTS_PER_CELL = 2.80;
    public static final double RATED_CHARGE_C = 0.5;
    public static final double RATED_DISCHARGE_C = 1.0;

    private ChargeLimits() {
    }

    public static double chargeVoltage(BatteryPack pack) {
        return CHARGE_VOLTS_PER_CELL * pack.cells();
    }

    public static double dischargeVoltage(BatteryPack pack) {
        return DISCHARGE_VOLTS_PER_CELL * pack.cells();
    }

    /** Charge current limit in A. */
    public static double chargeCurrent(BatteryPack pack, ProtectionMonitor p, boolean allowed) {
        double soc = pack.socPercent();
        if (!allowed || soc >= 100) {
            return 0;
        }
        double c = RATED_CHARGE_C;
        if (soc > 90) {
            c = Math.max(0.02, RATED_CHARGE_C * (100 - soc) / 10);
        }
        if (p.warning(Protection.HIGH_VOLTAGE)) {
            c *= 0.25;
        }
        if (p.warning(Protection.HIGH_TEMPERATURE_CHARGE) || p.warning(Protection.LOW_TEMPERATURE_CHARGE)
                || p.warning(Protection.CELL_IMBALANCE) || p.warning(Protection.HIGH_CHARGE_CURRENT)) {
            c *= 0.5;
        }
        return c * pack.capacityAh();
    }

    /** Discharge current limit in A (a positive number). */
    public static double dischargeCurrent(BatteryPack pack, ProtectionMonitor p, boolean allowed) {
        double soc = pack.socPercent();
        if (!allowed || soc <= 2) {
            return 0;
        }
        double c = RATED_DISCHARGE_C;
        if (soc < 20) {
            c = RATED_DISCHARGE_C * (soc - 2) / 18;
        }
        if (p.warning(Protection.LOW_VOLTAGE) || p.warning(Protection.HIGH_TEMPERATURE)
                || p.warning(Protection.LOW_TEMPERATURE) || p.warning(Protection.HIGH_CURRENT)) {
            c *= 0.5;
        }
        return c * pack.capacityAh();
    }

    /** Alarms that forbid charging. */
    public static boolean blocksCharge(ProtectionMonitor p) {
        return p.alarm(Protection.HIGH_VOLTAGE) || p.alarm(Protection.HIGH_TEMPERATURE)
                || p.alarm(Protection.HIGH_TEMPERATURE_CHARGE) || p.alarm(Protection.LOW_TEMPERATURE_CHARGE)
                || p.alarm(Protection.HIGH_CHARGE_CURRENT) || p.alarm(Protection.CELL_IMBALANCE);
    }

    /** Alarms that forbid discharging. */
    public static boolean blocksDischarge(ProtectionMonitor p) {
        return p.alarm(Protection.LOW_VOLTAGE) || p.alarm(Protection.HIGH_TEMPERATURE)
                || p.alarm(Protection.LOW_TEMPERATURE) || p.alarm(Protection.HIGH_CURRENT);
    }
}
