package org.bmsworkbench.service.unlock.internal.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.service.unlock.internal.FileAuditLog;
import org.bmsworkbench.service.unlock.internal.Json;

/**
 * Checks the audit lines a snapshot carries (one device's lines of the hash-chained audit log):
 * each line's {@code hash} is the SHA-256 of its {@code prev} and its own bytes without the
 * {@code hash} member, computed on the line as written ({@link FileAuditLog#hashOf}); consecutive lines chain unless lines of
 * other devices lay between them in the log, which the snapshot does not hold.
 */
public final class AuditLines {
    private AuditLines() {
    }

    /** One line for a person: "3 lines, every hash verifies, one unbroken chain" or where it breaks. */
    public static String verify(List<String> lines) {
        if (lines.isEmpty()) {
            return "no lines (no unlock attempt was recorded for this serial)";
        }
        String previous = null;
        int runs = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            Map<String, Object> m;
            try {
                m = Json.object(bytes, "audit.log line " + n);
            } catch (IllegalArgumentException e) {
                return "does NOT verify: " + e.getMessage();
            }
            if (!(m.get("prev") instanceof String prev) || !(m.get("hash") instanceof String hash)
                    || !hash.matches("[0-9a-f]{64}")) {
                return "does NOT verify: line " + n + " has no prev or hash";
            }
            String expected = FileAuditLog.hashOf(prev, bytes, bytes.length);
            if (expected == null || !line.endsWith(",\"hash\":\"" + hash + "\"}")) {
                return "does NOT verify: line " + n + " does not end with its hash";
            }
            if (!expected.equals(hash)) {
                return "does NOT verify: line " + n + ": hash does not match its content (the line was changed)";
            }
            if (!prev.equals(previous)) {
                runs++;
            }
            previous = hash;
        }
        return lines.size() + (lines.size() == 1 ? " line" : " lines") + ", every hash verifies, "
                + (runs == 1 ? "one unbroken chain" : runs + " chained runs (other devices' lines lay between them)");
    }
}
