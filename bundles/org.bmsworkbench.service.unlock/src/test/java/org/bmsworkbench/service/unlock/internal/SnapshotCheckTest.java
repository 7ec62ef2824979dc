package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.service.unlock.DeviceIdentity;
import org.bmsworkbench.service.unlock.DeviceKind;
import org.bmsworkbench.service.unlock.SnapshotOptions;
import org.bmsworkbench.service.unlock.SystemSnapshot;
import org.bmsworkbench.service.unlock.SystemSnapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a snapshot may stand for the attempt, and still does when the code is sent. */
class SnapshotCheckTest {
    private static final Path FILE = Path.of("snapshot.zip");
    @TempDir
    Path dir;

    private static SystemSnapshot snapshot(String serial, String status) {
        return new SystemSnapshot(FILE, "00", Map.of("device", Map.of("serial", serial), "diagnosis",
                Map.of("status", status), "created", "2026-12-06T10:00:00Z"), List.of(), List.of(), List.of());
    }

    private static DeviceIdentity device(String serial) {
        return new DeviceIdentity(serial, "bms.serial", null, "", "", DeviceKind.REAL);
    }

    @Test
    void aSnapshotOfThisLockedDeviceIsTaken() {
        assertNull(SnapshotCheck.refusal(FILE, snapshot("HQ2245ABCDE", "SAFETY_LOCK"), device("HQ2245ABCDE")));
        // an unknown serial on either side cannot be compared, and is not held against the snapshot
        assertNull(SnapshotCheck.refusal(FILE, snapshot("unknown", "SAFETY_LOCK"), device("HQ2245ABCDE")));
        assertNull(SnapshotCheck.refusal(FILE, snapshot("HQ2245ABCDE", "SAFETY_LOCK"), device(null)));
    }

    @Test
    void aSnapshotOfAnotherDeviceOrWithoutTheLockIsRefused() {
        assertEquals("snapshot snapshot.zip is of the BMS with serial HQ2012ZZZZZ, not of this one (HQ2245ABCDE)",
                SnapshotCheck.refusal(FILE, snapshot("HQ2012ZZZZZ", "SAFETY_LOCK"), device("HQ2245ABCDE")));
        assertEquals("snapshot snapshot.zip does not show a Safety lock (its diagnosis: OTHER_ERROR); take a snapshot"
                + " of the failed system",
                SnapshotCheck.refusal(FILE, snapshot("HQ2245ABCDE", "OTHER_ERROR"), device("HQ2245ABCDE")));
    }

    @Test
    void aSnapshotThatIsGoneOrChangedNoLongerStands() throws IOException {
        SnapshotCheck check = new SnapshotCheck(new Sha256Only());
        Path zip = Files.writeString(dir.resolve("s.zip"), "first");
        String sha = new Sha256Only().sha256(zip);
        assertNull(check.changed(zip, sha));
        Files.writeString(zip, "second");
        String now = new Sha256Only().sha256(zip);
        assertEquals("the snapshot " + zip + " has changed since it was checked (SHA-256 " + now + ", was " + sha
                + "); check it again", check.changed(zip, sha));
        Files.delete(zip);
        assertEquals("the snapshot " + zip + " is missing: nothing goes further without it", check.changed(zip, sha));
        assertEquals("the snapshot null is missing: nothing goes further without it", check.changed(null, ""));
    }

    /** Only what the check uses: the file's SHA-256. */
    private static final class Sha256Only implements SystemSnapshots {
        @Override
        public String sha256(Path file) throws IOException {
            return Sha256.of(Files.readAllBytes(file));
        }

        @Override
        public java.util.concurrent.CompletableFuture<org.bmsworkbench.service.unlock.SnapshotFile> capture(
                org.bmsworkbench.can.Connection connection, org.bmsworkbench.bms.BmsModel model, Path target,
                SnapshotOptions options, java.util.function.Consumer<String> progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SystemSnapshot open(Path file) {
            throw new UnsupportedOperationException();
        }
    }
}
