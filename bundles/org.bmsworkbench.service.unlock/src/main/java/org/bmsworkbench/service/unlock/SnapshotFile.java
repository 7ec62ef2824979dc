package org.bmsworkbench.service.unlock;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot just written.
 *
 * @param path            the ZIP file
 * @param sha256          SHA-256 of the whole ZIP file, 64 lower-case hex digits (what the audit log records)
 * @param createdAt       when it was taken
 * @param deviceSerial    the device's serial number, or {@code "unknown"}
 * @param diagnosis       the diagnosis it contains
 * @param registersRead   registers read successfully
 * @param registersFailed registers that could not be read (no answer, error ACK)
 * @param frames          frames in {@code frames.log}
 * @param collectMillis   how long it waited for frames
 * @param registersMillis how long reading the registers took
 * @param totalMillis     how long the whole snapshot took
 */
public record SnapshotFile(Path path, String sha256, Instant createdAt, String deviceSerial,
        SafetyLockDiagnosis diagnosis, int registersRead, int registersFailed, int frames, long collectMillis,
        long registersMillis, long totalMillis) {
    public SnapshotFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deviceSerial, "deviceSerial");
        Objects.requireNonNull(diagnosis, "diagnosis");
    }
}
