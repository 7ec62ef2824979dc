package org.bmsworkbench.protocol.daly.codec;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.StandardSignals;

/**
 * The keys this protocol fills: the standard ones of docs/SIGNALS.md ("Cell-level BMS makes over
 * serial") and its own, prefixed {@code daly.}, where no standard key fits. Also the table of
 * 0x98's fault bits.
 */
public final class DalySignals {
    public static final String ACQUISITION_VOLTAGE = "daly.acquisition_voltage";
    public static final String MAX_CELL = "daly.cell_voltage.max_cell";
    public static final String MIN_CELL = "daly.cell_voltage.min_cell";
    public static final String MAX_SENSOR = "daly.temperature.max_sensor";
    public static final String MIN_SENSOR = "daly.temperature.min_sensor";
    public static final String STATE = "daly.state";
    public static final String BMS_LIFE = "daly.bms_life";
    public static final String SENSOR_COUNT = "daly.temperature_sensors";
    public static final String CHARGER = "daly.charger";
    public static final String LOAD = "daly.load";
    public static final String FAULT_CODE = "daly.fault_code";
    /** {@code daly.di.1} … {@code daly.di.4}, {@code daly.do.1} … {@code daly.do.4}: 0x94 byte 4, bits 0–7. */
    public static final String DI = "daly.di.";
    public static final String DO = "daly.do.";

    /**
     * One bit of 0x98 (data byte, bit) and the key it sets: {@code warning.<name>} for a level-1
     * alarm, {@code protection.<name>} for level 2 (and for the one-level faults that are
     * protections: the AFE chip, short circuit), {@code daly.fault.<name>} where the catalogue
     * has no name.
     */
    public record Fault(int byteIndex, int bit, String key, String label) {
    }

    /** The fault bits of 0x98 bytes 0–6, in bit order (the Daly UART/485 protocol's table). */
    public static final List<Fault> FAULTS = faults();

    private static final List<String> STANDARD_KEYS = standardKeys();

    /** Descriptors of the keys this protocol adds. */
    public static final List<SignalDescriptor> OWN = own();

    private DalySignals() {
    }

    /** The standard keys this protocol fills (per-cell keys aside), in catalogue form. */
    public static List<String> standardKeys() {
        List<String> keys = new ArrayList<>(List.of("pack.voltage", "pack.current", "soc", "cell.voltage.max",
                "cell.voltage.min", "cell.temperature.max", "cell.temperature.min", "fet.charge", "fet.discharge",
                "capacity.remaining", "cell.count", "cycles"));
        for (Fault f : FAULTS) {
            if (!f.key().startsWith("daly.")) {
                keys.add(f.key());
            }
        }
        return List.copyOf(keys);
    }

    /** The standard descriptors of {@link #standardKeys()} followed by {@link #OWN}. */
    public static List<SignalDescriptor> all() {
        List<SignalDescriptor> list = new ArrayList<>();
        for (String key : STANDARD_KEYS) {
            list.add(StandardSignals.find(key).orElseThrow(() -> new IllegalStateException("not a standard key: " + key)));
        }
        list.addAll(OWN);
        return List.copyOf(list);
    }

