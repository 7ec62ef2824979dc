package org.bmsworkbench.ui.unlock.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.bmsworkbench.service.unlock.PastError;
import org.bmsworkbench.service.unlock.PossibleCause;
import org.bmsworkbench.service.unlock.SafetyLockDiagnosis;

/** A diagnosis as the text a technician reads, most important first. */
final class DiagnosisText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private DiagnosisText() {
    }

    static String headline(SafetyLockDiagnosis d) {
        return switch (d.status()) {
            case SAFETY_LOCK -> "Safety lock active";
            case OTHER_ERROR -> "In error, but not a Safety lock";
            case NOT_IN_ERROR_STATE -> "No Safety lock: the BMS is not in its error state";
            case UNKNOWN -> "Unknown: the BMS state or error could not be read";
        };
    }

    static String format(SafetyLockDiagnosis d) {
        StringBuilder text = new StringBuilder();
        text.append(d.reason()).append("\n\n");
        text.append("BMS state: ").append(d.state() == null ? "not read" : d.state().code() + " " + d.state().label())
                .append('\n');
        text.append("BMS error: ").append(d.error() == null ? "not read" : d.error().code() + " " + d.error().label())
                .append('\n');
        if (d.error() != null && !d.error().explanation().isBlank()) {
            text.append("  ").append(d.error().explanation()).append('\n');
        }
        text.append("Last errors:");
        if (d.lastErrors().isEmpty()) {
            text.append(" none recorded\n");
        } else {
            text.append('\n');
            for (PastError e : d.lastErrors()) {
                text.append("  ").append(e.position()).append(". ").append(e.error().code()).append(' ')
                        .append(e.error().label())
                        .append(e.time() == null ? "" : ", " + TIME.format(e.time()))
                        .append(e.safetyLockCode() ? "  (Safety lock)" : "").append('\n');
            }
        }
        if (!d.flags().isEmpty()) {
            text.append("Status flags: ");
            text.append(String.join(", ", d.flags().stream().map(Object::toString).toList())).append('\n');
        }
        if (!d.activeAlarms().isEmpty()) {
            text.append("Alarms raised: ").append(String.join(", ", d.activeAlarms())).append('\n');
        }
        if (!d.activeWarnings().isEmpty()) {
            text.append("Warnings raised: ").append(String.join(", ", d.activeWarnings())).append('\n');
        }
        if (!d.causes().isEmpty()) {
            text.append("\nPossible causes and what to check:\n");
            for (PossibleCause cause : d.causes()) {
                text.append(cause.indicated() ? "\u25b6 " : "\u2022 ").append(cause.title());
                if (cause.indicated()) {
                    text.append(" \u2014 indicated: ").append(cause.evidence());
                }
                text.append('\n');
                for (String check : cause.checks()) {
                    text.append("    \u2013 ").append(check).append('\n');
                }
            }
        }
        return text.toString().stripTrailing();
    }
}
