package org.bmsworkbench.service.unlock;

import java.util.Objects;

/**
 * How a call of the procedure ended: accepted and the procedure moved on, or refused with the
 * reason (every refusal is audited too).
 *
 * @param step     the step that was asked for
 * @param accepted true if it was done
 * @param reason   one line: what was done, or why not
 */
public record StepResult(UnlockStep step, boolean accepted, String reason) {
    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
    }

    public static StepResult accepted(UnlockStep step, String reason) {
        return new StepResult(step, true, reason);
    }

    public static StepResult refused(UnlockStep step, String reason) {
        return new StepResult(step, false, reason);
    }
}
