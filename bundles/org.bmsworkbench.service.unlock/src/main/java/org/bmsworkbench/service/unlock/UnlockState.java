package org.bmsworkbench.service.unlock;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where one unlock attempt stands, immutable; the procedure publishes a new one at every change.
 *
 * @param next          the step to be done next (or running now when {@code busy}); null once finished
 * @param busy          true while a step is running (a snapshot being taken, the restart watched)
 * @param message       one line on what is happening or what is expected next
 * @param device        the device's identity (known after step 1)
 * @param diagnosis     the diagnosis of step 1, or null
 * @param snapshotPath  the snapshot in use, or null
 * @param snapshotSha256 its SHA-256, or empty
 * @param checklist     the items confirmed
 * @param code          the code entered, as 8 digits, or empty
 * @param restart       the BMS states seen since the code was sent
 * @param result        the end of the attempt, or null while it goes on
 */
public record UnlockState(UnlockStep next, boolean busy, String message, DeviceIdentity device,
        SafetyLockDiagnosis diagnosis, Path snapshotPath, String snapshotSha256, Set<ChecklistItem> checklist,
        String code, List<RestartObservation> restart, UnlockResult result) {
    public UnlockState {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(device, "device");
        snapshotSha256 = snapshotSha256 == null ? "" : snapshotSha256;
        checklist = Set.copyOf(checklist);
        code = code == null ? "" : code;
        restart = List.copyOf(restart);
    }

    /** True once the attempt has ended (a result, success or not). */
    public boolean finished() {
        return result != null;
    }
}
