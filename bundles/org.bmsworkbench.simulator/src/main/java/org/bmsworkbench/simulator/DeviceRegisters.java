package org.bmsworkbench.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The simulated BMS's VREG registers (guide 1.5.4.2), keyed by id, as the raw little-endian
 * values the guide defines: scaled integers, packed bytes and words, not-available markers.
 * The flags say which the Master LV broadcasts every 5 s and which within 1 s of a change.
 * Strings (serial number 0x010A, model name 0x010B, both "not implemented yet" in the guide)
 * and the device instance 0x0105 are not served.
 */
public final class DeviceRegisters {

    /**
     * One register.
     *
     * @param id       the VREG id
     * @param bytes    1, 2 or 4 data bytes
     * @param periodic broadcast every 5 s
     * @param onChange broadcast within 1 s of a change
     * @param raw      the raw value from the device
     */
    public record Register(int id, int bytes, boolean periodic, boolean onChange, ToLongFunction<MasterLvDevice> raw) {
    }

    private static final List<Register> ALL = build();
    private static final Map<Integer, Register> BY_ID = index();

    private DeviceRegisters() {
    }

    public static List<Register> all() {
        return ALL;
    }

    public static Optional<Register> find(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** Every register's raw value now, in table order. */
    public static Map<Integer, Long> read(MasterLvDevice d) {
        Map<Integer, Long> values = new LinkedHashMap<>();
        for (Register r : ALL) {
            values.put(r.id(), r.raw().applyAsLong(d));
        }
        return values;
    }

    private static Map<Integer, Register> index() {
        Map<Integer, Register> map = new LinkedHashMap<>();
        for (Register r : ALL) {
            map.put(r.id(), r);
        }
        return Collections.unmodifiableMap(map);
    }

    private static long scaled(double value, double resolution, int bytes) {
        long raw = Math.round(value / resolution);
        long mask = bytes == 4 ? 0xFFFF_FFFFL : (1L << (8 * bytes)) - 1;
        return raw & mask;
    }

    private static long kelvin(double celsius) {
        return Math.round((celsius + 273.15) * 100) & 0xFFFF;
    }

    private static long words(long low, long high) {
        return (low & 0xFFFF) | (high & 0xFFFF) << 16;
    }

    private static List<Register> build() {
        List<Register> l = new ArrayList<>();
        // Device
        l.add(new Register(0x0100, 2, false, false, d -> DeviceSignals.PRODUCT_ID));
        l.add(new Register(0x0102, 4, false, false, d -> 0x0124_0000L)); // identifier 0, v01.24.00
        // BMS status values
        l.add(new Register(0xED8D, 2, true, false, d -> scaled(d.pack().packVoltage(), 0.01, 2)));
        l.add(new Register(0xED8F, 2, true, false, d -> scaled(d.pack().current(), 0.1, 2)));
        l.add(new Register(0x0385, 4, true, false, d -> words(scaled(d.pack().cellVoltageMin(), 0.01, 2),
                scaled(d.pack().cellVoltageMax(), 0.01, 2))));
        l.add(new Register(0x0386, 4, true, false, d -> words(kelvin(d.pack().temperatureMin()),
                kelvin(d.pack().temperatureMax()))));
        l.add(new Register(0x0FFF, 2, true, true, d -> scaled(Math.min(100, d.pack().socPercent()), 0.01, 2)));
        l.add(new Register(0x0FFE, 2, false, false, d -> {
            Integer ttg = d.pack().timeToGoMinutes();
            return ttg == null ? 0xFFFF : ttg;
        }));
        l.add(new Register(0xEEFF, 4, false, false, d -> scaled(d.pack().consumedAh(), 0.1, 4)));
        l.add(new Register(0x2110, 4, false, true, d -> d.errors().code(1) | d.errors().code(2) << 8
                | d.errors().code(3) << 16 | (long) d.errors().code(4) << 24));
        for (int n = 1; n <= ErrorLog.SIZE; n++) {
            int which = n;
            l.add(new Register(0x2110 + n, 4, false, true, d -> d.errors().time(which) & 0xFFFF_FFFFL));
        }
        l.add(new Register(0x2100, 4, false, true, DeviceSignals::flags));
        l.add(new Register(0x0371, 1, false, true, MasterLvDevice::state));
        l.add(new Register(0x2101, 1, false, true, MasterLvDevice::error));
        l.add(new Register(0x034E, 1, false, true, d -> d.relayClosed() ? 1 : 0));
        // System configuration
        l.add(new Register(0x1000, 2, false, true, d -> d.options().capacityAh()));
        l.add(new Register(0x0380, 4, false, true, d -> d.options().batteries()
                | SimulatorOptions.CELLS_PER_BATTERY << 8 | d.options().parallel() << 16
                | (long) d.options().series() << 24));
        // History values
        l.add(new Register(0x0300, 4, false, false, d -> scaled(d.pack().history().deepestDischargeAh(), 0.1, 4)));
        l.add(new Register(0x0305, 4, false, false, d -> scaled(d.pack().history().totalAhDrawn(), 0.1, 4)));
        l.add(new Register(0x0306, 4, false, false, d -> scaled(d.pack().history().voltageMin(), 0.01, 4)));
        l.add(new Register(0x0307, 4, false, false, d -> scaled(d.pack().history().voltageMax(), 0.01, 4)));
        l.add(new Register(0x0309, 4, false, false, d -> d.pack().history().autoSyncs()));
        l.add(new Register(0x0310, 4, false, false, d -> scaled(d.pack().history().energyDischargedKwh(), 0.01, 4)));
        l.add(new Register(0x0311, 4, false, false, d -> scaled(d.pack().history().energyChargedKwh(), 0.01, 4)));
        l.add(new Register(0x0312, 2, false, false, d -> kelvin(d.pack().history().temperatureMax())));
        l.add(new Register(0x0313, 2, false, false, d -> kelvin(d.pack().history().temperatureMin())));
        l.add(new Register(0x0384, 4, false, false, d -> words(scaled(d.pack().history().cellVoltageMin(), 0.01, 2),
                scaled(d.pack().history().cellVoltageMax(), 0.01, 2))));
        // BMS limits
        l.add(new Register(0x0390, 4, true, true, d -> scaled(ChargeLimits.chargeVoltage(d.pack()), 0.01, 4)));
        l.add(new Register(0x0391, 4, true, true, d -> scaled(d.chargeCurrentLimit(), 0.1, 4)));
        l.add(new Register(0x0392, 4, true, true, d -> scaled(ChargeLimits.dischargeVoltage(d.pack()), 0.01, 4)));
        l.add(new Register(0x0393, 4, true, true, d -> scaled(d.dischargeCurrentLimit(), 0.1, 4)));
        l.add(new Register(0x2014, 1, true, true, DeviceSignals::chargerLinkPercentage));
        l.add(new Register(0x2015, 2, true, true, d -> scaled(d.chargeCurrentLimit(), 0.1, 2)));
        // Settings (read 0xFF in error state)
        for (Setting s : Setting.values()) {
            l.add(new Register(s.register(), 1, false, true, d -> d.setting(s)));
        }
        return Collections.unmodifiableList(l);
    }
}
