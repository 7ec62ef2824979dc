package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals("line 2 is not an audit entry: expected a JSON object", log.verify().problem()
                .replaceAll(":.*", ": expected a JSON object"));
        assertEquals(2, log.entries().size(), "readable entries are still read");
    }
}
