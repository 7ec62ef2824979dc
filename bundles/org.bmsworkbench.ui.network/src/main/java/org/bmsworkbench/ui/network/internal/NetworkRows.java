package org.bmsworkbench.ui.network.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bmsworkbench.bms.DeviceChoice;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;

/**
 * How the rows of the Network view read: the devices of a {@link org.bmsworkbench.bms.network.DeviceTable},
 * its batteries and the session's {@link DeviceChoice}, as table cells. Plain Java, no SWT.
 */
final class NetworkRows {

    static final int DEVICE_MARK = 0, DEVICE_ADDRESS = 1, DEVICE_MANUFACTURER = 2, DEVICE_MODEL = 3, DEVICE_SERIAL = 4,
            DEVICE_SOFTWARE = 5, DEVICE_ROLE = 6, DEVICE_PGNS = 7, DEVICE_SEEN = 8;
    static final String[] DEVICE_TITLES = {"", "Address", "Manufacturer", "Model", "Serial", "Software",
        "Role", "PGNs / CAN ids", "Last seen"};

    static final int BATTERY_MARK = 0, BATTERY_SOURCE = 1, BATTERY_DEVICE = 2, BATTERY_INSTANCE = 3,
            BATTERY_VOLTAGE = 4, BATTERY_CURRENT = 5, BATTERY_TEMPERATURE = 6, BATTERY_SOC = 7, BATTERY_SEEN = 8;
    static final String[] BATTERY_TITLES = {"", "Source", "Device", "Instance", "Voltage", "Current", "Temperature",
        "SOC", "Last seen"};

    static final String FOLLOWED = "followed";
    static final String SELF = "this workbench";
    static final String BMS = "BMS";
    static final String MG_PACK = "MG Master LV pack";
    static final String NONE = "—";
    /** PGNs shown before the rest are counted ("+3"). */
    static final int PGNS_SHOWN = 3;

    /**
     * Battery and DC PGNs first, in the order a reader looks for them: 127508 Battery Status, 127506
     * DC Detailed Status, 127513 Battery Configuration, 127507 Charger Status, 127509 Inverter
     * Status (canboat's pgn.h); then 60928 ISO Address Claim, which says the device takes part in
     * the network; then the others, ascending.
     */
    private static final List<Integer> FIRST_PGNS = List.of(127508, 127506, 127513, 127507, 127509, 60928);

    /** How a row is drawn. */
    enum Style { PLAIN, FOLLOWED, SELF }

    /** One table row: what identifies it across refreshes, its cells, its style. */
    record Row(String key, List<String> cells, Style style) {
        Row {
            cells = List.copyOf(cells);
        }

        String cell(int column) {
            return cells.get(column);
        }
    }

    private NetworkRows() {
    }

    // ---- devices ----

    static List<Row> devices(List<BusDevice> devices, DeviceChoice choice, long nowMicros) {
        List<Row> rows = new ArrayList<>(devices.size());
        for (BusDevice d : devices) {
            boolean followed = followed(d, choice);
            String[] c = new String[DEVICE_TITLES.length];
            c[DEVICE_MARK] = d.self() ? SELF : followed ? followedMark(choice, d.bms()) : d.bms() ? BMS : "";
            c[DEVICE_ADDRESS] = address(d.address());
            c[DEVICE_MANUFACTURER] = manufacturer(d.manufacturer(), d.manufacturerCode());
            c[DEVICE_MODEL] = text(d.model());
            c[DEVICE_SERIAL] = text(d.serial());
            c[DEVICE_SOFTWARE] = text(d.software());
            c[DEVICE_ROLE] = role(d);
            c[DEVICE_PGNS] = d.address() == null && d.pgns().isEmpty() ? canIds(d.canIds()) : pgns(d.pgns());
            c[DEVICE_SEEN] = age(d.lastSeenMicros(), nowMicros);
            rows.add(new Row(deviceKey(d), List.of(c), d.self() ? Style.SELF : followed ? Style.FOLLOWED : Style.PLAIN));
        }
        return rows;
    }

    /** Followed: the choice names an address and it is this device's. */
    static boolean followed(BusDevice d, DeviceChoice choice) {
        return !d.self() && choice.address() != null && d.address() != null
                && d.address().intValue() == choice.address().intValue();
    }

