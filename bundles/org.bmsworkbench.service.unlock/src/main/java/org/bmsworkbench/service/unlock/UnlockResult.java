package org.bmsworkbench.service.unlock;

import java.util.List;
import java.util.Objects;

/**
 * How an unlock attempt ended (step 7, or earlier when it was cancelled or the BMS did not restart).
 *
 * @param outcome  the end
 * @param summary  one line for people
 * @param problems what is still wrong (empty on success)
 * @param after    the diagnosis at the end, or null when none could be made
 */
public record UnlockResult(Outcome outcome, String summary, List<String> problems, SafetyLockDiagnosis after) {
    /** The ends of an attempt. */
    public enum Outcome {
        /** Running, no error, alarms cleared: done. */
        RUNNING,
        /** Unlocked and restarted, waiting in Standby for the SmartLink MX's start command (Combined BMS). */
        WAITING_FOR_START_COMMAND,
        /** Restarted, but not running cleanly: the problems say what. */
        STILL_WRONG,
        /** The code was sent but the BMS did not restart as expected (time-out in a phase). */
        NO_RESTART,
        /** The technician cancelled before the code was accepted. */
        CANCELLED
    }

    public UnlockResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(summary, "summary");
        problems = List.copyOf(problems);
    }

    public boolean success() {
        return outcome == Outcome.RUNNING;
    }
}
