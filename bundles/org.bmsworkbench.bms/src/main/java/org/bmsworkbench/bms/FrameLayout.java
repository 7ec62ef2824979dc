package org.bmsworkbench.bms;

import java.util.List;
import java.util.Objects;

/**
 * Where a protocol's values sit in one frame, bit by bit: what a DBC file ({@code bmswb dbc
 * export}) or another CAN tool needs to decode the frame without this workbench.
 *
 * @param canId       the CAN id (11-bit, or 29-bit when {@code extended})
 * @param extended    true for a 29-bit id
 * @param name        the message name, as {@link DecodedMessage#message()} gives it, e.g. {@code battery_basic_info}
 * @param length      the data bytes the protocol sends (the DLC)
 * @param description the message's title, e.g. "Battery basic info"
 * @param signals     the frame's signals in frame order; empty for a frame whose content has no fixed layout
 */
public record FrameLayout(int canId, boolean extended, String name, int length, String description,
        List<SignalLayout> signals) {

    public FrameLayout {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        if (length < 0 || length > 64) {
            throw new IllegalArgumentException(name + ": length " + length + " is outside 0..64");
        }
        signals = List.copyOf(signals);
        for (SignalLayout s : signals) {
            if (s.startBit() + s.length() > length * 8) {
                throw new IllegalArgumentException(name + ": signal " + s.name() + " ends after byte " + length);
            }
        }
    }
}
