package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.bms.AlarmState;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.service.unlock.DiagnosisStatus;
import org.bmsworkbench.service.unlock.PossibleCause;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;
import org.junit.jupiter.api.Test;

/** The diagnosis from readings, with the MG profile's default Safety lock codes (13–16, 18). */
class DiagnoserTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final Diagnoser diagnoser = new Diagnoser(MgMasterLvProfile.defaults());

    private static Map<String, Object> readings(long state, Long error) {
        Map<String, Object> v = new HashMap<>();
        v.put("bms.state", state);
        v.put("bms.error", error);
        return v;
    }

    private static List<String> indicated(SafetyLockDiagnosis d) {
        return d.indicatedCauses().stream().map(PossibleCause::id).toList();
    }

    @Test
    void stateErrorWithOverVoltageIsASafetyLockPointingToOverVoltage() {
        Map<String, Object> v = readings(10, 13L);
        v.put("error.history.1", 13L);
        v.put("error.history.1.time", 1_748_779_000L);
        v.put("error.history.2", 18L);
        v.put("error.history.2.time", 1_748_000_000L);
        v.put("error.history.3", 0L);
        v.put("bms.flags", 1L << 10); // warning over voltage
        AlarmRecord alarm = new AlarmRecord("alarm.high_voltage", AlarmState.RAISED, 1L, 1L, null, 1);
        SafetyLockDiagnosis d = diagnoser.diagnose(v, List.of(alarm), NOW);
        assertEquals(DiagnosisStatus.SAFETY_LOCK, d.status());
        assertTrue(d.locked());
        assertTrue(d.reason().contains("13 Over voltage detected"), d.reason());
        assertEquals(2, d.lastErrors().size(), "code 0 is no error");
        assertEquals(Instant.ofEpochSecond(1_748_779_000L), d.lastErrors().get(0).time());
        assertTrue(d.lastErrors().get(1).safetyLockCode(), "18 is a lock code");
        assertEquals(List.of("alarm.high_voltage"), d.activeAlarms());
        assertEquals(List.of("over-voltage", "over-current"), indicated(d));
        PossibleCause first = d.causes().get(0);
        assertTrue(first.evidence().contains("error 13 Over voltage detected"), first.evidence());
        assertTrue(first.evidence().contains("alarm.high_voltage raised"), first.evidence());
        assertTrue(first.evidence().contains("flag Warning over voltage"), first.evidence());
        assertEquals(6, d.causes().size(), "every common cause is listed, with its checks");
        assertTrue(d.causes().stream().allMatch(c -> !c.checks().isEmpty()));
    }

    @Test
    void anotherErrorIsNotASafetyLock() {
        SafetyLockDiagnosis d = diagnoser.diagnose(readings(10, 2L), List.of(), NOW);
        assertEquals(DiagnosisStatus.OTHER_ERROR, d.status());
        assertFalse(d.locked());
        assertEquals(List.of("communication"), indicated(d), "2 No batteries found: lost communication");
    }

    @Test
    void runningIsNotInErrorStateWhateverTheErrorRegisterSays() {
        SafetyLockDiagnosis d = diagnoser.diagnose(readings(9, 13L), List.of(), NOW);
        assertEquals(DiagnosisStatus.NOT_IN_ERROR_STATE, d.status());
        assertTrue(d.indicatedCauses().isEmpty());
    }

    @Test
    void unreadableStateOrErrorIsUnknown() {
        SafetyLockDiagnosis none = diagnoser.diagnose(Map.of(), List.of(), NOW);
        assertEquals(DiagnosisStatus.UNKNOWN, none.status());
        assertNull(none.state());
        assertTrue(none.reason().contains("0x0371"), none.reason());
        SafetyLockDiagnosis noError = diagnoser.diagnose(readings(10, null), List.of(), NOW);
        assertEquals(DiagnosisStatus.UNKNOWN, noError.status());
        assertTrue(noError.reason().contains("0x2101"), noError.reason());
    }

    @Test
    void imbalanceAndTemperatureAndShortCircuitEvidence() {
        Map<String, Object> v = readings(10, 15L);
        v.put("cell.voltage.min", 3.10);
        v.put("cell.voltage.max", 3.31);
        v.put("alarm.short_circuit", "raised");
        v.put("warning.cell_imbalance", "raised");
        SafetyLockDiagnosis d = diagnoser.diagnose(v, List.of(), NOW);
        assertEquals(List.of("temperature", "over-current", "cell-imbalance"), indicated(d));
        assertEquals(List.of("alarm.short_circuit"), d.activeAlarms());
        assertEquals(List.of("warning.cell_imbalance"), d.activeWarnings());
    }
}
