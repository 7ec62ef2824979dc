package org.bmsworkbench.service.unlock;

import java.util.Locale;

/** How an audited step ended. */
public enum AuditOutcome {
    /** The step was done (a lock confirmed, a snapshot accepted, a code accepted by the BMS, …). */
    ACCEPTED,
    /** The step was refused: by the procedure (a shortcut, a bad code format) or by the BMS (a wrong code). */
    REFUSED,
    /** The step could not be done (no answer, a time-out, an I/O error). */
    FAILED,
    /** The technician cancelled the procedure. */
    CANCELLED;

    /** The word in the log: {@code accepted}, {@code refused}, {@code failed}, {@code cancelled}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a word of the log. */
    public static AuditOutcome ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
