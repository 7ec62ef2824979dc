package org.bmsworkbench.service.lockout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each protection of a cell-level BMS means, what causes it and what a technician checks,
 * for the thirteen names of {@code StandardSignals.protectionNames()} (docs/SIGNALS.md "Cell-level
 * BMS makes over serial"). The causes and checks follow the lockout article
 * ({@code seeds/002_284b27b6deb6b031.txt}, "Why the BMS locks" 1–5 and "How to unlock the system"
 * 1–6) and common BMS practice: which MOSFET a protection opens is JBD's and Daly's behaviour
 * (voltage, temperature and current protections of charging open the charge MOSFET, those of
 * discharging the discharge MOSFET, a front-end fault both).
 */
public final class Protections {

    private static final Map<String, Protection> BY_NAME = index(
            p("cell_over_voltage", "Cell over-voltage",
                    "A cell is above its over-voltage limit; the BMS stopped charging.",
                    "A charger or inverter that is not managed by the BMS, or one set above the pack's limit (too"
                            + " powerful, a lead-acid profile); cells out of balance reaching the limit first while"
                            + " charging to 100 %.",
                    "the charger's or inverter's charge voltage and profile against the pack's limit, the highest cell"
                            + " voltage, and balancing (a long charge in balancing mode evens the cells out).",
                    true, false),
            p("cell_under_voltage", "Cell under-voltage",
                    "A cell is below its under-voltage limit; the BMS stopped discharging.",
                    "A deep discharge: loads left on, a battery unused for months, a low-voltage cut-off set too low"
                            + " on the inverter; one weak cell reaching the limit first.",
                    "the lowest cell voltage and the loads; recharge gently (0.05–0.1 C) before switching the"
                            + " discharge MOSFET on; a cell far below its range needs a laboratory supply to raise it"
                            + " slowly.",
                    false, true),
            p("pack_over_voltage", "Pack over-voltage",
                    "The pack is above its over-voltage limit; the BMS stopped charging.",
                    "A charger or inverter set above the pack's limit (cells in series times the cell limit), or"
                            + " a profile for another chemistry (a lead-acid absorption or equalisation voltage).",
                    "the charger's or inverter's absorption and float voltages against the pack's limit, and the"
                            + " pack voltage at the terminals with a multimeter.",
                    true, false),
            p("pack_under_voltage", "Pack under-voltage",
                    "The pack is below its under-voltage limit; the BMS stopped discharging.",
                    "A deep discharge: loads left on, long storage, no backup charging.",
                    "the pack voltage at the terminals and each cell (0 V at the terminals only means the BMS"
                            + " disconnected the output); recharge gently (0.05–0.1 C) before discharging again.",
                    false, true),
            p("charge_over_temperature", "Charge over-temperature",
                    "The cells are too warm to charge (typically above 45–50 °C); the BMS stopped charging.",
                    "Hot surroundings, poor ventilation, a high charge current, a loose or corroded connection"
                            + " heating up, a sensor lying on a warm part.",
                    "the temperatures of every sensor, ventilation and ambient temperature, the charge current and the"
                            + " terminals for heat; let the battery cool down.",
                    true, false),
            p("charge_under_temperature", "Charge under-temperature",
                    "The cells are too cold to charge (below about 0 °C charging plates lithium metal on the"
                            + " anode); the BMS stopped charging.",
                    "A battery used in freezing temperatures without heating.",
                    "the temperatures of every sensor; warm the battery above 0 °C (heating, a warmer place) before"
                            + " charging, and do not switch the charge MOSFET on while it is cold.",
                    true, false),
            p("discharge_over_temperature", "Discharge over-temperature",
                    "The cells are too warm to discharge (typically above 55–60 °C); the BMS stopped discharging.",
                    "A high or long load, hot surroundings, poor ventilation, a loose connection heating up.",
                    "the temperatures of every sensor, the load current, ventilation and the terminals for heat; let"
                            + " the battery cool down.",
                    false, true),
            p("discharge_under_temperature", "Discharge under-temperature",
                    "The cells are too cold to discharge (typically below −20 °C); the BMS stopped discharging.",
                    "A battery used in deep frost without heating.",
                    "the temperatures of every sensor; warm the battery before using it.",
                    false, true),
            p("charge_over_current", "Charge over-current",
                    "The charge current went above the BMS's limit; the BMS opened the charge MOSFET.",
                    "A charger, inverter or alternator set to a higher current than the BMS allows, or several"
                            + " chargers adding up.",
                    "the charge current settings of every charger and the inverter against the BMS's charge current"
                            + " limit, and the current measured while charging.",
                    true, false),
            p("discharge_over_current", "Discharge over-current",
                    "The discharge current went above the BMS's limit; the BMS opened the discharge MOSFET.",
                    "A load or an inverter drawing more than the BMS allows, often an inverter's start-up surge or a"
                            + " motor starting, or an inverter connected wrongly.",
                    "the loads and the inverter's start-up surge against the BMS's discharge current rating, and the"
                            + " inverter's connection; reduce the load before switching on.",
                    false, true),
            p("short_circuit", "Short circuit",
                    "The BMS saw a short circuit or an extreme current on its output and disconnected at once.",
                    "A short in the wiring or the load, a tool across the terminals, or an inverter's input"
                            + " capacitors charging without a precharge.",
                    "the wiring and the load side for a short, and the inverter's precharge; find and remove the"
                            + " cause before switching on (never bridge the BMS or short the terminals).",
                    false, true),
            p("frontend_error", "Front-end error",
                    "The chip that measures the cells (the analogue front end) reports a fault or does not answer;"
                            + " the BMS cannot watch the cells and keeps the MOSFETs off.",
                    "A loose or broken balance lead (the cell sense wires), a fault of the BMS, a firmware error.",
                    "the balance lead connector and each sense wire, then power-cycle the BMS; if the fault stays,"
                            + " the BMS needs service (re-flash its firmware only if you know how).",
                    true, true),
            p("fet_software_lock", "MOSFET software lock",
                    "The MOSFETs were switched off by a command (the maker's app, a host, bmswb fets), not by a"
                            + " protection.",
                    "Someone or something switched them off on purpose, or the BMS keeps them off after a protection"
                            + " until a host switches them on.",
                    "who switched them off (the audit log, the maker's app), then whether the cause of the earlier"
                            + " protection is gone; the lock is released by switching the MOSFETs on.",
                    false, false));

    private Protections() {
    }

    private static Protection p(String name, String label, String meaning, String causes, String check,
            boolean charge, boolean discharge) {
        return new Protection(name, label, meaning, causes, check, charge, discharge);
    }

    private static Map<String, Protection> index(Protection... all) {
        Map<String, Protection> m = new LinkedHashMap<>();
        for (Protection p : all) {
            m.put(p.name(), p);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Every protection, in the catalogue's order. */
    public static List<Protection> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The protection of a name ({@code cell_over_voltage}). */
    public static Optional<Protection> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The protection a model key names: {@code protection.<name>}, or {@code warning.<name>} for a
     * name of a cell-level BMS (the names the 0x35A warnings share with it, {@code short_circuit},
     * are the caller's to tell apart by the value's type).
     */
    public static Optional<Protection> ofKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.startsWith("protection.")) {
            return of(key.substring("protection.".length()));
        }
        if (key.startsWith("warning.")) {
            return of(key.substring("warning.".length()));
        }
        return Optional.empty();
    }
}
