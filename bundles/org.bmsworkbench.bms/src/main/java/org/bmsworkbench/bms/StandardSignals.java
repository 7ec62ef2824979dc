package org.bmsworkbench.bms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The standard catalogue of {@code docs/SIGNALS.md}: every key with its unit, kind, group and label. */
public final class StandardSignals {

    /** The thirteen alarm names of 0x35A, shared by {@code alarm.*} and {@code warning.*}, in frame order. */
    private static final String[][] ALARM_NAMES = {
        {"general", "General", "any condition the BMS reports as general"},
        {"high_voltage", "High voltage", "battery or cell voltage too high"},
        {"low_voltage", "Low voltage", "battery or cell voltage too low"},
        {"high_temperature", "High temperature", "battery temperature too high"},
        {"low_temperature", "Low temperature", "battery temperature too low"},
        {"high_temperature_charge", "High temperature (charge)", "temperature too high to charge"},
        {"low_temperature_charge", "Low temperature (charge)", "temperature too low to charge"},
        {"high_current", "High current", "discharge current too high"},
        {"high_charge_current", "High charge current", "charge current too high"},
        {"contactor", "Contactor", "contactor or relay fault"},
        {"short_circuit", "Short circuit", "short circuit detected"},
        {"bms_internal", "BMS internal", "internal fault of the BMS"},
        {"cell_imbalance", "Cell imbalance", "cells out of balance"},
    };

    /**
     * The protection names of cell-level BMS makes (JBD's protection bits, Daly's fault levels),
     * shared by {@code protection.*} and the boolean {@code warning.*} of those makes.
     */
    private static final String[][] PROTECTION_NAMES = {
        {"cell_over_voltage", "Cell over-voltage", "a cell above its over-voltage limit"},
        {"cell_under_voltage", "Cell under-voltage", "a cell below its under-voltage limit"},
        {"pack_over_voltage", "Pack over-voltage", "the pack above its over-voltage limit"},
        {"pack_under_voltage", "Pack under-voltage", "the pack below its under-voltage limit"},
        {"charge_over_temperature", "Charge over-temperature", "too warm to charge"},
        {"charge_under_temperature", "Charge under-temperature", "too cold to charge"},
        {"discharge_over_temperature", "Discharge over-temperature", "too warm to discharge"},
        {"discharge_under_temperature", "Discharge under-temperature", "too cold to discharge"},
        {"charge_over_current", "Charge over-current", "charge current above its limit"},
        {"discharge_over_current", "Discharge over-current", "discharge current above its limit"},
        {"short_circuit", "Short circuit", "a short circuit on the output"},
        {"frontend_error", "Front-end error", "the cell-measuring chip failed"},
        {"fet_software_lock", "MOSFET software lock", "the MOSFETs locked off by software"},
    };

    /** Highest cell or temperature-sensor number a per-cell key may carry. */
    public static final int MAX_CELLS = 256;

    private static final java.util.regex.Pattern PER_CELL =
            java.util.regex.Pattern.compile("(cell\\.([1-9][0-9]{0,2})\\.(voltage|balancing))|(temperature\\.([1-9][0-9]{0,2}))");

    private static final List<SignalDescriptor> ALL = build();
    private static final Map<String, SignalDescriptor> BY_KEY = index(ALL);

    private StandardSignals() {
    }

    /** All standard keys, in catalogue order. */
    public static List<SignalDescriptor> all() {
        return ALL;
    }

