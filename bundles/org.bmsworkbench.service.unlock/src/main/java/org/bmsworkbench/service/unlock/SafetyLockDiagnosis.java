package org.bmsworkbench.service.unlock;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bmsworkbench.device.mg.BmsError;
import org.bmsworkbench.device.mg.BmsState;
import org.bmsworkbench.device.mg.StatusFlag;

/**
 * Is a Safety lock active, and why: the evidence (BMS state and error, the last errors 1–4 with
 * their times, the status flags, the alarms and warnings raised), the reason in words, and the
 * possible causes with the checks to make. Immutable.
 *
 * @param time           when the readings were taken
 * @param status         the conclusion
 * @param state          the BMS state, or null when it could not be read
 * @param error          the BMS error, or null when it could not be read
 * @param reason         one or two sentences for people
 * @param lastErrors     the last errors the BMS reported, 1 first; codes 0 ("no error") left out
 * @param flagsRaw       the raw status flags (un32), or null
 * @param flags          the flags set in {@code flagsRaw}
 * @param activeAlarms   the alarm keys raised ({@code alarm.high_voltage}), sorted
 * @param activeWarnings the warning keys raised, sorted
 * @param causes         the possible causes, those the readings point to first
 */
public record SafetyLockDiagnosis(Instant time, DiagnosisStatus status, BmsState state, BmsError error, String reason,
        List<PastError> lastErrors, Long flagsRaw, List<StatusFlag> flags, List<String> activeAlarms,
        List<String> activeWarnings, List<PossibleCause> causes) {
    public SafetyLockDiagnosis {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        lastErrors = List.copyOf(lastErrors);
        flags = List.copyOf(flags);
        activeAlarms = List.copyOf(activeAlarms);
        activeWarnings = List.copyOf(activeWarnings);
        causes = List.copyOf(causes);
    }

    /** True if a Safety lock is active. */
    public boolean locked() {
        return status == DiagnosisStatus.SAFETY_LOCK;
    }

    /** The causes the readings point to. */
    public List<PossibleCause> indicatedCauses() {
        return causes.stream().filter(PossibleCause::indicated).toList();
    }

    /** The BMS state code, if read. */
    public Optional<Integer> stateCode() {
        return Optional.ofNullable(state).map(BmsState::code);
    }

    /** The BMS error code, if read. */
    public Optional<Integer> errorCode() {
        return Optional.ofNullable(error).map(BmsError::code);
    }
}
