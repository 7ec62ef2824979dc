package org.bmsworkbench.service.unlock.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.AuditRecord;
import org.bmsworkbench.service.unlock.internal.FileAuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit lines a snapshot carries, checked on the bytes the real audit log wrote (service.unlock README, "The audit log"). */
class AuditLinesTest {
    @TempDir
    Path dir;

    @Test
    void oneDevicesLinesOfARealLogVerifyAndAChangedLineDoesNot() throws Exception {
        FileAuditLog log = new FileAuditLog(dir.resolve("audit.log"), Clock.systemUTC());
        for (String serial : List.of("A1", "A1", "B2", "A1")) {
            log.append(new AuditRecord(serial, "sim:", "confirm-lock", AuditOutcome.ACCEPTED, "é \"q\"", null));
        }
        List<String> a1 = log.linesFor("A1");
        assertEquals("3 lines, every hash verifies, 2 chained runs (other devices' lines lay between them)",
                AuditLines.verify(a1));
        assertEquals("1 line, every hash verifies, one unbroken chain", AuditLines.verify(log.linesFor("B2")));
        assertEquals("no lines (no unlock attempt was recorded for this serial)", AuditLines.verify(List.of()));
        String changed = a1.get(1).replace("confirm-lock", "confirm-lcok");
        assertEquals("does NOT verify: line 2: hash does not match its content (the line was changed)",
                AuditLines.verify(List.of(a1.get(0), changed, a1.get(2))));
        assertEquals(true, AuditLines.verify(List.of("{\"prev\":")).startsWith("does NOT verify: audit.log line 1"));
        assertEquals(4, Files.readAllLines(dir.resolve("audit.log")).size());
    }
}
