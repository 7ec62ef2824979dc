package org.bmsworkbench.service.unlock;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log, a JSON object:
 * {@code {"time":"…Z","serial":…,"uri":…,"step":…,"outcome":…,"reason":…,"snapshot_sha256":…,"prev":…,"hash":…}}.
 * {@code hash} is the SHA-256 of {@code prev} followed by the line's JSON up to (without) the
 * {@code hash} member; {@code prev} is the previous line's {@code hash} (64 zeros for the first
 * line). Changing, removing or reordering a line breaks the chain from there on.
 */
public record AuditEntry(Instant time, AuditRecord record, String previousHash, String hash) {
    /** The {@code prev} of the first line. */
    public static final String GENESIS = "0".repeat(64);

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
