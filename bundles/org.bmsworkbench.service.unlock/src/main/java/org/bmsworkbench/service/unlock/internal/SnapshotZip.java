package org.bmsworkbench.service.unlock.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogWriter;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogFormat;
import org.bmsworkbench.can.log.LogParseException;
import org.bmsworkbench.service.unlock.RegisterReading;
import org.bmsworkbench.service.unlock.SnapshotException;
import org.bmsworkbench.service.unlock.SystemSnapshot;
import org.bmsworkbench.service.unlock.SystemSnapshots;
import org.bmsworkbench.service.unlock.internal.report.ReportPage;

/**
 * The snapshot ZIP: exactly {@code snapshot.json}, {@code frames.log} (candump {@code -L}),
 * {@code audit.log}, {@code report.html} (the page a dealer opens in a browser, {@link ReportPage})
 * and {@code manifest.sha256} ({@code sha256sum} lines, "HASH  NAME", for the other four), written
 * in that order; and reading it back with every hash checked ({@link SnapshotArchive}).
 */
public final class SnapshotZip {

    private SnapshotZip() {
    }

    /**
     * Writes the ZIP to a temporary file beside {@code target} and moves it into place.
     *
     * @return the SHA-256 of the whole ZIP
     */
    public static String write(Path target, Map<String, Object> document, List<CanFrame> frames, List<String> auditLines)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(SystemSnapshots.SNAPSHOT_JSON, Json.pretty(document).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (CanLogWriter w = CanLogs.writer(log, LogFormat.CANDUMP_L)) {
            for (CanFrame f : frames) {
                w.write(f);
            }
        }
        entries.put(SystemSnapshots.FRAMES_LOG, log.toByteArray());
        StringBuilder audit = new StringBuilder();
        auditLines.forEach(l -> audit.append(l).append('\n'));
        entries.put(SystemSnapshots.AUDIT_LOG, audit.toString().getBytes(StandardCharsets.UTF_8));
        entries.put(SnapshotArchive.REPORT_HTML, ReportPage.html(document).getBytes(StandardCharsets.UTF_8));
        StringBuilder manifest = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            manifest.append(Sha256.of(e.getValue())).append("  ").append(e.getKey()).append('\n');
        }
        entries.put(SystemSnapshots.MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));

        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "the folder does not exist");
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setTime(System.currentTimeMillis());
                    zip.putNextEntry(entry);
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return Sha256.of(absolute);
    }

    /** Opens and verifies a snapshot (see {@link SnapshotArchive} for what is refused). */
    public static SystemSnapshot open(Path zip) throws SnapshotException {
        return open(zip, SnapshotArchive.read(zip));
    }

    /** A snapshot of entries already read and verified. */
    public static SystemSnapshot open(Path zip, SnapshotArchive.Contents contents) throws SnapshotException {
        Map<String, byte[]> entries = contents.entries();
        Map<String, Object> document = contents.document();
        String sha256 = contents.sha256();
        List<CanFrame> frames = new ArrayList<>();
        String source = zip + "!" + SystemSnapshots.FRAMES_LOG;
        try (CanLogReader r = CanLogs.open(new ByteArrayInputStream(entries.get(SystemSnapshots.FRAMES_LOG)), source,
                LogFormat.CANDUMP_L, null)) {
            CanFrame f;
            while ((f = r.next()) != null) {
                frames.add(f);
            }
        } catch (LogParseException e) {
            throw new SnapshotException(e.getMessage(), e);
        } catch (IOException e) {
            throw new SnapshotException("cannot read " + source + ": " + e, e);
        }
        List<String> audit = new String(entries.get(SystemSnapshots.AUDIT_LOG), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).toList();
        return new SystemSnapshot(zip, sha256, document, registers(document, zip), frames, audit);
    }

    @SuppressWarnings("unchecked")
    private static List<RegisterReading> registers(Map<String, Object> document, Path zip) throws SnapshotException {
        List<RegisterReading> list = new ArrayList<>();
        if (!(document.get("registers") instanceof List<?> rows)) {
            return list;
        }
        for (Object row : rows) {
            try {
                Map<String, Object> m = (Map<String, Object>) row;
                Map<String, String> units = new LinkedHashMap<>();
                ((Map<String, Object>) m.get("units")).forEach((k, v) -> units.put(k, String.valueOf(v)));
                list.add(new RegisterReading(Integer.decode((String) m.get("id")), (String) m.get("name"),
                        (String) m.get("outcome"), (Map<String, Object>) m.get("values"), units, (String) m.get("raw"),
                        (String) m.get("message")));
            } catch (ClassCastException | NullPointerException | NumberFormatException e) {
                throw new SnapshotException(zip + "!" + SystemSnapshots.SNAPSHOT_JSON + ": register row " + (list.size() + 1)
                        + " is not readable");
            }
        }
        return list;
    }
}
