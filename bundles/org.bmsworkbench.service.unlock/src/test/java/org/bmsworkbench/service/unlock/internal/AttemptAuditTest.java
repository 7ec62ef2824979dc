package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.service.unlock.AuditEntry;
import org.bmsworkbench.service.unlock.AuditLog;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.AuditRecord;
import org.bmsworkbench.service.unlock.AuditVerification;
import org.bmsworkbench.service.unlock.UnlockStep;
import org.junit.jupiter.api.Test;

/** One attempt's audit: what each record holds, and a log that cannot be written reported, not thrown. */
class AttemptAuditTest {
    private final List<AuditRecord> written = new ArrayList<>();
    private boolean broken;

    private final AuditLog log = new AuditLog() {
        @Override
        public Path path() {
            return Path.of("/var/audit.log");
        }

        @Override
        public AuditEntry append(AuditRecord record) throws IOException {
            if (broken) {
                throw new IOException("No space left on device");
            }
            written.add(record);
            return null;
        }

        @Override
        public List<AuditEntry> entries() {
            return List.of();
        }

        @Override
        public List<String> linesFor(String serial) {
            return List.of();
        }

        @Override
        public AuditVerification verify() {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void eachCallIsOneRecordOfTheDeviceTheConnectionTheStepAndTheSnapshot() {
        AttemptAudit audit = new AttemptAudit(log, "sim:?protocol=nmea2000");
        assertEquals("", audit.append("HQ2245ABCDE", UnlockStep.SEND_CODE, AuditOutcome.REFUSED,
                "the BMS refused the code: ACK 0x8100", "ab12"));
        assertEquals(List.of(new AuditRecord("HQ2245ABCDE", "sim:?protocol=nmea2000", "send-code",
                AuditOutcome.REFUSED, "the BMS refused the code: ACK 0x8100", "ab12")), written);
    }

    @Test
    void aLogThatCannotBeWrittenIsReportedWithItsPath() {
        broken = true;
        String problem = new AttemptAudit(log, "slcan:/dev/ttyACM0").append("unknown", UnlockStep.CONFIRM_LOCK,
                AuditOutcome.ACCEPTED, "Safety lock confirmed", "");
        assertEquals("cannot write the audit log /var/audit.log: No space left on device", problem);
        assertTrue(written.isEmpty());
    }
}