    private static String followedMark(DeviceChoice choice, boolean bms) {
        return (bms ? FOLLOWED + " " + BMS : FOLLOWED) + (choice.byUser() ? " (your choice)" : "");
    }

    /** A device's row key: its address on a 29-bit bus, its role and first id on an 11-bit bus. */
    static String deviceKey(BusDevice d) {
        if (d.address() != null) {
            return "address:" + d.address();
        }
        return "role:" + d.role() + ":" + (d.canIds().isEmpty() ? "" : d.canIds().get(0));
    }

    /** {@code 80 (0x50)}; {@code —} on an 11-bit bus. */
    static String address(Integer address) {
        return address == null ? NONE : address + String.format(Locale.ROOT, " (0x%02X)", address);
    }

    /** {@code MG Energy Systems (1160)}, {@code code 999} when the table does not know it. */
    static String manufacturer(String name, Integer code) {
        if (code == null) {
            return name == null ? NONE : name;
        }
        return name == null ? "code " + code : name + " (" + code + ")";
    }

    /**
     * What the device is: its role ({@code battery}, {@code display}), else its NAME's device class and
     * function ({@code class 35/170}); the detail line gives both.
     */
    static String role(BusDevice d) {
        if (d.role() != null) {
            return d.role();
        }
        return d.deviceClass() == null ? NONE
                : "class " + d.deviceClass() + "/" + (d.deviceFunction() == null ? "?" : d.deviceFunction());
    }

    /** {@code 127508, 127506, 60928 +3}: the battery PGNs and the address claim first (see {@link #FIRST_PGNS}). */
    static String pgns(List<Integer> pgns) {
        if (pgns.isEmpty()) {
            return NONE;
        }
        List<Integer> ordered = new ArrayList<>(pgns);
        ordered.sort(Comparator.comparingInt((Integer p) -> {
            int i = FIRST_PGNS.indexOf(p);
            return i < 0 ? FIRST_PGNS.size() : i;
        }).thenComparingInt(p -> p));
        return compact(ordered.stream().map(String::valueOf).toList());
    }

    /** {@code 0x351, 0x355, 0x356 +4}: the 11-bit ids a device sent, ascending. */
    static String canIds(List<Integer> ids) {
        if (ids.isEmpty()) {
            return NONE;
        }
        return compact(ids.stream().sorted().map(id -> String.format(Locale.ROOT, "0x%03X", id)).toList());
    }

