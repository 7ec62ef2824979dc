package org.bmsworkbench.service.unlock.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.device.mg.StatusFlag;
import org.bmsworkbench.service.unlock.PastError;
import org.bmsworkbench.service.unlock.PossibleCause;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;

/** A diagnosis as JSON-ready maps (the {@code diagnosis} of {@code snapshot.json}) and as text lines (the CLI). */
public final class DiagnosisDocument {
    private DiagnosisDocument() {
    }

    /** {@code code} then {@code label}, in that order in every snapshot (Map.of has no order). */
    private static Map<String, Object> codeAndLabel(Object code, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("label", label);
        return m;
    }

    public static Map<String, Object> of(SafetyLockDiagnosis d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", d.time().toString());
        m.put("status", d.status().name());
        m.put("safety_lock", d.locked());
        m.put("state", d.state() == null ? null : codeAndLabel(d.state().code(), d.state().label()));
        m.put("error", d.error() == null ? null : codeAndLabel(d.error().code(), d.error().label()));
        m.put("reason", d.reason());
        List<Object> last = new ArrayList<>();
        for (PastError e : d.lastErrors()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("position", e.position());
            o.put("code", e.error().code());
            o.put("label", e.error().label());
            o.put("time", e.time() == null ? null : e.time().toString());
            o.put("safety_lock_code", e.safetyLockCode());
            last.add(o);
        }
        m.put("last_errors", last);
        m.put("flags_raw", d.flagsRaw());
        m.put("flags", d.flags().stream().map(StatusFlag::label).toList());
        m.put("alarms", d.activeAlarms());
        m.put("warnings", d.activeWarnings());
        List<Object> causes = new ArrayList<>();
        for (PossibleCause c : d.causes()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", c.id());
            o.put("title", c.title());
            o.put("indicated", c.indicated());
            o.put("evidence", c.evidence());
            o.put("checks", c.checks());
            causes.add(o);
        }
        m.put("causes", causes);
        return m;
    }

    /** The diagnosis for a terminal: status and reason, last errors, alarms, indicated causes with their checks. */
    public static List<String> lines(SafetyLockDiagnosis d) {
        List<String> lines = new ArrayList<>();
        lines.add("Diagnosis: " + d.status().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
        lines.add("  " + d.reason());
        for (PastError e : d.lastErrors()) {
            lines.add("  last error " + e.position() + ": " + e.error() + (e.time() == null ? "" : " at " + e.time())
                    + (e.safetyLockCode() ? " (Safety lock code)" : ""));
        }
        if (!d.activeAlarms().isEmpty()) {
            lines.add("  alarms raised: " + String.join(", ", d.activeAlarms()));
        }
        if (!d.activeWarnings().isEmpty()) {
            lines.add("  warnings raised: " + String.join(", ", d.activeWarnings()));
        }
        for (PossibleCause c : d.indicatedCauses()) {
            lines.add("  possible cause: " + c.title() + " (" + c.evidence() + ")");
            for (String check : c.checks()) {
                lines.add("    - " + check);
            }
        }
        return lines;
    }
}
