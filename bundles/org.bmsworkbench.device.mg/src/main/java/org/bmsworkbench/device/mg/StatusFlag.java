package org.bmsworkbench.device.mg;

import java.util.Objects;

/**
 * One bit of the status flags register (MG Master LV: VREG 0x2100, un32, guide 1.5.4.2
 * "Status flags").
 *
 * @param bit the bit number, 0 = least significant
 * @param label the guide's label, e.g. {@code "Allowed to charge"}
 * @param kind whether the guide names the bit, lists it as not implemented, or leaves it out
 * @param note a remark on the guide's text, empty when there is none
 */
public record StatusFlag(int bit, String label, Kind kind, String note) {
    /** How the guide lists a bit. */
    public enum Kind {
        /** A named flag. */
        NAMED,
        /** Listed as "Not implemented". */
        NOT_IMPLEMENTED,
        /** Beyond the guide's list (bits 27–31). */
        UNDOCUMENTED
    }

    public StatusFlag {
        if (bit < 0 || bit > 31) {
            throw new IllegalArgumentException("a status flag bit is 0..31, got " + bit);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(note, "note");
    }

    /** A bit the guide does not list. */
    public static StatusFlag undocumented(int bit) {
        return new StatusFlag(bit, "Undocumented bit " + bit, Kind.UNDOCUMENTED, "");
    }

    /** The bit as a mask of the un32. */
    public long mask() {
        return 1L << bit;
    }

    /** True if this bit is set in {@code raw}. */
    public boolean isSetIn(long raw) {
        return (raw & mask()) != 0;
    }

    @Override
    public String toString() {
        return "bit " + bit + " " + label;
    }
}
