package org.bmsworkbench.transport.replay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTransportTest {
    @TempDir
    Path dir;

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    private CanChannel open(String uri, RecordingListener r) throws IOException {
        CanChannel ch = new SnapshotTransport(() -> dir).open(ConnectionUri.parse(uri), r);
        ch.control(PlaybackControl.class).orElseThrow().resume();
        return ch;
    }

    @Test
    void playsTheFramesOfTheSnapshotAsFastAsPossibleAndOnce() throws IOException {
        StringBuilder frames = new StringBuilder();
        for (int i = 0; i < 20_000; i++) { // 20,000 s of log: only "max" plays it within the test
            frames.append(String.format("(%d.000000) can0 356#%04X%n", 1_600_000_000 + i, i));
        }
        zip("snap.zip", Map.of("snapshot.json", "{}", "frames.log", frames.toString(), "audit.log", "",
                "manifest.sha256", ""));
        RecordingListener r = new RecordingListener();
        try (CanChannel ch = open("snapshot:snap.zip", r)) {
            r.awaitEnd();
            assertEquals(20_000, r.frames.size());
            assertEquals(0x4E1F, (r.frames.get(19_999).u8(0) << 8) | r.frames.get(19_999).u8(1));
            assertEquals(java.util.List.of("CLOSED: end of log, 20000 frames"), r.states);
            PlaybackControl c = ch.control(PlaybackControl.class).orElseThrow();
            assertEquals(PlaybackControl.AS_FAST_AS_POSSIBLE, c.speed());
            assertEquals(20_000, c.totalFrames());
        }
    }

    @Test
    void aSnapshotSeeksInsideItsZipEntry() throws IOException {
        StringBuilder frames = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            frames.append(String.format("(1600000000.%06d) can0 356#%06X%n", i * 10, i));
        }
        zip("big.zip", Map.of("frames.log", frames.toString()));
        RecordingListener r = new RecordingListener();
        try (CanChannel ch = open("snapshot:big.zip?speed=1", r)) {
            PlaybackControl c = ch.control(PlaybackControl.class).orElseThrow();
            c.pause();
            RecordingListener.await(() -> c.totalFrames() == 100_000, "the index pass");
            c.seek(1_600_000_000_000_000L + 900_000); // frame 90,000, in the second 1 MiB block
            c.setSpeed(PlaybackControl.AS_FAST_AS_POSSIBLE);
            c.resume();
            r.awaitEnd();
            int before = r.frames.size() - 10_000;
            assertEquals(90_000, (r.frames.get(before).u8(0) << 16) | (r.frames.get(before).u8(1) << 8)
                    | r.frames.get(before).u8(2));
            assertEquals(10_000, c.framesPlayed());
        }
    }

    @Test
    void aZipWithoutFramesOrNoZipAtAllIsAClearIOException() throws IOException {
        zip("other.zip", Map.of("readme.txt", "hello"));
        IOException e = assertThrows(IOException.class, () -> open("snapshot:other.zip", new RecordingListener()));
        assertEquals("cannot replay other.zip: not a system snapshot (it has no frames.log entry)", e.getMessage());
        Files.writeString(dir.resolve("fake.zip"), "(1600000000.000000) can0 356#00\n");
        IOException notZip = assertThrows(IOException.class, () -> open("snapshot:fake.zip", new RecordingListener()));
        assertTrue(notZip.getMessage().startsWith("cannot replay fake.zip: not a ZIP file"), notZip.getMessage());
        IOException missing = assertThrows(IOException.class, () -> open("snapshot:gone.zip", new RecordingListener()));
        assertTrue(missing.getMessage().startsWith("cannot replay gone.zip: no such file"), missing.getMessage());
    }

    @Test
    void optionsAreCheckedLikeReplays() {
        SnapshotTransport t = new SnapshotTransport(() -> dir);
        assertThrows(org.bmsworkbench.can.InvalidUriException.class,
                () -> t.validate(ConnectionUri.parse("snapshot:s.zip?speed=none")));
        assertThrows(org.bmsworkbench.can.InvalidUriException.class,
                () -> t.validate(ConnectionUri.parse("snapshot:s.zip?entry=x")));
        t.validate(ConnectionUri.parse("snapshot:s.zip?speed=1&loop=true"));
    }
}
