package org.bmsworkbench.device.mg;

import java.util.Objects;

/**
 * What a BMS state and error code say about a Safety lock. The rule (docs/ARCHITECTURE.md, "What
 * marks a Safety lock"): the BMS is in its error state <em>and</em> the error code is one the
 * profile counts as a Safety lock. This is evidence for the diagnosis, not the whole of it:
 * the last errors 1–4 and a technician's judgement go with it.
 *
 * @param verdict the outcome
 * @param state the state the verdict was reached on
 * @param error the error the verdict was reached on
 * @param reason one sentence for people, naming the state and the error
 */
public record SafetyLockAssessment(Verdict verdict, BmsState state, BmsError error, String reason) {
    /** The outcome. */
    public enum Verdict {
        /** Error state with a Safety lock error code. */
        SAFETY_LOCK,
        /** Error state, but the error code is not one that means a Safety lock. */
        OTHER_ERROR,
        /** Not in the error state: no Safety lock, whatever the error register holds. */
        NOT_IN_ERROR_STATE
    }

    public SafetyLockAssessment {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(reason, "reason");
    }

    /** True if this is Safety lock evidence. */
    public boolean isSafetyLock() {
        return verdict == Verdict.SAFETY_LOCK;
    }
}
