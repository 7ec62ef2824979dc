package org.bmsworkbench.service.unlock.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.service.unlock.PossibleCause;

/**
 * The common causes of a lock-out (lockout article, seed 002: over-discharge or over-voltage,
 * over- or under-temperature, excessive load or short circuit, cell balancing, loss of
 * communication or firmware error) with the checks a technician makes, and the evidence that
 * points to each: error codes (MG guide 1.5.4.2), alarm keys (docs/SIGNALS.md) and status-flag bits.
 */
final class Causes {
    static final String OVER_VOLTAGE = "over-voltage";
    static final String UNDER_VOLTAGE = "under-voltage";
    static final String TEMPERATURE = "temperature";
    static final String OVER_CURRENT = "over-current";
    static final String IMBALANCE = "cell-imbalance";
    static final String COMMUNICATION = "communication";

    private record Cause(String title, List<String> checks) {
    }

    private static final Map<String, Cause> CAUSES = new LinkedHashMap<>();

    static {
        CAUSES.put(OVER_VOLTAGE, new Cause("Over-voltage", List.of(
                "Compare the charge voltage of every charger and inverter with the BMS charge voltage limit (VREG 0x0390)"
                        + " and the battery manual's boundary limits.",
                "Look for a charger wired past the BMS (one that the BMS cannot stop) or set to a fixed voltage.",
                "Measure the highest cell and compare with the history of cell voltages (VREG 0x0384).",
                "Check the cell balance: one high cell locks a pack whose total voltage looks normal.")));
        CAUSES.put(UNDER_VOLTAGE, new Cause("Under-voltage (deep discharge)", List.of(
                "Find loads left on while the system was idle or stored, and the deepest discharge (VREG 0x0300).",
                "Measure each module's voltage at its terminals with a multimeter.",
                "A deeply discharged module may need to be brought up slowly with an adjustable supply, as the battery"
                        + " manual allows, or replaced.",
                "Check the discharge voltage limit (VREG 0x0392) the inverter follows.")));
        CAUSES.put(TEMPERATURE, new Cause("Over- or under-temperature", List.of(
                "Check the ambient temperature, ventilation and heating of the battery room.",
                "Look for hot cable connections (torque) and high currents heating the modules.",
                "Check that charging was prevented below 0 °C; compare the temperature history (VREG 0x0312, 0x0313).",
                "Compare the temperature sensors' readings with a thermometer.")));
        CAUSES.put(OVER_CURRENT, new Cause("Over-current or short circuit", List.of(
                "Inspect the DC cabling, fuses and busbars for a short circuit or damage.",
                "Check the inverter's start-up surges and its current limits against the BMS limits (VREG 0x0391, 0x0393).",
                "Turn DC loads off before the restart so that pre-charging does not fail.",
                "Read the last errors 1–4: a protection shutdown (18) follows a module's own over-current trip.")));
        CAUSES.put(IMBALANCE, new Cause("Cell imbalance", List.of(
                "Compare the lowest and highest cell voltages (VREG 0x0385); more than 0.1 V apart needs balancing.",
                "Leave the pack on a charger in balancing mode for as long as the manual says.",
                "A module that drifts again and again is ageing unevenly: ask the dealer about replacing it.")));
        CAUSES.put(COMMUNICATION, new Cause("Lost communication or firmware error", List.of(
                "Check the CAN/RS485 cables, connectors and terminators between the BMS and every module.",
                "Check that every module is powered and reports (the battery configuration, VREG 0x0380).",
                "Compare the firmware versions (VREG 0x0102) with the dealer's current ones.")));
    }

    /** Which cause an error code points to, or null. */
    static String ofError(int code) {
        return switch (code) {
            case 13 -> OVER_VOLTAGE;
            case 14 -> UNDER_VOLTAGE;
            case 15, 16 -> TEMPERATURE;
            case 18, 25 -> OVER_CURRENT;
            case 2, 5, 12, 23, 28, 29 -> COMMUNICATION;
            default -> null;
        };
    }

    /** Which cause an alarm or warning key ({@code alarm.high_voltage}) points to, or null. */
    static String ofAlarm(String key) {
        String name = key.substring(key.indexOf('.') + 1);
        return switch (name) {
            case "high_voltage" -> OVER_VOLTAGE;
            case "low_voltage" -> UNDER_VOLTAGE;
            case "high_temperature", "low_temperature", "high_temperature_charge", "low_temperature_charge" -> TEMPERATURE;
            case "high_current", "high_charge_current", "short_circuit" -> OVER_CURRENT;
            case "cell_imbalance" -> IMBALANCE;
            case "bms_internal" -> COMMUNICATION;
            default -> null;
        };
    }

    /** Which cause a status flag bit (VREG 0x2100) points to, or null. */
    static String ofFlag(int bit) {
        return switch (bit) {
            case 10 -> OVER_VOLTAGE;
            case 12 -> UNDER_VOLTAGE;
            case 13, 14 -> OVER_CURRENT;
            case 16, 17, 19 -> TEMPERATURE;
            default -> null;
        };
    }

    /** Every cause; those with evidence first (in the order evidence was found), each with its evidence joined. */
    static List<PossibleCause> rank(Map<String, List<String>> evidence) {
        List<PossibleCause> ranked = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : evidence.entrySet()) {
            Cause c = CAUSES.get(e.getKey());
            ranked.add(new PossibleCause(e.getKey(), c.title(), true, String.join("; ", e.getValue()), c.checks()));
        }
        for (Map.Entry<String, Cause> e : CAUSES.entrySet()) {
            if (!evidence.containsKey(e.getKey())) {
                ranked.add(new PossibleCause(e.getKey(), e.getValue().title(), false, "", e.getValue().checks()));
            }
        }
        return ranked;
    }

    private Causes() {
    }
}