    private static List<Fault> faults() {
        List<Fault> l = new ArrayList<>();
        String[][] levelled = { // byte 0..2: pairs of bits, level 1 then level 2
            {"cell_over_voltage", "cell_under_voltage", "pack_over_voltage", "pack_under_voltage"},
            {"charge_over_temperature", "charge_under_temperature", "discharge_over_temperature",
                "discharge_under_temperature"},
            {"charge_over_current", "discharge_over_current", null, null},
        };
        for (int b = 0; b < levelled.length; b++) {
            for (int p = 0; p < 4; p++) {
                String name = levelled[b][p];
                if (name != null) {
                    l.add(new Fault(b, 2 * p, "warning." + name, name + " level 1"));
                    l.add(new Fault(b, 2 * p + 1, "protection." + name, name + " level 2"));
                }
            }
        }
        l.add(new Fault(2, 4, "daly.fault.soc_high_1", "SOC too high, level 1"));
        l.add(new Fault(2, 5, "daly.fault.soc_high_2", "SOC too high, level 2"));
        l.add(new Fault(2, 6, "daly.fault.soc_low_1", "SOC too low, level 1"));
        l.add(new Fault(2, 7, "daly.fault.soc_low_2", "SOC too low, level 2"));
        l.add(new Fault(3, 0, "daly.fault.cell_voltage_difference_1", "cell voltage difference too high, level 1"));
        l.add(new Fault(3, 1, "daly.fault.cell_voltage_difference_2", "cell voltage difference too high, level 2"));
        l.add(new Fault(3, 2, "daly.fault.temperature_difference_1", "temperature difference too high, level 1"));
        l.add(new Fault(3, 3, "daly.fault.temperature_difference_2", "temperature difference too high, level 2"));
        l.add(new Fault(4, 0, "daly.fault.charge_mos_over_temperature", "charge MOSFET over-temperature"));
        l.add(new Fault(4, 1, "daly.fault.discharge_mos_over_temperature", "discharge MOSFET over-temperature"));
        l.add(new Fault(4, 2, "daly.fault.charge_mos_sensor", "charge MOSFET temperature sensor failure"));
        l.add(new Fault(4, 3, "daly.fault.discharge_mos_sensor", "discharge MOSFET temperature sensor failure"));
        l.add(new Fault(4, 4, "daly.fault.charge_mos_adhesion", "charge MOSFET stuck on (adhesion)"));
        l.add(new Fault(4, 5, "daly.fault.discharge_mos_adhesion", "discharge MOSFET stuck on (adhesion)"));
        l.add(new Fault(4, 6, "daly.fault.charge_mos_open", "charge MOSFET open circuit (breaker)"));
        l.add(new Fault(4, 7, "daly.fault.discharge_mos_open", "discharge MOSFET open circuit (breaker)"));
        l.add(new Fault(5, 0, "protection.frontend_error", "AFE acquisition chip failure"));
        l.add(new Fault(5, 1, "daly.fault.cell_voltage_collection", "cell voltage collection dropped"));
        l.add(new Fault(5, 2, "daly.fault.temperature_sensor", "cell temperature sensor failure"));
        l.add(new Fault(5, 3, "daly.fault.eeprom", "EEPROM failure"));
        l.add(new Fault(5, 4, "daly.fault.rtc", "real-time clock failure"));
        l.add(new Fault(5, 5, "daly.fault.precharge", "precharge failure"));
        l.add(new Fault(5, 6, "daly.fault.communication", "vehicle communication failure"));
        l.add(new Fault(5, 7, "daly.fault.internal_communication", "internal communication failure"));
        l.add(new Fault(6, 0, "daly.fault.current_module", "current module failure"));
        l.add(new Fault(6, 1, "daly.fault.voltage_detection", "total voltage detection failure"));
        l.add(new Fault(6, 2, "protection.short_circuit", "short circuit protection"));
        l.add(new Fault(6, 3, "daly.fault.low_voltage_no_charge", "voltage too low to charge"));
        return List.copyOf(l);
    }

    private static List<SignalDescriptor> own() {
        SignalKind n = SignalKind.NUMBER;
        SignalKind b = SignalKind.BOOLEAN;
        List<SignalDescriptor> l = new ArrayList<>(List.of(
                new SignalDescriptor(ACQUISITION_VOLTAGE, "V", n, "pack", "Acquisition voltage",
                        "Pack voltage measured at the terminals (Daly 0x90 bytes 2-3; many boards send 0)."),
                new SignalDescriptor(MAX_CELL, "", n, "cells", "Highest cell", "Number of the cell with the highest voltage (Daly 0x91)."),
                new SignalDescriptor(MIN_CELL, "", n, "cells", "Lowest cell", "Number of the cell with the lowest voltage (Daly 0x91)."),
                new SignalDescriptor(MAX_SENSOR, "", n, "cells", "Warmest sensor", "Number of the sensor with the highest temperature (Daly 0x92)."),
                new SignalDescriptor(MIN_SENSOR, "", n, "cells", "Coldest sensor", "Number of the sensor with the lowest temperature (Daly 0x92)."),
                new SignalDescriptor(STATE, "", n, "status", "Charge state", "0 stationary, 1 charging, 2 discharging (Daly 0x93 byte 0)."),
                new SignalDescriptor(BMS_LIFE, "", n, "status", "BMS life", "Heartbeat counter 0-255 of the BMS (Daly 0x93 byte 3)."),
                new SignalDescriptor(SENSOR_COUNT, "", n, "cells", "Temperature sensors", "Number of temperature sensors (Daly 0x94 byte 1)."),
                new SignalDescriptor(CHARGER, "", b, "status", "Charger connected", "True while a charger is detected (Daly 0x94 byte 2)."),
                new SignalDescriptor(LOAD, "", b, "status", "Load connected", "True while a load is detected (Daly 0x94 byte 3)."),
                new SignalDescriptor(FAULT_CODE, "", n, "alarms", "Fault code", "Fault code of the BMS (Daly 0x98 byte 7).")));
        for (int i = 1; i <= 4; i++) {
            l.add(new SignalDescriptor(DI + i, "", b, "status", "Digital input " + i, "State of DI" + i + " (Daly 0x94 byte 4 bit " + (i - 1) + ")."));
        }
        for (int i = 1; i <= 4; i++) {
            l.add(new SignalDescriptor(DO + i, "", b, "status", "Digital output " + i, "State of DO" + i + " (Daly 0x94 byte 4 bit " + (i + 3) + ")."));
        }
        for (Fault f : FAULTS) {
            if (f.key().startsWith("daly.")) {
                l.add(new SignalDescriptor(f.key(), "", b, "alarms", capitalised(f.label()),
                        "True while the BMS reports: " + f.label() + " (Daly 0x98 byte " + f.byteIndex() + " bit " + f.bit() + ")."));
            }
        }
        return List.copyOf(l);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
