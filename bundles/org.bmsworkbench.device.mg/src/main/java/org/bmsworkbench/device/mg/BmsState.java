package org.bmsworkbench.device.mg;

import java.util.Objects;

/**
 * One value of the BMS state register (MG Master LV: VREG 0x0371, guide 1.5.4.2 "BMS State").
 *
 * @param code the state value
 * @param label the guide's label, e.g. {@code "Running"}
 * @param category what kind of state it is, for colouring and for the Safety lock rule
 */
public record BmsState(int code, String label, Category category) {
    /** What kind of state a code is. */
    public enum Category {
        /** Starting up after power-on (MG: 0–8). */
        INITIALIZING,
        /** Normal operation. */
        RUNNING,
        /** Stopped on an error; the error register says which. */
        ERROR,
        /** A value the guide lists as not implemented. */
        NOT_IMPLEMENTED,
        /** Shutting down. */
        SHUTTING_DOWN,
        /** Updating battery (slave) firmware. */
        UPDATING,
        /** Standing by. */
        STANDBY,
        /** On the way to running: going to running state, pre-charging. */
        STARTING,
        /** A value the guide does not list. */
        UNKNOWN
    }

    public BmsState {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(category, "category");
    }

    /** A code the device's table does not list. */
    public static BmsState unknown(int code) {
        return new BmsState(code, "Unknown state " + code, Category.UNKNOWN);
    }

    @Override
    public String toString() {
        return code + " " + label;
    }
}
