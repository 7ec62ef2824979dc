package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bmsworkbench.bms.registers.Outcome;
import org.bmsworkbench.bms.registers.RegisterResult;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.protocol.vreg.codec.VregCatalogue;
import org.bmsworkbench.service.unlock.RegisterReading;
import org.bmsworkbench.service.unlock.SnapshotException;
import org.bmsworkbench.service.unlock.SystemSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot ZIP: exactly five entries, a sha256sum manifest, and a round trip of registers and frames. */
class SnapshotZipTest {
    @TempDir
    Path dir;

    private static List<RegisterReading> registers() {
        List<RegisterReading> list = new ArrayList<>();
        list.add(SnapshotCapture.reading(new RegisterResult(0xED8D, 0x50, Outcome.OK, null, Map.of("pack.voltage", 53.0),
                "B414", 1, "ok"), VregCatalogue.INSTANCE.find(0xED8D).orElseThrow()));
        list.add(SnapshotCapture.reading(new RegisterResult(0x0371, 0x50, Outcome.OK, null, Map.of("bms.state", 10L),
                "0A", 1, "ok"), VregCatalogue.INSTANCE.find(0x0371).orElseThrow()));
        list.add(SnapshotCapture.reading(new RegisterResult(0x0386, 0x50, Outcome.OK, null,
                Map.of("cell.temperature.min", 20.15, "cell.temperature.max", 21.0), "B4725072", 1, "ok"),
                VregCatalogue.INSTANCE.find(0x0386).orElseThrow()));
        list.add(SnapshotCapture.reading(new RegisterResult(0x010A, 0x50, Outcome.UNKNOWN_REGISTER, 0x8000, Map.of(),
                "", 1, "node 0x50 answered with ACK 0x8000"), VregCatalogue.INSTANCE.find(0x010A).orElseThrow()));
        return list;
    }

