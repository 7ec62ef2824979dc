package org.bmsworkbench.service.unlock.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bmsworkbench.service.unlock.AuditEntry;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.AuditRecord;
import org.bmsworkbench.service.unlock.AuditVerification;

/**
 * The audit log in one file of JSON lines, hash-chained (see {@link AuditEntry}). Appends hold a
 * lock per file within this JVM and an exclusive file lock across processes while they read the
 * last line and write the new one. Nothing is ever rewritten.
 */
public final class FileAuditLog implements AuditLog {
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path path;
    private final Clock clock;

    public FileAuditLog(Path path, Clock clock) {
        this.path = path.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public AuditEntry append(AuditRecord record) throws IOException {
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        synchronized (LOCKS.computeIfAbsent(path, p -> new Object())) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                String previous = lastHash(channel);
                Instant time = clock.instant();
                String body = Json.write(body(time, record, previous));
                String hash = Sha256.of(previous + body);
                String line = body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}\n";
                channel.position(channel.size());
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
                return new AuditEntry(time, record, previous, hash);
            }
        }
    }

    private static Map<String, Object> body(Instant time, AuditRecord r, String previous) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time.toString());
        m.put("serial", r.serial());
        m.put("uri", r.uri());
        m.put("step", r.step());
        m.put("outcome", r.outcome().word());
        m.put("reason", r.reason());
        m.put("snapshot_sha256", r.snapshotSha256());
        m.put("prev", previous);
        return m;
    }

    /** The hash the next line chains to: the last line's {@code hash}, or the SHA-256 of a last line that cannot be read. */
    private static String lastHash(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return AuditEntry.GENESIS;
        }
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 8));
        channel.position(0);
        while (all.hasRemaining() && channel.read(all) > 0) {
            // read the whole file: an audit log stays small
        }
        String text = new String(all.array(), 0, all.position(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return AuditEntry.GENESIS;
        }
        String last = lines.get(lines.size() - 1);
        try {
            Object hash = Json.object(last).get("hash");
            if (hash instanceof String s && s.length() == 64) {
                return s;
            }
        } catch (IllegalArgumentException e) {
            // chained to the damaged line's own digest below; verify() reports the damage
        }
        return Sha256.of(last);
    }

    private List<String> lines() throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        return Files.readAllLines(path, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public List<AuditEntry> entries() throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        for (String line : lines()) {
            try {
                entries.add(parse(line));
            } catch (IllegalArgumentException | java.time.DateTimeException | NullPointerException e) {
                // skipped; verify() names it
            }
        }
        return entries;
    }

    @Override
    public List<String> linesFor(String serial) throws IOException {
        List<String> mine = new ArrayList<>();
        for (String line : lines()) {
            try {
                if (serial.equals(Json.object(line).get("serial"))) {
                    mine.add(line);
                }
            } catch (IllegalArgumentException e) {
                // not an entry
            }
        }
        return mine;
    }

    static AuditEntry parse(String line) {
        Map<String, Object> m = Json.object(line);
        AuditRecord r = new AuditRecord(text(m, "serial"), text(m, "uri"), text(m, "step"),
                AuditOutcome.ofWord(text(m, "outcome")), text(m, "reason"), text(m, "snapshot_sha256"));
        return new AuditEntry(Instant.parse(text(m, "time")), r, text(m, "prev"), text(m, "hash"));
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("member " + key + " is missing or not text");
        }
        return s;
    }

    @Override
    public AuditVerification verify() throws IOException {
        List<String> lines = lines();
        String previous = AuditEntry.GENESIS;
        int n = 0;
        for (String line : lines) {
            n++;
            Map<String, Object> m;
            try {
                m = Json.object(line);
                parse(line);
            } catch (RuntimeException e) {
                return new AuditVerification(false, n, "line " + n + " is not an audit entry: " + e.getMessage());
            }
            if (!previous.equals(m.get("prev"))) {
                return new AuditVerification(false, n, "line " + n + " does not chain to the line before it"
                        + " (a line was removed, inserted or changed)");
            }
            Object hash = m.remove("hash");
            String expected = Sha256.of(previous + Json.write(m));
            if (!expected.equals(hash)) {
                return new AuditVerification(false, n, "line " + n + ": hash does not match its content (the line was changed)");
            }
            previous = expected;
        }
        return new AuditVerification(true, n, "");
    }
}
