package org.bmsworkbench.service.unlock;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.can.Connection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes and opens system snapshots: one ZIP a dealer can read, with exactly five entries —
 * {@code snapshot.json} (tool and bundle versions, time, connection and protocol, device
 * identity, every readable register with value, raw bytes and unit, the current signals, the
 * alarms and warnings with their history, the diagnosis), {@code frames.log} (the last ten
 * minutes of raw frames, candump {@code -L}), {@code audit.log} (this device's audit entries),
 * {@code report.html} (the same for any browser, with plots of the last ten minutes) and
 * {@code manifest.sha256} ({@code sha256sum} format for the other four).
 */
@ProviderType
public interface SystemSnapshots {
    String SNAPSHOT_JSON = "snapshot.json";
    String FRAMES_LOG = "frames.log";
    String AUDIT_LOG = "audit.log";
    String MANIFEST = "manifest.sha256";

    /**
     * Takes a snapshot of a live connection into {@code target} (written to a temporary file
     * next to it, then moved into place). Waits for frames as {@code options} says, reads the
     * registers, diagnoses, writes. Runs on the service's thread; completes exceptionally only
     * with a {@link SnapshotException}.
     *
     * @param progress told of each phase in one line ("reading 47 registers"); may be null
     */
    CompletableFuture<SnapshotFile> capture(Connection connection, BmsModel model, Path target, SnapshotOptions options,
            Consumer<String> progress);

    /**
     * Opens a snapshot and verifies it: the entries present (four in snapshots written before
     * {@code report.html}), none extra, each hash of the manifest matching, sizes and JSON nesting
     * within bounds. Reads the file: call it off a UI thread.
     *
     * @throws SnapshotException when the file is missing, not a ZIP, lacks an entry or holds an unexpected
     *                           or unsafe one, a hash does not match, or an entry or the JSON is out of bounds
     */
    SystemSnapshot open(Path zip) throws SnapshotException;

    /** SHA-256 of a file, 64 lower-case hex digits. */
    String sha256(Path file) throws IOException;
}
