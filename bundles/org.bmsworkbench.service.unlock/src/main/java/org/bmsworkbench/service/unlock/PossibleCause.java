package org.bmsworkbench.service.unlock;

import java.util.List;
import java.util.Objects;

/**
 * A possible cause of a lock-out and the checks a technician makes for it (the common causes of
 * the lockout article: over- or under-voltage, temperature, over-current or short circuit, cell
 * imbalance, lost communication).
 *
 * @param id        stable id: {@code over-voltage}, {@code under-voltage}, {@code temperature},
 *                  {@code over-current}, {@code cell-imbalance}, {@code communication}
 * @param title     a few words
 * @param indicated true if this device's readings point to it
 * @param evidence  what points to it (empty when not indicated), e.g. "error 13 Over voltage detected; alarm.high_voltage raised"
 * @param checks    what to check, most important first
 */
public record PossibleCause(String id, String title, boolean indicated, String evidence, List<String> checks) {
    public PossibleCause {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        evidence = evidence == null ? "" : evidence;
        checks = List.copyOf(checks);
    }
}
