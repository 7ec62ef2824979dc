package org.bmsworkbench.protocol.vreg.codec;

import static org.bmsworkbench.bms.registers.FieldType.SN16;
import static org.bmsworkbench.bms.registers.FieldType.SN32;
import static org.bmsworkbench.bms.registers.FieldType.STRING;
import static org.bmsworkbench.bms.registers.FieldType.UN16;
import static org.bmsworkbench.bms.registers.FieldType.UN32;
import static org.bmsworkbench.bms.registers.FieldType.UN8;
import static org.bmsworkbench.bms.registers.FieldType.VERSION;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bmsworkbench.bms.registers.FieldType;
import org.bmsworkbench.bms.registers.RegisterCatalogue;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;

/**
 * The VREG table of guide 1.5.4.2, as data: every register of the MG Master LV with its
 * fields, model keys, scale, unit, not-available marker (only where the guide names one),
 * broadcast flags, write range (the Settings block) and the value labels the guide gives.
 * Immutable; {@link #INSTANCE} is shared.
 */
public final class VregCatalogue implements RegisterCatalogue {
    /** Protocol-own keys (docs/SIGNALS.md has no standard key for these). */
    public static final String MODEL_NAME = "vreg.model_name";
    public static final String DEVICE_INSTANCE = "vreg.device_instance";

    private static final boolean YES = true;
    private static final boolean NO = false;

    private final List<RegisterInfo> registers;
    private final Map<Integer, RegisterInfo> byId;
    private final Map<String, RegisterInfo> byKey;

