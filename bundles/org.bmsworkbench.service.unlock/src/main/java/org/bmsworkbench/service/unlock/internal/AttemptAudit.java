package org.bmsworkbench.service.unlock.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.AuditRecord;
import org.bmsworkbench.service.unlock.UnlockStep;

/**
 * The audit of one unlock attempt: every call — accepted, refused, failed, cancelled — becomes one
 * {@link AuditRecord} of the device's serial, the connection, the step, the outcome, the reason and
 * the snapshot in use. A log that cannot be written is reported, never thrown: the procedure
 * decides what may still happen without it (nothing is sent unaudited).
 */
final class AttemptAudit {
    private final AuditLog log;
    private final String uri;

    AttemptAudit(AuditLog log, String uri) {
        this.log = log;
        this.uri = uri;
    }

    /** Appends one record; returns the problem, or empty when written. */
    String append(String serial, UnlockStep step, AuditOutcome outcome, String reason, String snapshotSha256) {
        try {
            log.append(new AuditRecord(serial, uri, step.auditName(), outcome, reason, snapshotSha256));
            return "";
        } catch (IOException | RuntimeException e) {
            return "cannot write the audit log " + log.path() + ": " + e.getMessage();
        }
    }

    /** The log's file, for messages. */
    Path path() {
        return log.path();
    }
}
