package org.bmsworkbench.bms;

/** What sort of value a signal holds. */
public enum SignalKind {
    /** A {@link Number}: {@link Double} for scaled values, {@link Long} for counts and codes. */
    NUMBER,
    /** A {@link String}. */
    TEXT,
    /** A {@link Boolean}. */
    BOOLEAN,
    /** {@code "raised"} or {@code "cleared"} (null when the device sends neither). */
    ALARM
}
