package org.bmsworkbench.service.unlock;

import java.util.Objects;

/**
 * What a caller puts in the audit log; the log adds the time and the hash chain.
 *
 * @param serial         the device's serial number, or {@code "unknown"}
 * @param uri            the connection URI
 * @param step           the step: {@code confirm-lock}, {@code snapshot}, {@code checklist}, {@code enter-code},
 *                       {@code send-code}, {@code restart}, {@code result}, {@code cancel}
 * @param outcome        how it ended
 * @param reason         one line
 * @param snapshotSha256 SHA-256 of the snapshot ZIP in use, or empty when there is none yet
 */
public record AuditRecord(String serial, String uri, String step, AuditOutcome outcome, String reason,
        String snapshotSha256) {
    public AuditRecord {
        serial = serial == null || serial.isBlank() ? "unknown" : serial;
        uri = uri == null ? "" : uri;
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
        snapshotSha256 = snapshotSha256 == null ? "" : snapshotSha256;
    }
}