    private static String compact(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(PGNS_SHOWN, items.size())));
        return items.size() > PGNS_SHOWN ? shown + " +" + (items.size() - PGNS_SHOWN) : shown;
    }

    /** One line about the selected device: its NAME, class and function, every PGN or id it sent. */
    static String detail(BusDevice d) {
        List<String> parts = new ArrayList<>();
        parts.add(d.address() == null ? (d.role() == null ? "device" : d.role()) : "Address " + address(d.address()));
        if (d.name() != null) {
            parts.add("NAME " + d.nameHex());
        }
        if (d.deviceClass() != null) {
            parts.add("device class " + d.deviceClass() + ", function " + (d.deviceFunction() == null ? "?" : d.deviceFunction()));
        }
        if (!d.pgns().isEmpty()) {
            parts.add("PGNs " + d.pgns().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (!d.canIds().isEmpty()) {
            parts.add("CAN ids " + d.canIds().stream().map(id -> String.format(Locale.ROOT, "0x%03X", id))
                    .collect(Collectors.joining(", ")));
        }
        return String.join(" · ", parts);
    }

    // ---- batteries ----

    static List<Row> batteries(List<BatteryReading> batteries, List<BusDevice> devices, DeviceChoice choice,
            long nowMicros) {
        Map<Integer, BusDevice> byAddress = new HashMap<>();
        for (BusDevice d : devices) {
            if (d.address() != null && !d.self()) {
                byAddress.put(d.address(), d);
            }
        }
        List<Row> rows = new ArrayList<>(batteries.size());
        for (BatteryReading b : batteries) {
            boolean followed = followed(b, choice);
            List<String> marks = new ArrayList<>(2);
            if (followed) {
                marks.add(FOLLOWED + (choice.byUser() ? " (your choice)" : ""));
            }
            if (b.mgMasterLv()) {
                marks.add(MG_PACK);
            }
            String[] c = new String[BATTERY_TITLES.length];
            c[BATTERY_MARK] = String.join(", ", marks);
            c[BATTERY_SOURCE] = address(b.source());
            c[BATTERY_DEVICE] = batteryDevice(byAddress.get(b.source()), b.mgMasterLv());
            c[BATTERY_INSTANCE] = Integer.toString(b.instance());
            c[BATTERY_VOLTAGE] = value(b.voltage(), "%.2f V");
            c[BATTERY_CURRENT] = value(b.current(), "%.1f A");
            c[BATTERY_TEMPERATURE] = value(b.temperature(), "%.1f °C");
            c[BATTERY_SOC] = value(b.soc(), "%.0f %%");
            c[BATTERY_SEEN] = age(b.lastSeenMicros(), nowMicros);
            rows.add(new Row(batteryKey(b), List.of(c), followed ? Style.FOLLOWED : Style.PLAIN));
        }
        return rows;
    }

    /** Followed: the choice names an address and takes this (source, instance) (all of an MG Master LV's). */
    static boolean followed(BatteryReading b, DeviceChoice choice) {
        return choice.address() != null && choice.follows(b.source(), b.instance());
    }

    static String batteryKey(BatteryReading b) {
        return b.source() + ":" + b.instance();
    }

    /** The maker and model of the battery's source, from the devices table: {@code Victron Energy · BMV-712}. */
    private static String batteryDevice(BusDevice d, boolean mg) {
        List<String> parts = new ArrayList<>(2);
        if (d != null && d.manufacturer() != null) {
            parts.add(d.manufacturer());
        } else if (d != null && d.manufacturerCode() != null) {
            parts.add("code " + d.manufacturerCode());
        }
        if (d != null && d.model() != null) {
            parts.add(d.model());
        }
        if (parts.isEmpty()) {
            return mg ? "MG Master LV" : NONE;
        }
        return String.join(" · ", parts);
    }

    static String value(Double v, String format) {
        return v == null || v.isNaN() ? NONE : String.format(Locale.ROOT, format, v);
    }

    // ---- common ----

    /** {@code 3 s ago}, {@code 4 min ago}, {@code 2 h ago}; {@code —} when never. */
    static String age(long lastSeenMicros, long nowMicros) {
        if (lastSeenMicros <= 0) {
            return NONE;
        }
        long s = Math.max(0, (nowMicros - lastSeenMicros) / 1_000_000);
        if (s < 120) {
            return s + " s ago";
        }
        if (s < 7200) {
            return s / 60 + " min ago";
        }
        return s / 3600 + " h ago";
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? NONE : s.strip();
    }

    /** An 11-bit bus: devices told apart by their ids and roles, none with an address (the workbench aside). */
    static boolean elevenBit(List<BusDevice> devices) {
        List<BusDevice> others = devices.stream().filter(d -> !d.self()).toList();
        return !others.isEmpty() && others.stream().allMatch(d -> d.address() == null);
    }

    /** The newest time anything in the table was seen, or 0. */
    static long newest(List<BusDevice> devices, List<BatteryReading> batteries) {
        long newest = 0;
        for (BusDevice d : devices) {
            if (!d.self()) {
                newest = Math.max(newest, d.lastSeenMicros());
            }
        }
        for (BatteryReading b : batteries) {
            newest = Math.max(newest, b.lastSeenMicros());
        }
        return newest;
    }

    // ---- the followed BMS ----

    /** The line over the tables: what the session follows and why, or that the user must choose. */
    static String choiceLine(DeviceChoice choice, List<BusDevice> devices) {
        if (choice.ambiguous()) {
            // the command line's hint is Follow here
            String reason = choice.reason().replaceFirst(":? *choose one with --device ADDR\\.?$", "");
            return "Choose one: " + reason + ". Select the BMS below and press Follow (or double-click it).";
        }
        if (!choice.reason().isEmpty()) {
            return "Following " + choice.reason() + ".";
        }
        if (elevenBit(devices)) {
            return "Following the BMS of this 11-bit bus: its devices have no addresses, every battery message is the BMS's.";
        }
        return "No battery sender seen yet: the session takes every battery message.";
    }
}
