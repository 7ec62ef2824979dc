package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.service.unlock.AuditEntry;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.AuditRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log: JSON lines, append-only, hash-chained; a changed, removed or inserted line shows. */
class FileAuditLogTest {
    @TempDir
    Path dir;

    private FileAuditLog log() {
        return new FileAuditLog(dir.resolve("sub/audit.log"), Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"),
                ZoneOffset.UTC));
    }

    private static AuditRecord record(String serial, String step, AuditOutcome outcome) {
        return new AuditRecord(serial, "sim:", step, outcome, "because \"quoted\"\nnew line", "ab".repeat(32));
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(dir.resolve("sub/audit.log"), StandardCharsets.UTF_8);
    }

    @Test
    void entriesAreJsonLinesChainedFromGenesis() throws Exception {
        FileAuditLog log = log();
        AuditEntry first = log.append(record("A1", "confirm-lock", AuditOutcome.ACCEPTED));
        AuditEntry second = log.append(record("B2", "send-code", AuditOutcome.REFUSED));
        assertEquals(AuditEntry.GENESIS, first.previousHash());
        assertEquals(first.hash(), second.previousHash());
        List<String> lines = lines();
        assertEquals(2, lines.size());
        Map<String, Object> o = Json.object(lines.get(1));
        assertEquals(List.of("time", "serial", "uri", "step", "outcome", "reason", "snapshot_sha256", "prev", "hash"),
                List.copyOf(o.keySet()));
        assertEquals("refused", o.get("outcome"));
        assertEquals("because \"quoted\"\nnew line", o.get("reason"));
        assertEquals(List.of(first, second).stream().map(AuditEntry::record).toList(),
                log.entries().stream().map(AuditEntry::record).toList());
        assertTrue(log.verify().intact());
        assertEquals(List.of(lines.get(1)), log.linesFor("B2"));
        // another instance (another process) continues the same chain
        AuditEntry third = new FileAuditLog(dir.resolve("sub/audit.log"), Clock.systemUTC())
                .append(record("A1", "result", AuditOutcome.ACCEPTED));
        assertEquals(second.hash(), third.previousHash());
        assertEquals(3, log.verify().entries());
    }

    @Test
    void aChangedLineBreaksTheChain() throws Exception {
        FileAuditLog log = log();
        for (int i = 0; i < 3; i++) {
            log.append(record("A1", "send-code", AuditOutcome.REFUSED));
        }
        List<String> lines = new ArrayList<>(lines());
        lines.set(1, lines.get(1).replace("\"refused\"", "\"accepted\""));
        Files.write(dir.resolve("sub/audit.log"), lines);
        var v = log.verify();
        assertFalse(v.intact());
        assertEquals("line 2: hash does not match its content (the line was changed)", v.problem());
    }

    @Test
    void aRemovedLineBreaksTheChain() throws Exception {
        FileAuditLog log = log();
        for (int i = 0; i < 3; i++) {
            log.append(record("A1", "checklist", AuditOutcome.REFUSED));
        }
        List<String> lines = new ArrayList<>(lines());
        lines.remove(1);
        Files.write(dir.resolve("sub/audit.log"), lines);
        var v = log.verify();
        assertFalse(v.intact());
        assertTrue(v.problem().startsWith("line 2 does not chain"), v.problem());
    }

    @Test
    void aDamagedLastLineIsReportedAndTheNextEntryStillChains() throws Exception {
        FileAuditLog log = log();
        log.append(record("A1", "checklist", AuditOutcome.REFUSED));
        Files.writeString(dir.resolve("sub/audit.log"), "not json\n", java.nio.file.StandardOpenOption.APPEND);
        AuditEntry next = log.append(record("A1", "checklist", AuditOutcome.ACCEPTED));
        assertEquals(Sha256.of("not json"), next.previousHash());
        String problem = log.verify().problem();
        assertTrue(problem.startsWith("line 2 is not an audit entry: Unrecognized token 'not'"), problem);
        assertFalse(problem.contains("\n"), problem);
        assertEquals(2, log.entries().size(), "readable entries are still read");
    }

    /**
     * A log written before jackson-jr, by the hand-written writer (17 lines, two devices, reasons with
     * quotes, a backslash, tab, CR LF, a control character and non-ASCII text), still verifies: its
     * hashes were over SHA-256(prev + the line without its hash member), i.e. over the bytes written.
     */
    @Test
    void aLogWrittenBeforeJacksonStillVerifies() throws Exception {
        FileAuditLog log = legacy(legacyLines());
        var v = log.verify();
        assertTrue(v.intact(), v.problem());
        assertEquals(17, v.entries());
        assertEquals(17, log.entries().size());
        assertEquals("cancelled by the user\r\n(window closed)\u0007", log.entries().get(15).record().reason());
        // and the chain goes on with lines written through Jackson
        AuditEntry next = log.append(record("HQ2231XK7QF", "confirm-lock", AuditOutcome.ACCEPTED));
        assertEquals(log.entries().get(16).hash(), next.previousHash());
        assertEquals(18, log.verify().entries());
        assertTrue(log.verify().intact(), log.verify().problem());
    }

    @Test
    void aTamperedLegacyLogIsRefusedNamingTheLine() throws Exception {
        // one byte changed: "0x0A" to "0x0B" in line 7's reason
        List<byte[]> lines = legacyLines();
        String seventh = new String(lines.get(6), StandardCharsets.UTF_8);
        assertTrue(seventh.contains("of node 0x0A"), seventh);
        lines.set(6, seventh.replace("of node 0x0A", "of node 0x0B").getBytes(StandardCharsets.UTF_8));
        assertEquals("line 7: hash does not match its content (the line was changed)", legacy(lines).verify().problem());
        // a line removed
        lines = legacyLines();
        lines.remove(4);
        assertEquals("line 5 does not chain to the line before it (a line was removed, inserted or changed)",
                legacy(lines).verify().problem());
        // two lines swapped
        lines = legacyLines();
        lines.add(9, lines.remove(10));
        assertEquals("line 10 does not chain to the line before it (a line was removed, inserted or changed)",
                legacy(lines).verify().problem());
        // the same content formatted otherwise (a space after a colon): the bytes differ, so does the hash
        lines = legacyLines();
        lines.set(2, new String(lines.get(2), StandardCharsets.UTF_8).replace("\"step\":", "\"step\": ")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("line 3: hash does not match its content (the line was changed)", legacy(lines).verify().problem());
        // the hash member not last
        lines = legacyLines();
        String first = new String(lines.get(0), StandardCharsets.UTF_8);
        lines.set(0, (first.substring(0, first.length() - 1) + ",\"x\":1}").getBytes(StandardCharsets.UTF_8));
        assertEquals("line 1 is not an audit entry: it does not end with ,\"hash\":\"<64 hex digits>\"}",
                legacy(lines).verify().problem());
    }

    private static List<byte[]> legacyLines() throws Exception {
        byte[] all;
        try (var in = FileAuditLogTest.class.getResourceAsStream("legacy-audit.log")) {
            all = in.readAllBytes();
        }
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        assertEquals(all.length, start, "the resource ends with a line feed");
        return lines;
    }

    private FileAuditLog legacy(List<byte[]> lines) throws Exception {
        Path file = dir.resolve("legacy/audit.log");
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.write(l);
            out.write('\n');
        }
        Files.write(file, out.toByteArray());
        return new FileAuditLog(file, Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));
    }
}
