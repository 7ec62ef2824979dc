package org.bmsworkbench.bms;

/**
 * What is known of one alarm or warning key ({@code alarm.high_voltage}, {@code warning.general}).
 * Times are microseconds since the epoch, null when it never happened.
 *
 * @param raiseCount how many times it went from not raised to raised
 */
public record AlarmRecord(String key, AlarmState state, Long firstRaisedMicros, Long lastRaisedMicros,
        Long lastClearedMicros, long raiseCount) {

    public boolean active() {
        return state == AlarmState.RAISED;
    }
}
