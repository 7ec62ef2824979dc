package org.bmsworkbench.ui.alarms.internal;

import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.device.mg.BmsError;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.device.mg.SafetyLockAssessment;

/**
 * What the banner says about the BMS state: a Safety lock (error state with a locking error
 * code, as the device profile assesses {@code bms.state} and {@code bms.error}), another error,
 * or nothing to say.
 *
 * @param kind   what it is
 * @param title  the banner's headline
 * @param reason one sentence naming state and error
 * @param check  what the error means and what to check, or empty
 */
record LockStatus(Kind kind, String title, String reason, String check) {

    /** The BMS state's error code (VREG 0x0371: 10 = Error) when no profile is installed to say. */
    static final int ERROR_STATE = 10;

    enum Kind {
        SAFETY_LOCK, ERROR, NONE
    }

    static final LockStatus NONE = new LockStatus(Kind.NONE, "", "", "");

    /** Reads {@code bms.state} and {@code bms.error}; {@code profile} may be null. */
    static LockStatus of(BmsModel model, DeviceProfile profile) {
        Integer state = code(model, "bms.state");
        if (state == null) {
            return NONE;
        }
        Integer error = code(model, "bms.error");
        if (profile == null) {
            if (state != ERROR_STATE) {
                return NONE;
            }
            return new LockStatus(Kind.ERROR, "The BMS is in its error state",
                    "BMS state " + state + ", error code " + (error == null ? "unknown" : error) + ".",
                    "No device profile is installed, so whether this is a Safety lock cannot be told.");
        }
        if (error == null) {
            return profile.state(state).category() == org.bmsworkbench.device.mg.BmsState.Category.ERROR
                    ? new LockStatus(Kind.ERROR, "The BMS is in its error state",
                            "BMS state " + profile.state(state) + "; its error code has not arrived yet.", "")
                    : NONE;
        }
        SafetyLockAssessment a = profile.assess(state, error);
        BmsError e = a.error();
        String check = e.isError() ? e.explanation() + " Check: " + e.whatToCheck() : "";
        return switch (a.verdict()) {
            case SAFETY_LOCK -> new LockStatus(Kind.SAFETY_LOCK, "Safety lock: the BMS has locked the battery out",
                    a.reason(), check);
            case OTHER_ERROR -> new LockStatus(Kind.ERROR, "The BMS is in its error state: " + e.label(), a.reason(), check);
            case NOT_IN_ERROR_STATE -> NONE;
        };
    }

    private static Integer code(BmsModel model, String key) {
        return model.get(key).map(SignalValue::value).filter(Number.class::isInstance)
                .map(v -> ((Number) v).intValue()).orElse(null);
    }
}
