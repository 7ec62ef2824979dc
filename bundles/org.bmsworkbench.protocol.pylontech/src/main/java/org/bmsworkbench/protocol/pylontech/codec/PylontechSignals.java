package org.bmsworkbench.protocol.pylontech.codec;

import java.util.List;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;

/**
 * The keys this protocol adds to the BMS model, where no standard key of docs/SIGNALS.md fits. They
 * start with the protocol id, so they never clash with another vendor's keys.
 */
public final class PylontechSignals {
    public static final String MODULE_COUNT = "pylontech.module_count";
    public static final String CHARGE_ENABLE = "pylontech.request.charge_enable";
    public static final String DISCHARGE_ENABLE = "pylontech.request.discharge_enable";
    public static final String FORCE_CHARGE_1 = "pylontech.request.force_charge_1";
    public static final String FORCE_CHARGE_2 = "pylontech.request.force_charge_2";
    public static final String FULL_CHARGE = "pylontech.request.full_charge";

    /** The descriptors of the keys above, contributed to the catalogue through {@code BmsProtocol.signals()}. */
    public static final List<SignalDescriptor> OWN = List.of(
            new SignalDescriptor(MODULE_COUNT, "", SignalKind.NUMBER, "identity", "Battery modules",
                    "Number of battery modules in the stack (Pylontech 0x359 byte 4)."),
            new SignalDescriptor(CHARGE_ENABLE, "", SignalKind.BOOLEAN, "status", "Charge enabled",
                    "The battery allows charging (Pylontech 0x35C bit 7)."),
            new SignalDescriptor(DISCHARGE_ENABLE, "", SignalKind.BOOLEAN, "status", "Discharge enabled",
                    "The battery allows discharging (Pylontech 0x35C bit 6)."),
            new SignalDescriptor(FORCE_CHARGE_1, "", SignalKind.BOOLEAN, "status", "Force charge request I",
                    "The battery asks to be charged at once, e.g. from the grid (Pylontech 0x35C bit 5)."),
            new SignalDescriptor(FORCE_CHARGE_2, "", SignalKind.BOOLEAN, "status", "Force charge request II",
                    "The battery asks to be charged, second level, e.g. at low SOC (Pylontech 0x35C bit 4)."),
            new SignalDescriptor(FULL_CHARGE, "", SignalKind.BOOLEAN, "status", "Full charge request",
                    "The battery asks for a full charge to recalibrate (Pylontech 0x35C bit 3)."));

    private PylontechSignals() {
    }
}
