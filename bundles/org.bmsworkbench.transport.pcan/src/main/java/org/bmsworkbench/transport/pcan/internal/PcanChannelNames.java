package org.bmsworkbench.transport.pcan.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PCAN-Basic channel handles by their names in {@code PCANBasic.h}: {@code PCAN_USBBUS1} (0x51)
 * … {@code PCAN_USBBUS16} (0x510), {@code PCAN_PCIBUS1…16}, {@code PCAN_LANBUS1…16}, {@code
 * PCAN_PCCBUS1…2}, {@code PCAN_ISABUS1…8}, {@code PCAN_DNGBUS1}.
 */
final class PcanChannelNames {
    private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();
    private static final Map<Integer, String> BY_HANDLE = new LinkedHashMap<>();

    static {
        for (int i = 1; i <= 16; i++) {
            add("PCAN_USBBUS" + i, i <= 8 ? 0x50 + i : 0x500 + i);
            add("PCAN_PCIBUS" + i, i <= 8 ? 0x40 + i : 0x400 + i);
            add("PCAN_LANBUS" + i, 0x800 + i);
        }
        for (int i = 1; i <= 8; i++) {
            add("PCAN_ISABUS" + i, 0x20 + i);
        }
        add("PCAN_DNGBUS1", 0x31);
        add("PCAN_PCCBUS1", 0x61);
        add("PCAN_PCCBUS2", 0x62);
    }

    private static void add(String name, int handle) {
        BY_NAME.put(name, handle);
        BY_HANDLE.put(handle, name);
    }

    private PcanChannelNames() {
    }

    /** The handle of {@code PCAN_USBBUS1}, {@code usbbus1}, {@code USB1} or {@code 0x51}; empty when none. */
    static Optional<Integer> handle(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.startsWith("0X") && t.length() > 2 && t.length() <= 6) {
            try {
                int h = Integer.parseInt(t.substring(2), 16);
                return BY_HANDLE.containsKey(h) ? Optional.of(h) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (!t.startsWith("PCAN_")) {
            t = "PCAN_" + t;
        }
        Integer h = BY_NAME.get(t);
        if (h == null && t.matches("PCAN_(USB|PCI|LAN|ISA|DNG|PCC)\\d+")) {
            h = BY_NAME.get(t.replaceFirst("(\\d+)$", "BUS$1"));
        }
        return Optional.ofNullable(h);
    }

    /** {@code PCAN_USBBUS1} for 0x51, or {@code 0x0ABC} for a handle with no name. */
    static String name(int handle) {
        String n = BY_HANDLE.get(handle);
        return n != null ? n : String.format("0x%04X", handle);
    }
}
