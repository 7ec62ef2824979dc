package org.bmsworkbench.bms.network;

import java.util.List;

/**
 * One device on a bus, as its network-management messages and its traffic describe it. Fields
 * a device has not told are null.
 *
 * @param address          its source address on a 29-bit bus; null on an 11-bit bus, where
 *                         devices have no address and are told apart by {@code role}
 * @param role             what it is on the bus: {@code "bms"}, {@code "battery"},
 *                         {@code "inverter"}, {@code "charger"}, {@code "display"}, {@code "workbench"}, …
 *                         (from its device class and function, or its 11-bit ids); null when unknown
 * @param name             the 64-bit ISO NAME of its address claim (PGN 60928), or null
 * @param manufacturerCode the NAME's manufacturer code (11 bits), or null
 * @param manufacturer     the maker's name for that code, or null when the code is not in the table
 * @param deviceClass      the NAME's device class, or null
 * @param deviceFunction   the NAME's device function, or null
 * @param model            model id from Product Information (PGN 126996), or the BMS's own text
 *                         on an 11-bit bus (0x35E), or null
 * @param software         software version from PGN 126996, or null
 * @param serial           model serial code from PGN 126996 (or 0x380/0x381), or null
 * @param pgns             the PGNs it sent, sorted (empty on an 11-bit bus)
 * @param canIds           the 11-bit ids it sent, sorted (empty on a 29-bit bus)
 * @param lastSeenMicros   the time of its last frame, microseconds since the epoch (the frame's timestamp)
 * @param self             this is the workbench itself (its claimed address)
 * @param bms              this is the BMS a protocol identified (the MG Master LV), or the one
 *                         the user chose
 */
public record BusDevice(Integer address, String role, Long name, Integer manufacturerCode, String manufacturer,
        Integer deviceClass, Integer deviceFunction, String model, String software, String serial, List<Integer> pgns,
        List<Integer> canIds, long lastSeenMicros, boolean self, boolean bms) {

    public BusDevice {
        pgns = List.copyOf(pgns);
        canIds = List.copyOf(canIds);
    }

    /** The NAME as 16 upper-case hex digits with {@code 0x}, or null. */
    public String nameHex() {
        return name == null ? null : String.format("0x%016X", name);
    }
}
