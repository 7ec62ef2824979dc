package org.bmsworkbench.service.unlock.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.device.mg.BmsError;
import org.bmsworkbench.device.mg.BmsState;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.device.mg.SafetyLockAssessment;
import org.bmsworkbench.device.mg.StatusFlag;
import org.bmsworkbench.service.unlock.DiagnosisStatus;
import org.bmsworkbench.service.unlock.PastError;
import org.bmsworkbench.service.unlock.PossibleCause;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;

/**
 * The diagnosis from readings, by the device profile's rule (state Error and a Safety lock error
 * code; docs/ARCHITECTURE.md "What marks a Safety lock"). Plain Java, no state.
 */
public final class Diagnoser {
    /** Cells further apart than this point to imbalance (the simulator warns at 0.10 V). */
    static final double IMBALANCE_VOLTS = 0.10;

    private final DeviceProfile profile;

    public Diagnoser(DeviceProfile profile) {
        this.profile = profile;
    }

    public SafetyLockDiagnosis diagnose(Map<String, ?> values, Collection<AlarmRecord> alarms, Instant time) {
        Integer stateCode = whole(values.get("bms.state"));
        Integer errorCode = whole(values.get("bms.error"));
        BmsState state = stateCode == null ? null : profile.state(stateCode);
        BmsError error = errorCode == null ? null : profile.error(errorCode);
        DiagnosisStatus status;
        String reason;
        if (state == null) {
            status = DiagnosisStatus.UNKNOWN;
            reason = "The BMS state (VREG 0x0371) could not be read, so whether a Safety lock is active is not known.";
        } else if (state.category() == BmsState.Category.ERROR && error == null) {
            status = DiagnosisStatus.UNKNOWN;
            reason = "The BMS is in state " + state + ", but its error (VREG 0x2101) could not be read.";
        } else {
            SafetyLockAssessment a = profile.assess(state.code(), error == null ? 0 : error.code());
            status = switch (a.verdict()) {
                case SAFETY_LOCK -> DiagnosisStatus.SAFETY_LOCK;
                case OTHER_ERROR -> DiagnosisStatus.OTHER_ERROR;
                case NOT_IN_ERROR_STATE -> DiagnosisStatus.NOT_IN_ERROR_STATE;
            };
            reason = a.reason();
            if (status != DiagnosisStatus.NOT_IN_ERROR_STATE) {
                reason += " " + a.error().explanation();
            }
        }
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        if (status == DiagnosisStatus.SAFETY_LOCK || status == DiagnosisStatus.OTHER_ERROR) {
            note(evidence, Causes.ofError(error.code()), "error " + error);
        }
        List<PastError> lastErrors = lastErrors(values, evidence);
        TreeSet<String> activeAlarms = new TreeSet<>();
        TreeSet<String> activeWarnings = new TreeSet<>();
        for (AlarmRecord r : alarms) {
            if (r.active()) {
                (r.key().startsWith("warning.") ? activeWarnings : activeAlarms).add(r.key());
            }
        }
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if ("raised".equals(e.getValue())) {
                if (e.getKey().startsWith("alarm.")) {
                    activeAlarms.add(e.getKey());
                } else if (e.getKey().startsWith("warning.")) {
                    activeWarnings.add(e.getKey());
                }
            }
        }
        for (String key : activeAlarms) {
            note(evidence, Causes.ofAlarm(key), key + " raised");
        }
        for (String key : activeWarnings) {
            note(evidence, Causes.ofAlarm(key), key + " raised");
        }
        Long flagsRaw = values.get("bms.flags") instanceof Number n ? n.longValue() : null;
        List<StatusFlag> flags = List.of();
        if (flagsRaw != null && flagsRaw >= 0 && flagsRaw <= 0xFFFF_FFFFL) {
            flags = profile.setFlags(flagsRaw);
            for (StatusFlag f : flags) {
                note(evidence, Causes.ofFlag(f.bit()), "flag " + f.label());
            }
        }
        if (values.get("cell.voltage.min") instanceof Number min && values.get("cell.voltage.max") instanceof Number max
                && max.doubleValue() - min.doubleValue() >= IMBALANCE_VOLTS) {
            note(evidence, Causes.IMBALANCE, String.format(java.util.Locale.ROOT, "cells %.2f V to %.2f V",
                    min.doubleValue(), max.doubleValue()));
        }
        List<PossibleCause> causes = Causes.rank(evidence);
        return new SafetyLockDiagnosis(time, status, state, error, reason, lastErrors, flagsRaw, flags,
                List.copyOf(activeAlarms), List.copyOf(activeWarnings), causes);
    }

    private List<PastError> lastErrors(Map<String, ?> values, Map<String, List<String>> evidence) {
        List<PastError> list = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            Integer code = whole(values.get("error.history." + n));
            if (code == null || code == 0) {
                continue;
            }
            Object t = values.get("error.history." + n + ".time");
            Instant time = t instanceof Number seconds && seconds.longValue() > 0 ? Instant.ofEpochSecond(seconds.longValue())
                    : null;
            PastError past = new PastError(n, profile.error(code), time, profile.isSafetyLockError(code));
            list.add(past);
            if (n == 1 || past.safetyLockCode()) {
                note(evidence, Causes.ofError(code), "last error " + n + ": " + past.error()
                        + (time == null ? "" : " at " + time));
            }
        }
        return list;
    }

    private static void note(Map<String, List<String>> evidence, String cause, String what) {
        if (cause != null) {
            List<String> list = evidence.computeIfAbsent(cause, k -> new ArrayList<>());
            if (!list.contains(what)) {
                list.add(what);
            }
        }
    }

    private static Integer whole(Object v) {
        return v instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    }
}
