package org.bmsworkbench.device.mg;

import static org.bmsworkbench.device.mg.BmsError.Kind.ERROR;
import static org.bmsworkbench.device.mg.BmsError.Kind.NO_ERROR;

import java.util.List;
import java.util.Set;

/**
 * VREG 0x2101, "BMS Error" (communication guide rev. 8, 1.5.4.2): all 30 codes, 0–29, with the
 * guide's labels, unused codes kept as "Not implemented" and "Reserved". The explanations and
 * what to check are ours, drawing on the Safety lock document and the article on why BMSs lock
 * out (over/under-voltage, temperature, over-current and short circuit, cell imbalance, lost
 * communication, firmware errors).
 */
public final class MgBmsErrors {
    public static final int NO_ERROR_CODE = 0;
    public static final int OVER_VOLTAGE = 13;
    public static final int UNDER_VOLTAGE = 14;
    public static final int OVER_TEMPERATURE = 15;
    public static final int UNDER_TEMPERATURE = 16;
    public static final int BATTERY_PROTECTION_SHUTDOWN = 18;

    /**
     * The error codes that mean a Safety lock unless configured otherwise. The Safety lock
     * document says a Safety lock "is triggered when a critical boundary limit is exceeded far
     * beyond the safe operating range"; the guide's codes that report a limit exceeded are
     * 13 over voltage, 14 under voltage, 15 over temperature, 16 under temperature, and 18
     * battery protection automatic shutdown (a module's own protection tripping: over-current,
     * short circuit, a cell beyond its limits). The other errors are faults of configuration,
     * communication or hardware (no batteries found, wrong battery count, watchdog, slave
     * failure, pre-charge, contactor, firmware update) that are put right by repair, not by a
     * dealer's unlock code. The guide itself does not say which codes lock: hence a setting.
     */
    public static final Set<Integer> DEFAULT_SAFETY_LOCK_CODES =
            Set.of(OVER_VOLTAGE, UNDER_VOLTAGE, OVER_TEMPERATURE, UNDER_TEMPERATURE, BATTERY_PROTECTION_SHUTDOWN);

    /** Codes 0–29, indexed by code. */
    public static final List<BmsError> ERRORS = List.of(
            new BmsError(0, "No error, system OK", NO_ERROR,
                    "The BMS reports no error.",
                    "Nothing."),
            unused(1),
            error(2, "No batteries found",
                    "The BMS does not see any battery module on its battery communication bus.",
                    "Battery communication cables, connectors and terminators between the BMS and the modules, and that the"
                            + " modules are powered; lost communication stops a system even with healthy cells."),
            unused(3),
            error(4, "Batteries connected are not the same type",
                    "The modules found are not all of the same type.",
                    "That every connected module is the same battery type; remove or replace the odd one."),
            error(5, "Number of batteries connected incorrect",
                    "The number of modules found differs from the number expected.",
                    "The parallel and series settings (VREG 0x0387, 0x0388) against the installed modules, and the"
                            + " communication cabling of each module."),
            unused(6),
            error(7, "Measure error",
                    "A voltage, current or temperature measurement is missing or implausible.",
                    "Measurement wiring, sense leads and the current sensor; compare the readings with a multimeter."),
            unused(8),
            unused(9),
            unused(10),
            unused(11),
            error(12, "Watchdog error",
                    "The BMS controller was reset by its watchdog: an internal fault or a firmware error.",
                    "The BMS supply voltage and the firmware version (VREG 0x0102); update the firmware with the"
                            + " manufacturer's tool if it recurs."),
            error(OVER_VOLTAGE, "Over voltage detected",
                    "A cell or the battery went above its maximum voltage (overcharge).",
                    "The charger or inverter charge voltage and whether it follows the BMS limits (VREG 0x0390, frame"
                            + " 0x351); the highest cell voltage (VREG 0x0385) and cell imbalance."),
            error(UNDER_VOLTAGE, "Under voltage detected",
                    "A cell or the battery went below its minimum voltage (over-discharge).",
                    "Loads left on or a long time unused, the lowest cell voltage (VREG 0x0385), cell imbalance, and"
                            + " whether loads and inverters obey the discharge limits."),
            error(OVER_TEMPERATURE, "Over temperature detected",
                    "A cell went above its maximum temperature.",
                    "Ambient temperature and ventilation, the cell temperatures (VREG 0x0386), currents against the"
                            + " rating, and loose or corroded connections that heat up."),
            error(UNDER_TEMPERATURE, "Under temperature detected",
                    "A cell went below its minimum temperature; charging lithium cells below 0 °C damages them.",
                    "The cell temperatures (VREG 0x0386), heating of the battery space, and whether a charger ran in the"
                            + " cold."),
            unused(17),
            error(BATTERY_PROTECTION_SHUTDOWN, "Battery protection automatic shutdown",
                    "The battery protection shut the system down: a module's limit (current, voltage or temperature)"
                            + " was exceeded.",
                    "Over-current and short circuits (inverter start-up surges, wiring), the modules' alarms and the"
                            + " last errors (VREG 0x2110), and cell balance."),
            unused(19),
            unused(20),
            unused(21),
            unused(22),
            error(23, "BMS slave failure",
                    "A module's slave electronics failed or stopped answering.",
                    "The communication cabling to each module and which module does not answer; lost communication can"
                            + " stop a system with healthy cells."),
            unused(24),
            error(25, "Pre-charge failure",
                    "Pre-charging the load side did not complete before the main contactor was to close.",
                    "Turn off DC loads during start-up; look for a short circuit or an unusually large capacitive load on"
                            + " the DC bus."),
            error(26, "Contactor failure",
                    "The main safety contactor did not open or close as commanded.",
                    "The contactor's coil wiring and supply, welded contacts, and the contactor bits of the status flags"
                            + " (VREG 0x2100 bits 7 and 8)."),
            new BmsError(27, "Reserved", BmsError.Kind.RESERVED,
                    "The guide reserves this code; a BMS should not report it.",
                    "Record a system snapshot and the firmware version (VREG 0x0102) and ask the manufacturer."),
            error(28, "Slave update failure",
                    "Updating the firmware of a module's slave electronics failed.",
                    "Repeat the update with the manufacturer's tool; check the module's communication cabling."),
            error(29, "Slave update unavailable",
                    "A firmware update for a module's slave electronics is not available.",
                    "That the manufacturer's tool and firmware package match the connected modules."));

    private MgBmsErrors() {
    }

    private static BmsError error(int code, String label, String explanation, String whatToCheck) {
        return new BmsError(code, label, ERROR, explanation, whatToCheck);
    }

    private static BmsError unused(int code) {
        return new BmsError(code, "Not implemented", BmsError.Kind.NOT_IMPLEMENTED,
                "The guide lists this code as not implemented; a BMS should not report it.",
                "Record a system snapshot and the firmware version (VREG 0x0102) and ask the manufacturer.");
    }
}
