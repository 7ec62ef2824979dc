package org.bmsworkbench.device.mg;

import java.util.Objects;

/**
 * One value of the BMS error register (MG Master LV: VREG 0x2101, guide 1.5.4.2 "BMS Error"),
 * with what it means and what a service person checks.
 *
 * @param code the error value
 * @param label the guide's label, e.g. {@code "Over voltage detected"}
 * @param kind whether the guide defines it as an error, as no error, or leaves it unused
 * @param explanation one line: what the BMS saw
 * @param whatToCheck one line: where a service person looks first
 */
public record BmsError(int code, String label, Kind kind, String explanation, String whatToCheck) {
    /** How the guide lists a code. */
    public enum Kind {
        /** "No error, system OK". */
        NO_ERROR,
        /** A defined error. */
        ERROR,
        /** Listed as "Not implemented". */
        NOT_IMPLEMENTED,
        /** Listed as "Reserved". */
        RESERVED,
        /** Not listed at all. */
        UNKNOWN
    }

    public BmsError {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(whatToCheck, "whatToCheck");
    }

    /** A code the device's table does not list. */
    public static BmsError unknown(int code) {
        return new BmsError(code, "Unknown error " + code, Kind.UNKNOWN,
                "The communication guide does not list this error code.",
                "Record a system snapshot and the firmware version (VREG 0x0102) and ask the manufacturer.");
    }

    /** True for a defined error (not "no error", not an unused code). */
    public boolean isError() {
        return kind == Kind.ERROR;
    }

    @Override
    public String toString() {
        return code + " " + label;
    }
}
