package org.bmsworkbench.bms.fets;

import java.util.List;
import java.util.Objects;
import org.bmsworkbench.can.CanFrame;

/**
 * How an attempt to switch the MOSFETs ended.
 *
 * @param outcome   what happened
 * @param charge    the charge MOSFET's state the BMS reported afterwards, or null when unknown
 * @param discharge the discharge MOSFET's state the BMS reported afterwards, or null when unknown
 * @param detail    one line for the user and the audit log ("JBD answered 0xE1 with status 0x80")
 * @param sent      the frames or chunks sent, in order (empty when nothing was sent)
 */
public record FetResult(Outcome outcome, Boolean charge, Boolean discharge, String detail, List<CanFrame> sent) {

    public FetResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        sent = List.copyOf(sent);
    }

    /** Nothing was sent, for the reason given. */
    public static FetResult refused(String detail) {
        return new FetResult(Outcome.REFUSED, null, null, detail, List.of());
    }

    public enum Outcome {
        /** Sent, and the BMS reported the MOSFETs in the asked state. */
        CONFIRMED,
        /** Sent, and the BMS answered with an error or kept another state. */
        REJECTED,
        /** Sent, and no answer came in time. */
        TIMEOUT,
        /** Not sent: a listen-only connection, a replay, a state this BMS cannot be switched to. */
        REFUSED
    }
}