    private static List<CanFrame> frames() {
        List<CanFrame> frames = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            frames.add(CanFrame.of(1_700_000_000_000_000L + i * 100_000L, "can0", 0x1CEFFF50, true,
                    (byte) 0x66, (byte) 0x99, (byte) 0x8D, (byte) 0xED, (byte) i, (byte) 0x14, (byte) 0xFF, (byte) 0xFF));
            frames.add(CanFrame.of(1_700_000_000_050_000L + i * 100_000L, "can0", 0x356, false, (byte) 0xC0, (byte) 0x14));
        }
        frames.add(CanFrame.of(1_700_000_010_000_000L, "can0", 0x1CEF5020, true, (byte) 0x66, (byte) 0x99,
                (byte) 0x10, (byte) 0xEE, (byte) 0x4D, (byte) 0x3C, (byte) 0x2B, (byte) 0x1A).withDirection(Direction.TX));
        return frames;
    }

    private Path write(Path zip) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("created", "2025-06-01T12:00:00Z");
        doc.put("device", Map.of("serial", "HQ2012ABCDE"));
        doc.put("connection", Map.of("uri", "slcan:/dev/ttyACM0"));
        doc.put("diagnosis", Map.of("status", "SAFETY_LOCK"));
        List<Object> rows = new ArrayList<>();
        for (RegisterReading r : registers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.idHex());
            m.put("name", r.name());
            m.put("outcome", r.outcome());
            m.put("values", r.values());
            m.put("units", r.units());
            m.put("raw", r.raw());
            m.put("message", r.message());
            rows.add(m);
        }
        doc.put("registers", rows);
        SnapshotZip.write(zip, doc, frames(), List.of("{\"serial\":\"HQ2012ABCDE\"}"));
        return zip;
    }

    @Test
    void writtenThenOpenedGivesTheSameRegistersAndFrames() throws Exception {
        Path zip = write(dir.resolve("s.zip"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(List.of("snapshot.json", "frames.log", "audit.log", "report.html", "manifest.sha256"),
                    z.stream().map(ZipEntry::getName).toList());
            String manifest = new String(z.getInputStream(z.getEntry("manifest.sha256")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(manifest.matches("([0-9a-f]{64}  (snapshot\\.json|frames\\.log|audit\\.log|report\\.html)\n){4}"), manifest);
        }
        SystemSnapshot s = SnapshotZip.open(zip);
        assertEquals(registers(), s.registers());
        assertEquals(frames(), s.frames());
        assertEquals("HQ2012ABCDE", s.deviceSerial());
        assertEquals(Sha256.of(zip), s.sha256());
        assertEquals(List.of("{\"serial\":\"HQ2012ABCDE\"}"), s.auditLines());
        assertEquals(Double.class, s.registers().get(2).values().get("cell.temperature.max").getClass(),
                "21.0 stays a decimal");
    }

    @Test
    void aChangedEntryOrAMissingOneIsRefused() throws Exception {
        Path zip = write(dir.resolve("s.zip"));
        Path changed = rezip(zip, dir.resolve("changed.zip"), "frames.log", "(1700000000.000000) can0 356#00\n");
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotZip.open(changed));
        assertTrue(e.getMessage().endsWith("the SHA-256 of frames.log does not match the manifest (the file was changed)"),
                e.getMessage());
        Path missing = rezip(zip, dir.resolve("missing.zip"), "audit.log", null);
        assertTrue(assertThrows(SnapshotException.class, () -> SnapshotZip.open(missing)).getMessage()
                .endsWith("has no audit.log"));
        Path notZip = Files.writeString(dir.resolve("text.zip"), "hello");
        assertTrue(assertThrows(SnapshotException.class, () -> SnapshotZip.open(notZip)).getMessage()
                .contains("not a ZIP file"));
        assertTrue(assertThrows(SnapshotException.class, () -> SnapshotZip.open(dir.resolve("none.zip"))).getMessage()
                .endsWith("none.zip does not exist"));
    }

    /**
     * A snapshot.json nested deeper than 100 or holding a string over 1 MiB is refused in one line
     * even when the manifest matches it (jackson-core's StreamReadConstraints, set in Json).
     */
    @Test
    void aDeeplyNestedOrHugeSnapshotJsonIsRefusedInOneLine() throws Exception {
        Path zip = write(dir.resolve("s.zip"));
        String deep = "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}";
        Path nested = rezip(rezip(zip, dir.resolve("n1.zip"), "snapshot.json", deep), dir.resolve("nested.zip"),
                "manifest.sha256", manifest(zip, deep));
        String problem = assertThrows(SnapshotException.class, () -> SnapshotZip.open(nested)).getMessage();
        assertTrue(problem.contains("nested.zip!snapshot.json line 1 column ") && problem.endsWith(
                ": Document nesting depth (101) exceeds the maximum allowed (100, from getMaxNestingDepth())"), problem);
        String huge = "{\"a\":\"" + "x".repeat((1 << 20) + 1) + "\"}";
        Path big = rezip(rezip(zip, dir.resolve("b1.zip"), "snapshot.json", huge), dir.resolve("big.zip"),
                "manifest.sha256", manifest(zip, huge));
        problem = assertThrows(SnapshotException.class, () -> SnapshotZip.open(big)).getMessage();
        assertTrue(problem.contains("big.zip!snapshot.json line 1 column ") && problem.contains("String value length") && !problem.contains("\n"), problem);
    }

    /** The manifest of {@code zip}'s entries with {@code snapshotJson} for snapshot.json. */
    private static String manifest(Path zip, String snapshotJson) throws Exception {
        StringBuilder m = new StringBuilder();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (String name : List.of("snapshot.json", "frames.log", "audit.log", "report.html")) {
                byte[] bytes = name.equals("snapshot.json") ? snapshotJson.getBytes(StandardCharsets.UTF_8)
                        : z.getInputStream(z.getEntry(name)).readAllBytes();
                m.append(Sha256.of(bytes)).append("  ").append(name).append('\n');
            }
        }
        return m.toString();
    }

    /** A copy of {@code zip} with one entry replaced ({@code content}) or dropped (null). */
    private static Path rezip(Path zip, Path target, String name, String content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e : in.stream().toList()) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(name)) {
                    if (content == null) {
                        continue;
                    }
                    bytes = content.getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return Files.write(target, out.toByteArray());
    }
}
