package org.bmsworkbench.device.mg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.bmsworkbench.device.mg.SafetyLockAssessment.Verdict;
import org.junit.jupiter.api.Test;

/** State 10 Error (VREG 0x0371) with a Safety lock error code (VREG 0x2101) is Safety lock evidence. */
class SafetyLockTest {
    private final MgMasterLvProfile profile = MgMasterLvProfile.defaults();

    @Test
    void theDefaultCodesAreTheLimitsExceeded() {
        assertEquals(Set.of(13, 14, 15, 16, 18), profile.safetyLockErrorCodes());
        assertEquals(MgBmsErrors.DEFAULT_SAFETY_LOCK_CODES, profile.safetyLockErrorCodes());
        for (int code : profile.safetyLockErrorCodes()) {
            assertTrue(profile.error(code).isError(), "code " + code + " is a defined error");
        }
    }

    @Test
    void everyDefaultCodeInTheErrorStateIsASafetyLock() {
        for (int code : new int[] {13, 14, 15, 16, 18}) {
            SafetyLockAssessment a = profile.assess(10, code);
            assertEquals(Verdict.SAFETY_LOCK, a.verdict(), "error " + code);
            assertTrue(a.isSafetyLock());
            assertTrue(profile.isSafetyLockError(code));
            assertEquals(profile.state(10), a.state());
            assertEquals(profile.error(code), a.error());
        }
        assertEquals("The BMS is in state 10 Error with error 13 Over voltage detected, a Safety lock error: a critical"
                + " limit was exceeded.", profile.assess(10, 13).reason());
    }

    @Test
    void everyOtherCodeInTheErrorStateIsAnotherError() {
        for (int code = 0; code <= 31; code++) {
            if (Set.of(13, 14, 15, 16, 18).contains(code)) {
                continue;
            }
            SafetyLockAssessment a = profile.assess(10, code);
            assertEquals(Verdict.OTHER_ERROR, a.verdict(), "error " + code);
            assertFalse(a.isSafetyLock());
            assertFalse(profile.isSafetyLockError(code));
        }
        assertEquals("The BMS is in state 10 Error with error 25 Pre-charge failure, which is not a Safety lock error.",
                profile.assess(10, 25).reason());
    }

    @Test
    void aLockCodeOutsideTheErrorStateIsNoSafetyLock() {
        for (int state = 0; state <= 17; state++) {
            if (state == 10) {
                continue;
            }
            assertEquals(Verdict.NOT_IN_ERROR_STATE, profile.assess(state, 13).verdict(), "state " + state);
        }
        assertEquals("The BMS is in state 9 Running, not 10 Error: no Safety lock.", profile.assess(9, 15).reason());
        assertEquals(Verdict.NOT_IN_ERROR_STATE, profile.assess(0xFF, 18).verdict());
    }

    @Test
    void theCodesAreASetting() {
        MgMasterLvProfile custom = new MgMasterLvProfile(new MgProfileSettings(0xEE10, false, Set.of(25, 26), 0x50));
        assertEquals(Verdict.SAFETY_LOCK, custom.assess(10, 25).verdict());
        assertEquals(Verdict.OTHER_ERROR, custom.assess(10, 13).verdict());
        assertEquals(Set.of(25, 26), custom.safetyLockErrorCodes());
    }
}
