package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bmswb snapshot} and {@code bmswb unlock} of the real {@code bin/bmswb} on the simulator's
 * {@code safety-lock} scenario (NMEA 2000 with VREG, ×200 so that the lock and the charger's
 * removal at 300 s are past after the commands' two seconds of watching, --observe): the snapshot ZIP read
 * back, a wrong code refused and audited, no snapshot and an incomplete checklist refused, the
 * right code giving a running BMS.
 */
class UnlockCommandIT {
    private static final String URI = "sim:?protocol=nmea2000&scenario=safety-lock&speed=200";
    private static final String RESTART_WARNING = "The BMS will restart immediately after unlocking. Make sure that"
            + " the installation is safe before beginning the unlock procedure!";
    private static Bmswb bmswb;
    private static Bmswb.Result snapshot;
    private static String code;

    @BeforeAll
    static void snapshotAndCode() {
        bmswb = Bmswb.copy();
        snapshot = bmswb.run("snapshot", "--connect", URI, "--observe", "2", "-o", "lock.zip");
        Bmswb.Result c = bmswb.run("simulate", "unlock-code", "--serial", "MG0000SIM0000001");
        assertEquals(0, c.status(), c::toString);
        code = c.out().strip();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    private static List<Map<String, Object>> audit() throws IOException {
        Path log = bmswb.userDir.resolve("audit.log");
        return Files.readAllLines(log).stream().map(Json::object).toList();
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSnapshotHoldsFiveEntriesAVerifiedManifestTheRegistersAndTheFrames() throws Exception {
        assertEquals(0, snapshot.status(), snapshot::toString);
        Matcher m = Pattern.compile("(\\d+) registers read, (\\d+) not, (\\d+) frames").matcher(snapshot.out());
        assertTrue(m.find(), snapshot::toString);
        assertTrue(snapshot.out().contains("Diagnosis: safety lock"), snapshot::toString);
        assertTrue(snapshot.out().contains("System Snapshot of the failed system is mandatory for the MG dealer to help"
                + " you unlock the system."), snapshot::toString);
        Matcher took = Pattern.compile("took ([0-9.]+) s: frames ([0-9.]+) s, registers ([0-9.]+) s")
                .matcher(snapshot.out());
        assertTrue(took.find(), snapshot::toString);
        System.out.println("UnlockCommandIT: snapshot " + took.group(0) + " (sim ×200), process " + snapshot.millis() + " ms");
        try (ZipFile zip = new ZipFile(bmswb.workDir.resolve("lock.zip").toFile())) {
            assertEquals(List.of("snapshot.json", "frames.log", "audit.log", "report.html", "manifest.sha256"),
                    zip.stream().map(ZipEntry::getName).toList());
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (ZipEntry e : zip.stream().toList()) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
            for (String line : new String(entries.get("manifest.sha256"), StandardCharsets.UTF_8).strip().split("\n")) {
                String name = line.substring(66);
                assertEquals(line.substring(0, 64), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(entries.get(name))), name);
            }
            Map<String, Object> doc = Json.object(new String(entries.get("snapshot.json"), StandardCharsets.UTF_8));
            assertEquals("MG0000SIM0000001", ((Map<String, Object>) doc.get("device")).get("serial"));
            assertEquals("SAFETY_LOCK", ((Map<String, Object>) doc.get("diagnosis")).get("status"));
            List<Map<String, Object>> registers = (List<Map<String, Object>>) doc.get("registers");
            assertEquals(47, registers.size());
            assertEquals(Integer.parseInt(m.group(1)), registers.stream().filter(r -> "OK".equals(r.get("outcome")))
                    .count());
            Map<String, Object> state = registers.stream().filter(r -> "0x0371".equals(r.get("id"))).findFirst()
                    .orElseThrow();
            assertEquals(Map.of("bms.state", new java.math.BigDecimal(10)), state.get("values"));
            assertTrue(((String) state.get("raw")).startsWith("0A"), state::toString);
            int frames = 0;
            try (CanLogReader r = CanLogs.open(new java.io.ByteArrayInputStream(entries.get("frames.log")), "frames.log",
                    LogFormat.CANDUMP_L, null)) {
                CanFrame f;
                while ((f = r.next()) != null) {
                    frames++;
                }
            }
            assertEquals(Integer.parseInt(m.group(3)), frames);
            assertTrue(frames > 100, "frames of the cycle and the register requests: " + frames);
        }
    }

    @Test
    void aWrongCodeIsRefusedByTheBmsAndAudited() throws Exception {
        String wrong = String.format("%08X", Long.parseLong(code, 16) ^ 0x10);
        Bmswb.Result r = bmswb.run("unlock", "--connect", URI, "--snapshot", "lock.zip", "--code", wrong,
                "--confirm-checklist");
        assertEquals(1, r.status(), r::toString);
        assertTrue(lastLine(r.err()).startsWith("bmswb unlock: the BMS refused the code: ACK 0x8100"), r::toString);
        assertTrue(r.out().startsWith(RESTART_WARNING + "\n"), "the guide's warning comes first: " + r);
        List<Map<String, Object>> audit = audit();
        Map<String, Object> last = audit.get(audit.size() - 1);
        assertEquals("send-code", last.get("step"));
        assertEquals("refused", last.get("outcome"));
        assertEquals("MG0000SIM0000001", last.get("serial"));
        assertEquals(URI, last.get("uri"));
        assertEquals(64, ((String) last.get("snapshot_sha256")).length());
    }

    @Test
    void withoutASnapshotNothingGoesFurther() throws Exception {
        Bmswb.Result usage = bmswb.run("unlock", "--connect", URI, "--code", code, "--confirm-checklist");
        assertEquals(2, usage.status(), usage::toString);
        assertTrue(usage.err().startsWith("bmswb unlock: missing --snapshot FILE.zip: System Snapshot of the failed"
                + " system is mandatory"), usage::toString);
        Bmswb.Result missing = bmswb.run("unlock", "--connect", URI, "--snapshot", "none.zip", "--code", code,
                "--confirm-checklist");
        assertEquals(1, missing.status(), missing::toString);
        assertTrue(lastLine(missing.err()).endsWith("none.zip does not exist"), missing::toString);
        Map<String, Object> last = audit().get(audit().size() - 1);
        assertEquals("snapshot", last.get("step"));
        assertEquals("refused", last.get("outcome"));
    }

    @Test
    void anIncompleteChecklistIsRefusedWithTheGuideTextsAsked() throws Exception {
        Bmswb.Result r = bmswb.runWithInput("y\nn\ny\n", "unlock", "--connect", URI, "--snapshot", "lock.zip",
                "--code", code);
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().contains(RESTART_WARNING + "\nThe installation is safe for the BMS to restart now. [y/N] \n"),
                r::toString);
        assertTrue(r.err().contains("Turn OFF DC loads if required to avoid Precharge failure\n"), r::toString);
        assertTrue(r.err().contains("The system can only be unlocked if the following has been validated by a"
                + " MG-qualified technician:\n"), r::toString);
        assertTrue(lastLine(r.err()).startsWith("bmswb unlock: the checklist is not complete: not confirmed: DC loads"),
                r::toString);
        Map<String, Object> last = audit().get(audit().size() - 1);
        assertEquals("checklist", last.get("step"));
        assertEquals("refused", last.get("outcome"));
    }

    @Test
    void theRightCodeGivesARunningBmsWithItsAlarmsCleared() throws Exception {
        Bmswb.Result r = bmswb.runWithInput("y\ny\ny\n", "unlock", "--connect", URI, "--snapshot", "lock.zip",
                "--code", code.substring(0, 4) + " " + code.substring(4));
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("5/7 Send the code: done - the BMS accepted the code"), r::toString);
        assertTrue(r.out().contains("9 Running"), r::toString);
        assertTrue(r.out().contains("Result: RUNNING: the BMS is running, error cleared, no alarm raised"), r::toString);
        List<Map<String, Object>> audit = audit();
        Map<String, Object> last = audit.get(audit.size() - 1);
        assertEquals("result", last.get("step"));
        assertEquals("accepted", last.get("outcome"));
        for (int i = 1; i < audit.size(); i++) {
            assertEquals(audit.get(i - 1).get("hash"), audit.get(i).get("prev"), "hash chain at line " + (i + 1));
        }
    }
}
