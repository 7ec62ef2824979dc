package org.bmsworkbench.service.unlock.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bmsworkbench.service.unlock.DeviceIdentity;
import org.bmsworkbench.service.unlock.DiagnosisStatus;
import org.bmsworkbench.service.unlock.SystemSnapshot;
import org.bmsworkbench.service.unlock.SystemSnapshots;

/**
 * Whether a system snapshot may stand for an unlock attempt (step 2), and whether it still does
 * when the code is sent (step 5): it is of this device, it shows the Safety lock, and it is still
 * there, unchanged since it was checked. The manifest itself is verified by
 * {@link SystemSnapshots#open} before.
 */
final class SnapshotCheck {
    private final SystemSnapshots snapshots;

    SnapshotCheck(SystemSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Null when {@code s} (read from {@code file}) may be used for {@code device}; else why not. */
    static String refusal(Path file, SystemSnapshot s, DeviceIdentity device) {
        if (device.serialKnown() && !s.deviceSerial().equals(DeviceIdentity.UNKNOWN)
                && !s.deviceSerial().equals(device.serial())) {
            return "snapshot " + file + " is of the BMS with serial " + s.deviceSerial() + ", not of this one ("
                    + device.serial() + ")";
        }
        if (s.diagnosisStatus() != DiagnosisStatus.SAFETY_LOCK) {
            return "snapshot " + file + " does not show a Safety lock (its diagnosis: " + s.diagnosisStatus()
                    + "); take a snapshot of the failed system";
        }
        return null;
    }

    /** Null if the snapshot {@code file}, checked with SHA-256 {@code sha256}, is still there, unchanged; else why not. */
    String changed(Path file, String sha256) {
        if (file == null || !Files.isRegularFile(file)) {
            return "the snapshot " + file + " is missing: nothing goes further without it";
        }
        try {
            String now = snapshots.sha256(file);
            if (!now.equals(sha256)) {
                return "the snapshot " + file + " has changed since it was checked (SHA-256 " + now + ", was "
                        + sha256 + "); check it again";
            }
        } catch (IOException e) {
            return "the snapshot " + file + " cannot be read: " + e.getMessage();
        }
        return null;
    }
}
