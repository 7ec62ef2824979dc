package org.bmsworkbench.service.unlock;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit log of unlock attempts: JSON lines in one file (by default
 * {@code ~/.bmsworkbench/audit.log}), hash-chained so that a changed or removed line shows.
 * Appends are serialised across threads and, through a file lock, across processes (the wizard
 * and the command line may run at once). The methods do small blocking file I/O: call them off a
 * UI thread (the unlock procedure does).
 */
@ProviderType
public interface AuditLog {
    /** The configuration PID. */
    String PID = "org.bmsworkbench.service.unlock.audit";

    /** The file. */
    Path path();

    /** Appends one entry, chained to the last line of the file. */
    AuditEntry append(AuditRecord record) throws IOException;

    /** Every entry, oldest first (lines that cannot be read are skipped; {@link #verify()} names them). */
    List<AuditEntry> entries() throws IOException;

    /** The raw lines of the entries for one device serial, oldest first (what a snapshot includes). */
    List<String> linesFor(String serial) throws IOException;

    /** Checks the hash chain of the whole file. */
    AuditVerification verify() throws IOException;
}