    /**
     * The standard descriptor of {@code key}, if it is one: a key of {@link #all()} or a per-cell
     * key ({@code cell.<n>.voltage}, {@code cell.<n>.balancing}, {@code temperature.<n>}, n from 1
     * to {@link #MAX_CELLS}).
     */
    public static Optional<SignalDescriptor> find(String key) {
        SignalDescriptor d = BY_KEY.get(key);
        if (d != null || key == null) {
            return Optional.ofNullable(d);
        }
        var m = PER_CELL.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1) != null) {
            int n = Integer.parseInt(m.group(2));
            if (n > MAX_CELLS) {
                return Optional.empty();
            }
            return Optional.of("voltage".equals(m.group(3)) ? cellVoltage(n) : cellBalancing(n));
        }
        int n = Integer.parseInt(m.group(5));
        return n > MAX_CELLS ? Optional.empty() : Optional.of(temperature(n));
    }

    /** The per-cell keys as patterns, {@code <n>} for the number, for listings such as {@code bmswb signals}. */
    public static List<SignalDescriptor> patterns() {
        return List.of(
                d("cell.<n>.voltage", "V", SignalKind.NUMBER, "cells", "Cell <n> voltage", "Voltage of cell n, from 1."),
                d("cell.<n>.balancing", "", SignalKind.BOOLEAN, "cells", "Cell <n> balancing", "True while cell n is being balanced."),
                d("temperature.<n>", "°C", SignalKind.NUMBER, "cells", "Temperature <n>", "Temperature sensor n, from 1."));
    }

    /** {@code cell.<n>.voltage}: voltage of cell n (from 1). */
    public static SignalDescriptor cellVoltage(int n) {
        return d("cell." + requireCell(n) + ".voltage", "V", SignalKind.NUMBER, "cells", "Cell " + n + " voltage",
                "Voltage of cell " + n + ".");
    }

    /** {@code cell.<n>.balancing}: whether cell n (from 1) is being balanced. */
    public static SignalDescriptor cellBalancing(int n) {
        return d("cell." + requireCell(n) + ".balancing", "", SignalKind.BOOLEAN, "cells", "Cell " + n + " balancing",
                "True while cell " + n + " is being balanced.");
    }

    /** {@code temperature.<n>}: temperature sensor n (from 1). */
    public static SignalDescriptor temperature(int n) {
        return d("temperature." + requireCell(n), "°C", SignalKind.NUMBER, "cells", "Temperature " + n,
                "Temperature sensor " + n + ".");
    }

    /** The protection names of cell-level BMS makes, in catalogue order ({@code cell_over_voltage}, ...). */
    public static List<String> protectionNames() {
        List<String> names = new ArrayList<>();
        for (String[] p : PROTECTION_NAMES) {
            names.add(p[0]);
        }
        return List.copyOf(names);
    }

    private static int requireCell(int n) {
        if (n < 1 || n > MAX_CELLS) {
            throw new IllegalArgumentException("cell or sensor number " + n + " is outside 1.." + MAX_CELLS);
        }
        return n;
    }

    private static Map<String, SignalDescriptor> index(List<SignalDescriptor> list) {
        Map<String, SignalDescriptor> map = new LinkedHashMap<>();
        for (SignalDescriptor d : list) {
            if (map.put(d.key(), d) != null) {
                throw new IllegalStateException("duplicate standard key " + d.key());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<SignalDescriptor> build() {
        List<SignalDescriptor> l = new ArrayList<>();
        SignalKind n = SignalKind.NUMBER;
        SignalKind t = SignalKind.TEXT;

        l.add(d("limit.charge_voltage", "V", n, "limits", "Charge voltage limit", "Highest voltage a charger may apply (CVL)."));
        l.add(d("limit.charge_current", "A", n, "limits", "Charge current limit", "Highest current a charger may deliver (CCL)."));
        l.add(d("limit.discharge_current", "A", n, "limits", "Discharge current limit", "Highest current loads may draw (DCL)."));
        l.add(d("limit.discharge_voltage", "V", n, "limits", "Discharge voltage limit", "Lowest voltage the battery may be discharged to."));
        l.add(d("soc", "%", n, "pack", "State of charge", "State of charge of the battery."));
        l.add(d("soc.precise", "%", n, "pack", "State of charge (0.01 %)", "State of charge at 0.01 % resolution."));
        l.add(d("soh", "%", n, "pack", "State of health", "State of health of the battery."));
        l.add(d("pack.voltage", "V", n, "pack", "Pack voltage", "Voltage of the battery pack."));
        l.add(d("pack.current", "A", n, "pack", "Pack current", "Current of the battery pack, with the sign the device sends."));
        l.add(d("pack.temperature", "°C", n, "pack", "Pack temperature", "Temperature of the battery pack (the highest one measured)."));
        l.add(d("cell.voltage.min", "V", n, "cells", "Lowest cell voltage", "Voltage of the lowest cell."));
        l.add(d("cell.voltage.max", "V", n, "cells", "Highest cell voltage", "Voltage of the highest cell."));
        l.add(d("cell.temperature.min", "°C", n, "cells", "Lowest cell temperature", "Temperature of the coldest cell."));
        l.add(d("cell.temperature.max", "°C", n, "cells", "Highest cell temperature", "Temperature of the warmest cell."));
        l.add(d("energy.charged", "kWh", n, "energy", "Energy charged", "Total energy charged into the battery (0x378 at 0.01 kWh as the guide says; some vendors use 0.1 kWh)."));
        l.add(d("energy.discharged", "kWh", n, "energy", "Energy discharged", "Total energy discharged from the battery (0x378 at 0.01 kWh as the guide says; some vendors use 0.1 kWh)."));
        l.add(d("capacity.installed", "Ah", n, "pack", "Installed capacity", "Installed capacity of the battery bank."));
        l.add(d("capacity.remaining", "Ah", n, "pack", "Remaining capacity", "Capacity left in the battery."));
        l.add(d("time_to_go", "min", n, "pack", "Time to go", "Estimated time until the battery is empty at the present current."));
        l.add(d("charge.consumed", "Ah", n, "pack", "Consumed charge", "Charge drawn from the battery since it was last full."));
        l.add(d("bms.manufacturer", "", t, "identity", "Manufacturer", "Manufacturer name the BMS reports."));
        l.add(d("bms.type_id", "", n, "identity", "Type id", "Battery or BMS type identifier (15003 for the MG Master LV)."));
        l.add(d("bms.firmware", "", t, "identity", "Firmware version", "Firmware version of the BMS, e.g. 1.24."));
        l.add(d("bms.hw_config", "", n, "identity", "Hardware configuration", "Hardware configuration word of the BMS."));
        l.add(d("bms.serial", "", t, "identity", "Serial number", "Serial number of the BMS."));
        l.add(d("bms.product_id", "", n, "identity", "Product id", "Product identifier of the BMS."));
        l.add(d("bms.state", "", n, "status", "BMS state", "State code of the BMS (10 = Error)."));
        l.add(d("bms.error", "", n, "status", "Error code", "Active error code of the BMS."));
        l.add(d("bms.flags", "", n, "status", "Flags", "Raw status flag bits of the BMS."));
        for (int i = 1; i <= 4; i++) {
            String which = i == 1 ? "last" : i == 4 ? "oldest" : "earlier";
            l.add(d("error.history." + i, "", n, "status", "Error history " + i, "Error code " + i + " of the error history (" + which + ")."));
        }
        for (int i = 1; i <= 4; i++) {
            l.add(d("error.history." + i + ".time", "s", n, "status", "Error history " + i + " time",
                    "When error " + i + " of the error history happened, seconds since the epoch (UTC)."));
        }
        l.add(d("relay.state", "", n, "status", "Relay state", "State of the BMS relays."));
        l.add(d("config.batteries", "", n, "identity", "Batteries", "Number of batteries the BMS is configured for."));
        l.add(d("config.cells_per_battery", "", n, "identity", "Cells per battery", "Number of cells in each battery."));
        l.add(d("config.parallel", "", n, "identity", "Batteries in parallel", "Number of batteries connected in parallel."));
        l.add(d("config.series", "", n, "identity", "Batteries in series", "Number of batteries connected in series."));
        l.add(d("history.deepest_discharge", "Ah", n, "history", "Deepest discharge", "Deepest discharge ever recorded."));
        l.add(d("history.total_ah_drawn", "Ah", n, "history", "Total Ah drawn", "Cumulative charge drawn from the battery."));
        l.add(d("history.voltage.min", "V", n, "history", "Lowest voltage", "Lowest battery voltage ever recorded."));
        l.add(d("history.voltage.max", "V", n, "history", "Highest voltage", "Highest battery voltage ever recorded."));
        l.add(d("history.auto_syncs", "", n, "history", "Automatic syncs", "Number of automatic state-of-charge synchronisations."));
        l.add(d("history.temperature.max", "°C", n, "history", "Highest temperature", "Highest battery temperature ever recorded."));
        l.add(d("history.temperature.min", "°C", n, "history", "Lowest temperature", "Lowest battery temperature ever recorded."));
        l.add(d("history.cell_voltage.min", "V", n, "history", "Lowest cell voltage ever", "Lowest cell voltage ever recorded."));
        l.add(d("history.cell_voltage.max", "V", n, "history", "Highest cell voltage ever", "Highest cell voltage ever recorded."));
        l.add(d("charger_link.percentage", "%", n, "limits", "Charger link percentage", "Charge power share the BMS grants the charger link."));
        l.add(d("charger_link.current_limit", "A", n, "limits", "Charger link current limit", "Charge current limit sent over the charger link."));
        l.add(d("setting.sync_group", "", n, "settings", "Sync group", "Synchronisation group setting (writable)."));
        l.add(d("setting.startup_on_charger", "", n, "settings", "Start-up on charger", "Whether the BMS starts up when a charger is detected (writable)."));
        l.add(d("setting.strategy", "", n, "settings", "Strategy", "Charge and discharge strategy setting (writable)."));
        l.add(d("setting.combined_bms", "", n, "settings", "Combined BMS", "Combined BMS setting (writable)."));
        l.add(d("setting.restart_request", "", n, "settings", "Restart request", "Restart request setting (writable)."));
        l.add(d("setting.parallel", "", n, "settings", "Parallel setting", "Number of batteries in parallel, as set (writable)."));
        l.add(d("setting.series", "", n, "settings", "Series setting", "Number of batteries in series, as set (writable)."));
        l.add(d("setting.bluetooth", "", n, "settings", "Bluetooth", "Bluetooth on or off (writable)."));
        for (String[] a : ALARM_NAMES) {
            l.add(d("alarm." + a[0], "", SignalKind.ALARM, "alarms", a[1] + " alarm", "Alarm: " + a[2] + "."));
        }
        for (String[] a : ALARM_NAMES) {
            l.add(d("warning." + a[0], "", SignalKind.ALARM, "warnings", a[1] + " warning", "Warning: " + a[2] + "."));
        }
        l.add(d("event.preventive_shutdown", "", SignalKind.BOOLEAN, "events", "Preventive shutdown",
                "True when the BMS announces a preventive shutdown."));
        // cell-level BMS makes (JBD, Daly, ...): docs/SIGNALS.md "Cell-level BMS makes over serial"
        l.add(d("capacity.nominal", "Ah", n, "pack", "Nominal capacity", "Rated capacity of the pack."));
        l.add(d("cycles", "", n, "history", "Cycles", "Charge cycles counted by the BMS."));
        l.add(d("cell.count", "", n, "cells", "Cells in series", "Number of cells in series."));
        l.add(d("bms.model", "", t, "identity", "Model", "Model name the BMS reports."));
        l.add(d("fet.charge", "", SignalKind.BOOLEAN, "status", "Charge MOSFET", "True while the charge MOSFETs are on."));
        l.add(d("fet.discharge", "", SignalKind.BOOLEAN, "status", "Discharge MOSFET", "True while the discharge MOSFETs are on."));
        for (String[] p : PROTECTION_NAMES) {
            l.add(d("protection." + p[0], "", SignalKind.BOOLEAN, "alarms", p[1] + " protection",
                    "True while the BMS has tripped its protection: " + p[2] + "."));
        }
        for (String[] p : PROTECTION_NAMES) {
            if (p[0].equals("short_circuit")) {
                continue; // warning.short_circuit is the 0x35A alarm-state key; no make pre-warns of a short
            }
            l.add(d("warning." + p[0], "", SignalKind.BOOLEAN, "warnings", p[1] + " warning",
                    "True while the BMS warns (pre-alarm level): " + p[2] + "."));
        }
        return List.copyOf(l);
    }

    private static SignalDescriptor d(String key, String unit, SignalKind kind, String group, String label, String description) {
        return new SignalDescriptor(key, unit, kind, group, label, description);
    }
}
