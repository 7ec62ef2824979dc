package org.bmsworkbench.ui.alarms.internal;

import java.util.Map;
import java.util.Optional;
import org.bmsworkbench.service.lockout.Protection;
import org.bmsworkbench.service.lockout.Protections;

/**
 * One line on what each alarm, warning and event means and one on what to check first, for
 * a service engineer at the battery. Drawn from the lockout article (over/under-voltage,
 * temperature, over-current and short circuit, cell imbalance, lost communication) and the
 * Safety lock document; a warning means the same condition as its alarm, nearer the limit.
 */
final class AlarmExplanations {

    /** What a condition means and what to check. */
    record Explanation(String meaning, String check) {
        String line() {
            return meaning + " Check: " + check;
        }
    }

    private static final Map<String, Explanation> BY_NAME = Map.ofEntries(
            e("general", "The BMS reports a problem it does not name further.",
                    "the other active alarms, the BMS error code and the last errors."),
            e("high_voltage", "A cell or the battery is above its voltage limit (overcharge).",
                    "the charger's or inverter's charge voltage against the BMS charge voltage limit, the highest cell, cell imbalance."),
            e("low_voltage", "A cell or the battery is below its voltage limit (deep discharge).",
                    "loads left on or long storage, the lowest cell; recharge gently (0.05–0.1 C)."),
            e("high_temperature", "The battery is too hot.",
                    "ambient temperature and ventilation, the current drawn, loose or hot connections."),
            e("low_temperature", "The battery is too cold.",
                    "ambient temperature and heating, the cell temperatures."),
            e("high_temperature_charge", "Too hot to charge: charging is reduced or stopped.",
                    "ambient temperature, ventilation and the charge current."),
            e("low_temperature_charge", "Too cold to charge (below about 0 °C charging damages lithium cells): charging is stopped.",
                    "the cell temperatures; warm the battery before charging."),
            e("high_current", "The discharge current is above its limit.",
                    "the loads and inverter start-up surges against the discharge current limit."),
            e("high_charge_current", "The charge current is above its limit.",
                    "the charger's or inverter's current setting against the charge current limit, and its CAN link to the BMS."),
            e("contactor", "The main contactor or a relay does not do what the BMS commands.",
                    "contactor coil wiring and supply, welded contacts, status flags bits 7 and 8."),
            e("short_circuit", "A short circuit or an extreme current: the BMS disconnects at once.",
                    "wiring and the load side for a short, inverter inrush; find the cause before reconnecting."),
            e("bms_internal", "The BMS reports a fault of its own.",
                    "the BMS supply and firmware version; make a system snapshot for the manufacturer."),
            e("cell_imbalance", "The cell voltages have drifted apart.",
                    "the highest and lowest cell voltages; leave the battery on charge to balance (can take hours)."),
            e("preventive_shutdown", "The BMS announces it will disconnect the battery to protect it.",
                    "the active alarms: remove their cause now, and warn whoever depends on the supply."));

    /** Shown when no message has arrived for a while on a live connection. */
    static final Explanation LOST_COMMUNICATION = new Explanation(
            "No message from the BMS: communication is lost (this alone stops a system with healthy cells).",
            "CAN cabling and terminators, the adapter, the bit rate, and that the BMS is powered.");

    private static Map.Entry<String, Explanation> e(String name, String meaning, String check) {
        return Map.entry(name, new Explanation(meaning, check));
    }

    private AlarmExplanations() {
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s; // an abbreviation: "MOSFET software lock"
        }
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The explanation of a key such as {@code alarm.high_voltage}, {@code warning.general} or
     * {@code event.preventive_shutdown}; a cell-level BMS's {@code protection.<name>} and boolean
     * {@code warning.<name>} are explained by the lockout service's {@link Protections} (the 0x35A
     * {@code warning.short_circuit}, whose name both share, keeps the one above).
     */
    static Explanation of(String key) {
        int dot = key.indexOf('.');
        String name = dot < 0 ? key : key.substring(dot + 1);
        if (key.startsWith("protection.")) {
            Optional<Protection> p = Protections.of(name);
            if (p.isPresent()) {
                return new Explanation(p.get().meaning() + " Causes: " + p.get().causes(), p.get().check());
            }
        }
        Explanation e = BY_NAME.get(name);
        if (e != null) {
            return e;
        }
        Optional<Protection> warning = key.startsWith("warning.") ? Protections.of(name) : Optional.empty();
        if (warning.isPresent()) {
            return new Explanation("Pre-alarm: nearing the limit of the " + lowerFirst(warning.get().label())
                    + " protection; the BMS has not switched anything off for it yet.", warning.get().check());
        }
        return new Explanation("A condition this workbench has no description for (" + key + ").",
                "the device's documentation for this key.");
    }
}
