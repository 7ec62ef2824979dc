package org.bmsworkbench.bms;

/** State of one alarm or warning key. */
public enum AlarmState {
    RAISED, CLEARED, UNKNOWN
}
