package org.bmsworkbench.service.unlock.internal;

import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.UnlockResult;
import org.bmsworkbench.service.unlock.UnlockStep;

/**
 * The unlock procedure's state machine: how many steps are done (0 … 7), whether a step is
 * running, whether the attempt has ended, and which step may be asked for now. A step may be
 * asked for when the ones before it are done, nothing runs and the code has not yet been accepted;
 * asking again for a done step redoes it (and undoes those after it). Steps 6 and 7 follow by
 * themselves. Not thread-safe: the procedure's single thread owns it.
 */
final class StepOrder {
    /** Steps completed: 0 … 7. */
    private int done;
    private boolean busy;
    private UnlockResult end;

    /** Why {@code step} cannot be asked for now, or null when it can. */
    String problem(UnlockStep step) {
        if (end != null) {
            return "the attempt has ended (" + end.summary() + "); start a new one";
        }
        if (busy) {
            return "wait: " + current().label() + " is still running";
        }
        if (codeAccepted()) {
            return "the code has been accepted; steps cannot be repeated";
        }
        if (step.number() > done + 1) {
            UnlockStep needed = UnlockStep.values()[done];
            return step.label() + " needs " + needed.label() + " first" + (needed == UnlockStep.SNAPSHOT
                    ? ": " + GuideText.SNAPSHOT_MANDATORY : "");
        }
        if (step.number() > UnlockStep.SEND_CODE.number()) {
            return step.label() + " follows by itself once the code is accepted";
        }
        return null;
    }

    /** The step to do next (the last one once all are done). */
    UnlockStep current() {
        return UnlockStep.values()[Math.min(done, UnlockStep.values().length - 1)];
    }

    /** The step to do next, or null once the attempt has ended. */
    UnlockStep next() {
        return end != null ? null : current();
    }

    /** Every step up to and including {@code step} is done; those after it are not. */
    void doneThrough(UnlockStep step) {
        done = step.number();
    }

    /** No step is done. */
    void restart() {
        done = 0;
    }

    /** Whether step 5 is done: the BMS took the code, nothing can be redone. */
    boolean codeAccepted() {
        return done >= UnlockStep.SEND_CODE.number();
    }

    boolean busy() {
        return busy;
    }

    void busy(boolean running) {
        busy = running;
    }

    /** Ends the attempt; nothing more may be asked for. */
    void end(UnlockResult result) {
        end = result;
        busy = false;
        if (result.outcome() == UnlockResult.Outcome.RUNNING) {
            done = UnlockStep.CHECK_RESULT.number();
        }
    }

    /** The end, or null while the attempt goes on. */
    UnlockResult end() {
        return end;
    }

    boolean ended() {
        return end != null;
    }
}
