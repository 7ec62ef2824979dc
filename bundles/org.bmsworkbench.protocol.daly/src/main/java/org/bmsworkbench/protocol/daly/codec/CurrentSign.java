package org.bmsworkbench.protocol.daly.codec;

import org.bmsworkbench.can.CanFrame;

/**
 * Which way one Daly BMS counts its current. The protocol sends 0x90's current as
 * {@code raw − 30000} in 0.1 A, and most boards make it positive while charging, as the model
 * wants; some firmware sends it the other way round (dbus-serialbattery issues #65, #70, #255
 * and its {@code INVERT_CURRENT_MEASUREMENT} option). 0x93 says what the BMS itself thinks it
 * does (1 charging, 2 discharging), so each 0x90 current is paired with the 0x93 state nearest
 * it (each reading used once, at most {@link #PAIR_WINDOW_MICROS} apart by timestamp) and the
 * pair votes: the sign agrees with the state, or it is inverted. Currents under
 * {@link #MIN_RAW} (0.5 A) and the stationary state do not vote. The current is reported in the
 * way with more votes; on a tie, as sent. Not thread-safe.
 */
final class CurrentSign {
    static final int MIN_RAW = 5;
    static final long PAIR_WINDOW_MICROS = 5_000_000;

    private int agreeing;
    private int inverted;
    private Integer current;
    private long currentTime;
    private Integer state;
    private long stateTime;

    /**
     * A current as sent ({@code raw − 30000}, 0.1 A) at {@code timestampMicros}.
     *
     * @return the current in 0.1 A, positive while charging
     */
    int current(int sent, long timestampMicros) {
        current = sent;
        currentTime = timestampMicros;
        pair();
        return invertedNow() ? -sent : sent;
    }

    /** A charge/discharge state of 0x93 (0 stationary, 1 charge, 2 discharge) at {@code timestampMicros}. */
    void state(int chargeState, long timestampMicros) {
        state = chargeState;
        stateTime = timestampMicros;
        pair();
    }

    /** Whether currents are now reported with the sign opposite to the one sent. */
    boolean invertedNow() {
        return inverted > agreeing;
    }

    int agreeingVotes() {
        return agreeing;
    }

    int invertedVotes() {
        return inverted;
    }

    private void pair() {
        if (current == null || state == null) {
            return;
        }
        boolean timed = currentTime != CanFrame.NO_TIMESTAMP && stateTime != CanFrame.NO_TIMESTAMP;
        if (timed && Math.abs(currentTime - stateTime) > PAIR_WINDOW_MICROS) {
            return; // the older reading waits for a newer partner: it is replaced
        }
        if ((state == 1 || state == 2) && Math.abs(current) >= MIN_RAW) {
            if ((state == 1) == (current > 0)) {
                agreeing++;
            } else {
                inverted++;
            }
        }
        current = null;
        state = null;
    }
}