    private VregCatalogue() {
        this.registers = List.copyOf(build());
        Map<Integer, RegisterInfo> ids = new LinkedHashMap<>();
        Map<String, RegisterInfo> keys = new LinkedHashMap<>();
        for (RegisterInfo r : registers) {
            if (ids.put(r.id(), r) != null) {
                throw new IllegalStateException("register " + r.idHex() + " twice");
            }
            for (RegisterField f : r.fields()) {
                if (keys.put(f.key(), r) != null) {
                    throw new IllegalStateException("key " + f.key() + " in two registers");
                }
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.byKey = Collections.unmodifiableMap(keys);
    }

    @Override
    public List<RegisterInfo> registers() {
        return registers;
    }

    @Override
    public Optional<RegisterInfo> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<RegisterInfo> findByKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    // ---- the table of guide 1.5.4.2 -------------------------------------------------------

    private static List<RegisterInfo> build() {
        List<RegisterInfo> l = new ArrayList<>();
        // Device
        l.add(reg(0x0100, "Product ID", "device", NO, NO, labels(0xA390, "MG Master LV general", 0xA391,
                "MG Master LV 150", 0xA392, "MG Master LV 400", 0xA393, "MG Master LV 600", 0xA394, "MG Master LV 1000"),
                "un16 = product id", f("bms.product_id", UN16, 0, 0, "", null)));
        l.add(reg(0x0102, "Firmware version", "device", NO, NO, Map.of(),
                "un8 = identifier : un24 = version, 0x123456 = v12.34.56; 0xFFFF = no firmware present",
                f("bms.firmware", VERSION, 0, 0, "", null)));
        l.add(reg(0x0105, "Device instance", "device", NO, NO, Map.of(), "un8 = instance (not implemented yet)",
                f(DEVICE_INSTANCE, UN8, 0, 0, "", null)));
        l.add(reg(0x010A, "Serial number", "device", NO, NO, Map.of(),
                "stringZeroEnded[32] (not implemented yet); one frame carries 4 characters",
                f("bms.serial", STRING, 0, 0, "", null)));
        l.add(reg(0x010B, "Model name", "device", NO, NO, Map.of(),
                "stringZeroEnded[64] (not implemented yet); one frame carries 4 characters",
                f(MODEL_NAME, STRING, 0, 0, "", null)));
        // BMS status values
        l.add(reg(0xED8D, "Voltage", "status", YES, NO, Map.of(), "sn16 = DC channel 1 voltage [0.01 V], 0x7FFF = not available",
                f("pack.voltage", SN16, 0, 2, "V", 0x7FFFL)));
        l.add(reg(0xED8F, "Current", "status", YES, NO, Map.of(), "sn16 = DC channel 1 current [0.1 A], 0x7FFF = not available",
                f("pack.current", SN16, 0, 1, "A", 0x7FFFL)));
        l.add(reg(0x0385, "Cell voltage min/max", "status", YES, NO, Map.of(),
                "un16 = minimum voltage [0.01 V] : un16 = maximum voltage [0.01 V]",
                f("cell.voltage.min", UN16, 0, 2, "V", null), f("cell.voltage.max", UN16, 2, 2, "V", null)));
        l.add(reg(0x0386, "Cell temperature min/max", "status", YES, NO, Map.of(),
                "un16 = minimum temperature [0.01 K] : un16 = maximum temperature [0.01 K]",
                k("cell.temperature.min", 0), k("cell.temperature.max", 2)));
        l.add(reg(0x0FFF, "State-of-Charge", "status", YES, YES, Map.of(), "un16 = SOC [0.01 %]",
                f("soc", UN16, 0, 2, "%", null)));
        l.add(reg(0x0FFE, "Time-to-go", "status", NO, NO, Map.of(), "un16 = time to go [1 minute], 0xFFFF = not available",
                f("time_to_go", UN16, 0, 0, "min", 0xFFFFL)));
        l.add(reg(0xEEFF, "Consumed Ah", "status", NO, NO, Map.of(), "sn32 = consumed Ah [0.1 Ah]",
                f("charge.consumed", SN32, 0, 1, "Ah", null)));
        l.add(reg(0x2110, "Last error 1-4", "status", NO, YES, BMS_ERRORS,
                "un8 = error 1 (last) : un8 = error 2 : un8 = error 3 : un8 = error 4 (oldest)",
                f("error.history.1", UN8, 0, 0, "", null), f("error.history.2", UN8, 1, 0, "", null),
                f("error.history.3", UN8, 2, 0, "", null), f("error.history.4", UN8, 3, 0, "", null)));
        for (int i = 1; i <= 4; i++) {
            l.add(reg(0x2110 + i, "Last error " + i + " time", "status", NO, YES, Map.of(),
                    "un32 = UTC time of last error " + i, f("error.history." + i + ".time", UN32, 0, 0, "s", null)));
        }
        l.add(new RegisterInfo(0x2100, "Status flags", "status", List.of(f("bms.flags", UN32, 0, 0, "", null)), NO, YES,
                NO, null, null, Map.of(), FLAG_BITS, "un32 = BMS page BMV flags (bit flags)"));
        l.add(reg(0x0371, "BMS state", "status", NO, YES, BMS_STATES, "un8 = BMS state",
                f("bms.state", UN8, 0, 0, "", null)));
        l.add(reg(0x2101, "BMS error", "status", NO, YES, BMS_ERRORS, "un8 = BMS error",
                f("bms.error", UN8, 0, 0, "", null)));
        l.add(reg(0x034E, "Programmable relay state", "status", NO, YES, labels(0, "Open", 1, "Closed"),
                "un8 = programmable relay state, 0 = open, 1 = closed", f("relay.state", UN8, 0, 0, "", null)));
        // System configuration
        l.add(reg(0x1000, "Battery installed capacity", "configuration", NO, YES, Map.of(), "un16 = battery capacity [Ah]",
                f("capacity.installed", UN16, 0, 0, "Ah", null)));
        l.add(reg(0x0380, "Battery installed configuration", "configuration", NO, YES, Map.of(),
                "un8 = batteries : un8 = cells per battery : un8 = in parallel : un8 = in series",
                f("config.batteries", UN8, 0, 0, "", null), f("config.cells_per_battery", UN8, 1, 0, "", null),
                f("config.parallel", UN8, 2, 0, "", null), f("config.series", UN8, 3, 0, "", null)));
        // History values
        l.add(reg(0x0300, "Deepest discharge", "history", NO, NO, Map.of(), "sn32 = deepest discharge [0.1 Ah]",
                f("history.deepest_discharge", SN32, 0, 1, "Ah", null)));
        l.add(reg(0x0305, "Total Ah drawn", "history", NO, NO, Map.of(), "sn32 = cumulative Ah drawn [0.1 Ah]",
                f("history.total_ah_drawn", SN32, 0, 1, "Ah", null)));
        l.add(reg(0x0306, "Minimum voltage", "history", NO, NO, Map.of(), "sn32 = minimum battery voltage [0.01 V]",
                f("history.voltage.min", SN32, 0, 2, "V", null)));
        l.add(reg(0x0307, "Maximum voltage", "history", NO, NO, Map.of(), "sn32 = maximum battery voltage [0.01 V]",
                f("history.voltage.max", SN32, 0, 2, "V", null)));
        l.add(reg(0x0309, "Automatic syncs", "history", NO, NO, Map.of(), "sn32 = number of automatic synchronizations",
                f("history.auto_syncs", SN32, 0, 0, "", null)));
        l.add(reg(0x0310, "Discharged energy", "history", NO, NO, Map.of(), "un32 = energy drawn [0.01 kWh]",
                f("energy.discharged", UN32, 0, 2, "kWh", null)));
        l.add(reg(0x0311, "Charged energy", "history", NO, NO, Map.of(), "un32 = energy put in [0.01 kWh]",
                f("energy.charged", UN32, 0, 2, "kWh", null)));
        l.add(reg(0x0312, "Maximum temperature", "history", NO, NO, Map.of(), "un16 = maximum temperature [0.01 K]",
                k("history.temperature.max", 0)));
        l.add(reg(0x0313, "Minimum temperature", "history", NO, NO, Map.of(), "un16 = minimum temperature [0.01 K]",
                k("history.temperature.min", 0)));
        l.add(reg(0x0384, "Min/Max cell voltage", "history", NO, NO, Map.of(),
                "un16 = minimum voltage [0.01 V] : un16 = maximum voltage [0.01 V]",
                f("history.cell_voltage.min", UN16, 0, 2, "V", null), f("history.cell_voltage.max", UN16, 2, 2, "V", null)));
        // BMS limits
        l.add(reg(0x0390, "Battery charge voltage", "limits", YES, YES, Map.of(), "un32 = charge voltage [0.01 V], 0xFFFFFFFF = not available",
                f("limit.charge_voltage", UN32, 0, 2, "V", 0xFFFF_FFFFL)));
        l.add(reg(0x0391, "DC charge current limitation", "limits", YES, YES, Map.of(), "un32 = charge current [0.1 A], 0xFFFFFFFF = not available",
                f("limit.charge_current", UN32, 0, 1, "A", 0xFFFF_FFFFL)));
        l.add(reg(0x0392, "DC discharge voltage", "limits", YES, YES, Map.of(), "un32 = discharge voltage [0.01 V], 0xFFFFFFFF = not available",
                f("limit.discharge_voltage", UN32, 0, 2, "V", 0xFFFF_FFFFL)));
        l.add(reg(0x0393, "Battery discharge current limitation", "limits", YES, YES, Map.of(),
                "un32 = discharge current [0.1 A], 0xFFFFFFFF = not available",
                f("limit.discharge_current", UN32, 0, 1, "A", 0xFFFF_FFFFL)));
        l.add(reg(0x2014, "Charger link percentage", "limits", YES, YES, Map.of(), "un8 = percentage [1 %], 0xFF = not available, valid range 0 till 100",
                f("charger_link.percentage", UN8, 0, 0, "%", 0xFFL)));
        l.add(reg(0x2015, "Charger link current limit", "limits", YES, YES, Map.of(), "un16 = link charge current limit [0.1 A], 0xFFFF = not available",
                f("charger_link.current_limit", UN16, 0, 1, "A", 0xFFFFL)));
        // Settings: read and write; "Read 0xFF = Not available (System is in error state)"
        l.add(setting(0x0374, "Synchronize group number", "setting.sync_group", 3,
                labels(0, "Disabled", 1, "Group 1", 2, "Group 2", 3, "Group 3"), "0 = disabled, 1-3 = group"));
        l.add(setting(0x0375, "Start up when charger detected", "setting.startup_on_charger", 1, ENABLED, "0 = disabled, 1 = enabled"));
        l.add(setting(0x0376, "Battery strategy", "setting.strategy", 1, labels(0, "Default", 1, "Performance"),
                "0 = default, 1 = performance"));
        l.add(setting(0x0377, "Combined BMS", "setting.combined_bms", 1, ENABLED, "0 = disabled, 1 = enabled"));
        l.add(setting(0x0379, "Re-start request", "setting.restart_request", 1, ENABLED,
                "0 = disabled, 1 = enabled: the BMS shuts down and starts up again"));
        l.add(setting(0x0387, "Number of batteries in parallel", "setting.parallel", 96, labels(0, "Automatically detected"),
                "0 = automatically detected, 1-96 = batteries in parallel"));
        l.add(setting(0x0388, "Number of batteries in series", "setting.series", 96, labels(0, "Automatically detected"),
                "0 = automatically detected, 1-96 = batteries in series"));
        l.add(setting(0x0090, "Bluetooth enabled", "setting.bluetooth", 1, ENABLED, "0 = disabled, 1 = enabled"));
        return l;
    }

    private static final Map<Long, String> ENABLED = labels(0, "Disabled", 1, "Enabled");

    private static final Map<Long, String> BMS_STATES = buildStates();
    private static final Map<Long, String> BMS_ERRORS = labels(0, "No error, system OK", 2, "No batteries found",
            4, "Batteries connected are not the same type", 5, "Number of batteries connected incorrect",
            7, "Measure error", 12, "Watchdog error", 13, "Over voltage detected", 14, "Under voltage detected",
            15, "Over temperature detected", 16, "Under temperature detected", 18, "Battery protection automatic shutdown",
            23, "BMS slave failure", 25, "Pre-charge failure", 26, "Contactor failure", 27, "Reserved",
            28, "Slave update failure", 29, "Slave update unavailable");
    private static final Map<Integer, String> FLAG_BITS = buildFlagBits();

    /** The one catalogue (declared after the label tables it is built from). */
    public static final VregCatalogue INSTANCE = new VregCatalogue();

    private static Map<Long, String> buildStates() {
        Map<Long, String> m = new LinkedHashMap<>();
        for (long s = 0; s <= 8; s++) {
            m.put(s, "Initializing");
        }
        m.putAll(labels(9, "Running", 10, "Error", 12, "Shutting down", 13, "Updating battery firmware", 14, "Standby",
                15, "Going to running state", 16, "Pre-charging"));
        return m;
    }

    private static Map<Integer, String> buildFlagBits() {
        String[] names = {"Charged", "Almost charged", "Discharged", "Almost discharged", "Charging", "Discharging",
            "Balancing in progress", "Main safety contactor closed", "Main safety contactor closed", null,
            "Warning over voltage", null, "Warning under voltage", "Warning high charge current",
            "Warning high discharge current", null, "Warning over temperature", "Warning under temperature charge", null,
            "Warning under temperature discharge", null, "Low SOC (< 20%)", null, null, null, "Allowed to charge",
            "Allowed to discharge"};
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int bit = 0; bit < names.length; bit++) {
            if (names[bit] != null) {
                m.put(bit, names[bit]);
            }
        }
        return m;
    }

    private static Map<Long, String> labels(Object... pairs) {
        Map<Long, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(((Number) pairs[i]).longValue(), (String) pairs[i + 1]);
        }
        return m;
    }

    private static RegisterField f(String key, FieldType type, int offset, int decimals, String unit, Long marker) {
        return new RegisterField(key, type, offset, decimals, false, unit, marker);
    }

    /** un16 at 0.01 K, to °C. */
    private static RegisterField k(String key, int offset) {
        return new RegisterField(key, UN16, offset, 2, true, "°C", null);
    }

    private static RegisterInfo reg(int id, String name, String group, boolean periodic, boolean onChange,
            Map<Long, String> labels, String comment, RegisterField... fields) {
        return new RegisterInfo(id, name, group, List.of(fields), periodic, onChange, false, null, null, labels, Map.of(),
                comment);
    }

    private static RegisterInfo setting(int id, String name, String key, long max, Map<Long, String> labels,
            String comment) {
        return new RegisterInfo(id, name, "settings", List.of(f(key, UN8, 0, 0, "", 0xFFL)), false, true, true, 0L, max,
                labels, Map.of(), "un8, " + comment + "; read 0xFF = not available (system in error state)");
    }
}
