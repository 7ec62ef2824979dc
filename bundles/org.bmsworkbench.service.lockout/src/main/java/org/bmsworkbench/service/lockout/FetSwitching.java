package org.bmsworkbench.service.lockout;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetControl;
import org.bmsworkbench.bms.fets.FetResult;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Switching a cell-level BMS's MOSFETs, guarded and audited, the same for {@code bmswb fets} and
 * the Alarms view. The sending is the protocol's ({@link FetControl} with the session's active
 * protocol); the rules are here: nothing is sent on a listen-only connection or a recording, before
 * the BMS has reported its MOSFET or protection state, or to switch a MOSFET on while a protection
 * that opens it is still active. Every attempt — refused, declined at the confirmation, sent, and
 * how the BMS answered — is a line of the unlock service's audit log (steps {@code switch-fets} and
 * {@code switch-fets-result}). Nothing is ever sent unless a caller asks, after its user confirmed.
 */
@ProviderType
public interface FetSwitching {

    /** The audit step of an attempt (refused, declined, or sent). */
    String STEP = "switch-fets";
    /** The audit step of the BMS's answer to one that was sent (confirmed, rejected, no answer). */
    String RESULT_STEP = "switch-fets-result";

    /** The MOSFET control installed for the session's active protocol, if any. */
    Optional<FetControl> control(BmsSession session);

    /**
     * Why {@code command} may not be sent now, in one line ending with "nothing was sent"; empty
     * when it may (after the user's confirmation). Reads the model; no I/O.
     */
    Optional<String> refusal(BmsSession session, FetCommand command);

    /**
     * Checks {@link #refusal} again and, when refused, audits the refusal and completes with a
     * {@link FetResult.Outcome#REFUSED} result; otherwise audits the attempt, sends through the
     * control (which holds the link's exchange lock), and audits and returns its result. A log that
     * cannot be written refuses the attempt before anything is sent. Never completes exceptionally;
     * a control that does not answer within its time ends as {@link FetResult.Outcome#TIMEOUT}.
     */
    CompletableFuture<FetResult> apply(BmsSession session, FetCommand command);

    /** Audits an attempt the user did not confirm (outcome {@code cancelled}); nothing is sent. */
    CompletableFuture<Void> declined(BmsSession session, FetCommand command, String reason);
}
