package org.bmsworkbench.bms;

import java.util.List;

/**
 * Which device a live session's model follows on a bus of many, and why.
 *
 * @param address    the followed source address, or null: none chosen (yet), or the bus has no
 *                   addresses (11-bit protocols: every message is the one BMS's)
 * @param instance   for a source that sends several batteries and is not identified as the BMS,
 *                   the instance followed; null to follow all its messages
 * @param byUser     the user chose it ({@code --device}, the window's selector)
 * @param ambiguous  several batteries could be the one and none is identified: the user must choose
 * @param reason     one line for the user: {@code "MG Master LV at 80 (address claim with
 *                   manufacturer code 1160)"}, {@code "3 batteries on the bus (4, 5, 60), none
 *                   identified as the BMS: choose one with --device ADDR"}
 * @param candidates the battery senders seen, by address
 */
public record DeviceChoice(Integer address, Integer instance, boolean byUser, boolean ambiguous, String reason,
        List<BatterySource> candidates) {

    /** No device to choose: an 11-bit bus, or nothing seen yet. */
    public static final DeviceChoice NONE = new DeviceChoice(null, null, false, false, "", List.of());

    public DeviceChoice {
        candidates = List.copyOf(candidates);
        reason = reason == null ? "" : reason;
    }

    /** Whether the model takes a message from {@code source} with {@code instance}. */
    public boolean follows(Integer source, Integer messageInstance) {
        if (source == null) {
            return true;
        }
        if (address == null) {
            return !ambiguous && candidates.isEmpty();
        }
        return address.intValue() == source.intValue()
                && (instance == null || messageInstance == null || instance.intValue() == messageInstance.intValue());
    }
}
