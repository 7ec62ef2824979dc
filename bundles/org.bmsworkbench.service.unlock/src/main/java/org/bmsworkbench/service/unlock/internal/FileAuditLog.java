package org.bmsworkbench.service.unlock.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
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

    private static final String HASH = "hash";
    /** The last member of every line: {@code ,"hash":"} 64 hex digits {@code "}. */
    private static final byte[] HASH_PREFIX = (",\"" + HASH + "\":\"").getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_MEMBER_LENGTH = HASH_PREFIX.length + 64 + 2;

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
                byte[] line = line(time, record, previous);
                String hash = hashOf(previous, line, line.length - 1);
                channel.position(channel.size());
                ByteBuffer bytes = ByteBuffer.wrap(line);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
                return new AuditEntry(time, record, previous, hash);
            }
        }
    }

    /**
     * One line as written: the record's members through a {@link JsonGenerator}, then {@code hash} =
     * SHA-256({@code prev} + the bytes written so far + "}"), then "}" and a line feed.
     */
    private static byte[] line(Instant time, AuditRecord r, String previous) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeStringField("time", time.toString());
            g.writeStringField("serial", r.serial());
            g.writeStringField("uri", r.uri());
            g.writeStringField("step", r.step());
            g.writeStringField("outcome", r.outcome().word());
            g.writeStringField("reason", r.reason());
            g.writeStringField("snapshot_sha256", r.snapshotSha256());
            g.writeStringField("prev", previous);
            g.flush();
            byte[] body = out.toByteArray();
            MessageDigest d = Sha256.digest();
            d.update(previous.getBytes(StandardCharsets.US_ASCII));
            d.update(body);
            d.update((byte) '}');
            g.writeStringField(HASH, HexFormat.of().formatHex(d.digest()));
            g.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * The hash of a line as written: SHA-256 of {@code previous} and the line's bytes without its
     * last member {@code ,"hash":"…"} ({@code end} is the index after the line's closing brace).
     *
     * @return the hash, or null when the line does not end with a hash member
     */
    public static String hashOf(String previous, byte[] line, int end) {
        int member = end - HASH_MEMBER_LENGTH;
        if (member < 1 || line[end - 1] != '}' || !Arrays.equals(line, member, member + HASH_PREFIX.length, HASH_PREFIX, 0,
                HASH_PREFIX.length) || line[end - 2] != '"') {
            return null;
        }
        MessageDigest d = Sha256.digest();
        d.update(previous.getBytes(StandardCharsets.US_ASCII));
        d.update(line, 0, member);
        d.update((byte) '}');
        return HexFormat.of().formatHex(d.digest());
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

    /**
     * Checks the chain over the file's bytes: each line (ended by a line feed; blank lines skipped)
     * must be an entry whose {@code prev} is the line before's {@code hash} and whose {@code hash}
     * is SHA-256({@code prev} + the line's own bytes without {@code ,"hash":"…"}). Nothing is
     * re-serialised, so how a writer formats its JSON never matters.
     */
    @Override
    public AuditVerification verify() throws IOException {
        if (!Files.exists(path)) {
            return new AuditVerification(true, 0, "");
        }
        byte[] all = Files.readAllBytes(path);
        String previous = AuditEntry.GENESIS;
        int n = 0;
        for (int start = 0; start < all.length;) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            byte[] line = Arrays.copyOfRange(all, start, end);
            start = end + 1;
            String text = new String(line, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                continue;
            }
            n++;
            AuditEntry entry;
            try {
                entry = parse(text);
            } catch (RuntimeException e) {
                return new AuditVerification(false, n, "line " + n + " is not an audit entry: " + e.getMessage());
            }
            String expected = hashOf(previous, line, line.length);
            if (expected == null) {
                return new AuditVerification(false, n, "line " + n + " is not an audit entry: it does not end with "
                        + ",\"hash\":\"<64 hex digits>\"}");
            }
            if (!previous.equals(entry.previousHash())) {
                return new AuditVerification(false, n, "line " + n + " does not chain to the line before it"
                        + " (a line was removed, inserted or changed)");
            }
            if (!expected.equals(entry.hash()) || !Arrays.equals(line, line.length - 66, line.length - 2,
                    expected.getBytes(StandardCharsets.US_ASCII), 0, 64)) {
                return new AuditVerification(false, n, "line " + n + ": hash does not match its content (the line was changed)");
            }
            previous = expected;
        }
        return new AuditVerification(true, n, "");
    }
}
