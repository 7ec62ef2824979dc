package org.bmsworkbench.device.mg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The MG Master LV profile as a plain object: the guide's tables and one set of
 * {@link MgProfileSettings}. Immutable and thread-safe. The service wraps one of these; tests
 * and the simulator may use {@link #defaults()} directly.
 */
public final class MgMasterLvProfile implements MgDeviceProfile {
    private final MgProfileSettings settings;
    private final UnlockSettings unlock;

    public MgMasterLvProfile(MgProfileSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.unlock = new UnlockSettings(settings.unlockRegister(), settings.unlockVerified(),
                UnlockSettings.Format.HEX8_UN32_LITTLE_ENDIAN);
    }

    /** The profile with {@link MgProfileSettings#defaults()}. */
    public static MgMasterLvProfile defaults() {
        return new MgMasterLvProfile(MgProfileSettings.defaults());
    }

    @Override
    public MgProfileSettings settings() {
        return settings;
    }

    @Override
    public String deviceName() {
        return MgMasterLv.DEVICE_NAME;
    }

    @Override
    public int nodeAddress() {
        return settings.nodeAddress();
    }

    @Override
    public List<Product> products() {
        return MgMasterLv.PRODUCTS;
    }

    @Override
    public Optional<Product> product(int productId) {
        return MgMasterLv.PRODUCTS.stream().filter(p -> p.id() == productId).findFirst();
    }

    @Override
    public List<BmsState> states() {
        return MgMasterLv.STATES;
    }

    @Override
    public BmsState state(int code) {
        return code >= 0 && code < MgMasterLv.STATES.size() ? MgMasterLv.STATES.get(code) : BmsState.unknown(code);
    }

    @Override
    public List<BmsError> errors() {
        return MgBmsErrors.ERRORS;
    }

    @Override
    public BmsError error(int code) {
        return code >= 0 && code < MgBmsErrors.ERRORS.size() ? MgBmsErrors.ERRORS.get(code) : BmsError.unknown(code);
    }

    @Override
    public List<StatusFlag> statusFlags() {
        return MgMasterLv.STATUS_FLAGS;
    }

    @Override
    public List<StatusFlag> setFlags(long raw) {
        if (raw < 0 || raw > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("status flags are an un32 (0..0xFFFFFFFF), got " + raw);
        }
        List<StatusFlag> set = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((raw >>> bit & 1) != 0) {
                set.add(bit < MgMasterLv.STATUS_FLAGS.size() ? MgMasterLv.STATUS_FLAGS.get(bit) : StatusFlag.undocumented(bit));
            }
        }
        return List.copyOf(set);
    }

    @Override
    public Set<Integer> safetyLockErrorCodes() {
        return settings.safetyLockErrorCodes();
    }

    @Override
    public SafetyLockAssessment assess(int stateCode, int errorCode) {
        BmsState state = state(stateCode);
        BmsError error = error(errorCode);
        if (stateCode != MgMasterLv.STATE_ERROR) {
            return new SafetyLockAssessment(SafetyLockAssessment.Verdict.NOT_IN_ERROR_STATE, state, error,
                    "The BMS is in state " + state + ", not 10 Error: no Safety lock.");
        }
        if (isSafetyLockError(errorCode)) {
            return new SafetyLockAssessment(SafetyLockAssessment.Verdict.SAFETY_LOCK, state, error,
                    "The BMS is in state 10 Error with error " + error + ", a Safety lock error: a critical limit"
                            + " was exceeded.");
        }
        return new SafetyLockAssessment(SafetyLockAssessment.Verdict.OTHER_ERROR, state, error,
                "The BMS is in state 10 Error with error " + error + ", which is not a Safety lock error.");
    }

    @Override
    public UnlockSettings unlockSettings() {
        return unlock;
    }

    @Override
    public String toString() {
        return "MG Master LV profile " + settings;
    }
}
