package org.bmsworkbench.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated BMS's present values under the model keys of docs/SIGNALS.md: what a protocol
 * encoder turns into frames. Scaled values are {@code Double} rounded to their finest
 * resolution in any protocol, counts and codes {@code Long}, alarms {@code "raised"} or
 * {@code "cleared"} (a condition that is not raised is sent as cleared, 2).
 */
public final class DeviceSignals {
    public static final String MANUFACTURER = "MG-BMS";
    public static final long TYPE_ID = 0x3A9B;
    public static final String FIRMWARE = "1.24";
    public static final long PRODUCT_ID = 0xA390;
    public static final long HW_CONFIG = 0;

    /** Bits of the status flags, VREG 0x2100. */
    public static final int FLAG_CHARGED = 1, FLAG_ALMOST_CHARGED = 1 << 1, FLAG_DISCHARGED = 1 << 2,
            FLAG_ALMOST_DISCHARGED = 1 << 3, FLAG_CHARGING = 1 << 4, FLAG_DISCHARGING = 1 << 5,
            FLAG_BALANCING = 1 << 6, FLAG_CONTACTOR_CLOSED = 1 << 7, FLAG_WARNING_OVER_VOLTAGE = 1 << 10,
            FLAG_WARNING_UNDER_VOLTAGE = 1 << 12, FLAG_WARNING_HIGH_CHARGE_CURRENT = 1 << 13,
            FLAG_WARNING_HIGH_DISCHARGE_CURRENT = 1 << 14, FLAG_WARNING_OVER_TEMPERATURE = 1 << 16,
            FLAG_WARNING_UNDER_TEMPERATURE_CHARGE = 1 << 17, FLAG_WARNING_UNDER_TEMPERATURE_DISCHARGE = 1 << 19,
            FLAG_LOW_SOC = 1 << 21, FLAG_ALLOWED_TO_CHARGE = 1 << 25, FLAG_ALLOWED_TO_DISCHARGE = 1 << 26;

    private DeviceSignals() {
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f + 0.0; // no -0.0
    }

    /** Every key the Master LV can send, with its present value. */
    public static Map<String, Object> of(MasterLvDevice d) {
        BatteryPack p = d.pack();
        PackHistory h = p.history();
        SimulatorOptions o = d.options();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limit.charge_voltage", round(ChargeLimits.chargeVoltage(p), 1));
        m.put("limit.charge_current", round(d.chargeCurrentLimit(), 1));
        m.put("limit.discharge_current", round(d.dischargeCurrentLimit(), 1));
        m.put("limit.discharge_voltage", round(ChargeLimits.dischargeVoltage(p), 1));
        double soc = Math.max(0, Math.min(100, p.socPercent()));
        m.put("soc", (long) Math.floor(soc + 1e-9));
        m.put("soh", 100L);
        m.put("soc.precise", round(soc, 2));
        m.put("pack.voltage", round(p.packVoltage(), 2));
        m.put("pack.current", round(p.current(), 1));
        m.put("pack.temperature", round(p.temperatureMax(), 1));
        m.put("cell.voltage.min", round(p.cellVoltageMin(), 3));
        m.put("cell.voltage.max", round(p.cellVoltageMax(), 3));
        m.put("cell.temperature.min", round(p.temperatureMin(), 1));
        m.put("cell.temperature.max", round(p.temperatureMax(), 1));
        m.put("energy.charged", round(h.energyChargedKwh(), 2));
        m.put("energy.discharged", round(h.energyDischargedKwh(), 2));
        m.put("capacity.installed", (long) o.capacityAh());
        m.put("capacity.remaining", Math.round(p.remainingAh()));
        Integer ttg = p.timeToGoMinutes();
        m.put("time_to_go", ttg == null ? null : (long) ttg);
        m.put("charge.consumed", round(p.consumedAh(), 1));
        m.put("bms.manufacturer", MANUFACTURER);
        m.put("bms.type_id", TYPE_ID);
        m.put("bms.firmware", FIRMWARE);
        m.put("bms.hw_config", HW_CONFIG);
        m.put("bms.serial", o.serial());
        m.put("bms.product_id", PRODUCT_ID);
        m.put("bms.state", (long) d.state());
        m.put("bms.error", (long) d.error());
        m.put("bms.flags", flags(d));
        for (int n = 1; n <= ErrorLog.SIZE; n++) {
            m.put("error.history." + n, (long) d.errors().code(n));
            m.put("error.history." + n + ".time", d.errors().time(n));
        }
        m.put("relay.state", d.relayClosed() ? 1L : 0L);
        m.put("config.batteries", (long) o.batteries());
        m.put("config.cells_per_battery", (long) SimulatorOptions.CELLS_PER_BATTERY);
        m.put("config.parallel", (long) o.parallel());
        m.put("config.series", (long) o.series());
        m.put("history.deepest_discharge", round(h.deepestDischargeAh(), 1));
        m.put("history.total_ah_drawn", round(h.totalAhDrawn(), 1));
        m.put("history.voltage.min", round(h.voltageMin(), 2));
        m.put("history.voltage.max", round(h.voltageMax(), 2));
        m.put("history.auto_syncs", (long) h.autoSyncs());
        m.put("history.temperature.max", round(h.temperatureMax(), 2));
        m.put("history.temperature.min", round(h.temperatureMin(), 2));
        m.put("history.cell_voltage.min", round(h.cellVoltageMin(), 2));
        m.put("history.cell_voltage.max", round(h.cellVoltageMax(), 2));
        m.put("charger_link.percentage", chargerLinkPercentage(d));
        m.put("charger_link.current_limit", round(d.chargeCurrentLimit(), 1));
        for (Setting s : Setting.values()) {
            m.put(s.key(), (long) d.setting(s));
        }
        ProtectionMonitor pm = d.protection();
        for (Protection pr : Protection.values()) {
            m.put("alarm." + pr.key(), pm.alarm(pr) ? "raised" : "cleared");
        }
        for (Protection pr : Protection.values()) {
            m.put("warning." + pr.key(), pm.warning(pr) ? "raised" : "cleared");
        }
        m.put("event.preventive_shutdown", pm.anyAlarm() && d.state() == BmsState.RUNNING);
        return m;
    }

