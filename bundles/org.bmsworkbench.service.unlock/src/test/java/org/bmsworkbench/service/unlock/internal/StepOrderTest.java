package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bmsworkbench.service.unlock.GuideText;
import org.bmsworkbench.service.unlock.UnlockResult;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.junit.jupiter.api.Test;

/**
 * The unlock state machine's rule alone: the seven steps in order (the guide's unlock procedure,
 * seed section "Safety lock"), no shortcut, the snapshot mandatory, nothing repeated after the code.
 */
class StepOrderTest {
    private final StepOrder order = new StepOrder();

    @Test
    void atFirstOnlyStepOneMayBeAskedFor() {
        assertEquals(UnlockStep.CONFIRM_LOCK, order.current());
        assertNull(order.problem(UnlockStep.CONFIRM_LOCK));
        assertEquals("step 2 (Save a system snapshot) needs step 1 (Confirm the Safety lock) first",
                order.problem(UnlockStep.SNAPSHOT));
        assertEquals("step 5 (Send the code) needs step 1 (Confirm the Safety lock) first",
                order.problem(UnlockStep.SEND_CODE));
    }

    @Test
    void withoutTheSnapshotNothingGoesFurtherAndTheGuideSaysWhy() {
        order.doneThrough(UnlockStep.CONFIRM_LOCK);
        assertNull(order.problem(UnlockStep.SNAPSHOT));
        assertEquals("step 3 (Confirm the checklist) needs step 2 (Save a system snapshot) first: "
                + GuideText.SNAPSHOT_MANDATORY, order.problem(UnlockStep.CHECKLIST));
    }

    @Test
    void aDoneStepMayBeRedoneUntilTheCodeIsAccepted() {
        order.doneThrough(UnlockStep.ENTER_CODE);
        assertNull(order.problem(UnlockStep.CHECKLIST));
        assertNull(order.problem(UnlockStep.SEND_CODE));
        order.doneThrough(UnlockStep.SEND_CODE);
        assertTrue(order.codeAccepted());
        assertEquals("the code has been accepted; steps cannot be repeated", order.problem(UnlockStep.CHECKLIST));
        assertEquals(UnlockStep.WATCH_RESTART, order.current());
    }

    @Test
    void theRestartIsNeverAskedForItFollowsTheCode() {
        order.doneThrough(UnlockStep.ENTER_CODE);
        assertEquals("step 6 (Watch the restart) needs step 5 (Send the code) first",
                order.problem(UnlockStep.WATCH_RESTART));
        order.doneThrough(UnlockStep.SEND_CODE);
        assertEquals("the code has been accepted; steps cannot be repeated", order.problem(UnlockStep.WATCH_RESTART));
        order.restart();
        assertEquals(UnlockStep.CONFIRM_LOCK, order.current());
    }

    @Test
    void whileAStepRunsNothingElseMay() {
        order.doneThrough(UnlockStep.CONFIRM_LOCK);
        order.busy(true);
        assertEquals("wait: step 2 (Save a system snapshot) is still running", order.problem(UnlockStep.SNAPSHOT));
        order.busy(false);
        assertNull(order.problem(UnlockStep.SNAPSHOT));
    }

    @Test
    void anEndedAttemptTakesNothingMore() {
        order.doneThrough(UnlockStep.SNAPSHOT);
        order.busy(true);
        order.end(new UnlockResult(UnlockResult.Outcome.CANCELLED, "cancelled by the technician", List.of(), null));
        assertTrue(order.ended());
        assertFalse(order.busy());
        assertNull(order.next());
        assertEquals("the attempt has ended (cancelled by the technician); start a new one",
                order.problem(UnlockStep.CHECKLIST));
    }

    @Test
    void aRunningBmsAtTheEndCompletesEveryStep() {
        order.doneThrough(UnlockStep.WATCH_RESTART);
        order.end(new UnlockResult(UnlockResult.Outcome.RUNNING, "running", List.of(), null));
        assertEquals(UnlockStep.CHECK_RESULT, order.current());
    }
}
