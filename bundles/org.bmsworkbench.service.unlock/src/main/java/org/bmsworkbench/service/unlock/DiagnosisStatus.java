package org.bmsworkbench.service.unlock;

/** What the diagnosis concluded. */
public enum DiagnosisStatus {
    /** BMS state Error with an error code the device profile counts as a Safety lock. */
    SAFETY_LOCK,
    /** BMS state Error, but with another error code: repair, not an unlock code. */
    OTHER_ERROR,
    /** The BMS is not in its error state. */
    NOT_IN_ERROR_STATE,
    /** The BMS state or error could not be read. */
    UNKNOWN
}