    /** Charge current limit as a percentage of the rated charge current, 0..100. */
    static long chargerLinkPercentage(MasterLvDevice d) {
        double rated = ChargeLimits.RATED_CHARGE_C * d.pack().capacityAh();
        return Math.round(Math.min(100, 100 * d.chargeCurrentLimit() / rated));
    }

    /** The status flags of VREG 0x2100. */
    public static long flags(MasterLvDevice d) {
        BatteryPack p = d.pack();
        ProtectionMonitor pm = d.protection();
        double soc = p.socPercent();
        long f = 0;
        f |= soc >= 100 ? FLAG_CHARGED : 0;
        f |= soc >= 95 ? FLAG_ALMOST_CHARGED : 0;
        f |= soc <= 2 ? FLAG_DISCHARGED : 0;
        f |= soc <= 10 ? FLAG_ALMOST_DISCHARGED : 0;
        f |= p.cRate() > 0.005 ? FLAG_CHARGING : 0;
        f |= p.cRate() < -0.005 ? FLAG_DISCHARGING : 0;
        f |= p.cellVoltageMax() - p.cellVoltageMin() > 0.02 && soc > 80 ? FLAG_BALANCING : 0;
        f |= d.contactorClosed() ? FLAG_CONTACTOR_CLOSED : 0;
        f |= pm.warning(Protection.HIGH_VOLTAGE) ? FLAG_WARNING_OVER_VOLTAGE : 0;
        f |= pm.warning(Protection.LOW_VOLTAGE) ? FLAG_WARNING_UNDER_VOLTAGE : 0;
        f |= pm.warning(Protection.HIGH_CHARGE_CURRENT) ? FLAG_WARNING_HIGH_CHARGE_CURRENT : 0;
        f |= pm.warning(Protection.HIGH_CURRENT) ? FLAG_WARNING_HIGH_DISCHARGE_CURRENT : 0;
        f |= pm.warning(Protection.HIGH_TEMPERATURE) ? FLAG_WARNING_OVER_TEMPERATURE : 0;
        f |= pm.warning(Protection.LOW_TEMPERATURE_CHARGE) ? FLAG_WARNING_UNDER_TEMPERATURE_CHARGE : 0;
        f |= pm.warning(Protection.LOW_TEMPERATURE) ? FLAG_WARNING_UNDER_TEMPERATURE_DISCHARGE : 0;
        f |= soc < 20 ? FLAG_LOW_SOC : 0;
        f |= d.allowedToCharge() ? FLAG_ALLOWED_TO_CHARGE : 0;
        f |= d.allowedToDischarge() ? FLAG_ALLOWED_TO_DISCHARGE : 0;
        return f;
    }
}
