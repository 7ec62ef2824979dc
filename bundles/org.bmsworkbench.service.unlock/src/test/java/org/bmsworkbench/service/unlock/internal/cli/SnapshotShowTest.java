package org.bmsworkbench.service.unlock.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.cli.CommandFailure;
import org.bmsworkbench.service.unlock.internal.SnapshotZip;
import org.bmsworkbench.service.unlock.internal.report.ReportPageTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bmswb snapshot show}: the summary of a verified snapshot, and one line for a refused one. */
class SnapshotShowTest {
    @TempDir
    Path dir;

    @Test
    void aVerifiedSnapshotIsSummedUp() throws Exception {
        Path zip = dir.resolve("lock.zip");
        List<CanFrame> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.add(CanFrame.of(1_796_599_200_000_000L + i * 6_000_000L, "can0", 0x356, false, (byte) 0xC0, (byte) 0x14));
        }
        SnapshotZip.write(zip, ReportPageTest.document(), frames, List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotShow.show(zip, "lock.zip", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("snapshot lock.zip: verified, 5 entries (snapshot.json, frames.log, audit.log, report.html,"
                + " manifest.sha256), each matching manifest.sha256", lines.get(0));
        assertTrue(lines.get(1).matches("  sha256 [0-9a-f]{64}"), lines.get(1));
        assertEquals(List.of("  device MG Master LV, serial HQ2012ABCDE, firmware 1.04, on slcan:/dev/ttyACM0",
                "  taken 2026-12-06T23:30:05Z",
                "  diagnosis: safety lock - error 13 (Over voltage detected) is a Safety lock code",
                "  alarms raised: alarm.high_voltage"), lines.subList(2, 6));
        assertTrue(lines.get(6).matches("  registers: \\d+ \\(\\d+ answered\\)"), lines.get(6));
        assertEquals("  frames: 100, 2026-12-06T23:20:00Z to 2026-12-06T23:29:54Z (594.0 s)", lines.get(7));
        assertEquals("  audit log: no lines (no unlock attempt was recorded for this serial)", lines.get(8));
        assertEquals("  report: report.html (open it in a browser)", lines.get(9));
    }

    @Test
    void aRefusedSnapshotIsOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("x.zip"), "not a zip");
        CommandFailure e = assertThrows(CommandFailure.class, () -> SnapshotShow.show(text, "x.zip", System.out));
        assertEquals("snapshot " + text + " is not a ZIP file (no entries)", e.getMessage());
    }
}
