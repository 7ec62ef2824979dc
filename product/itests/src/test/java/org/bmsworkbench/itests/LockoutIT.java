package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lockout of a cell-level BMS through the real {@code bin/bmswb} (docs/SIGNALS.md: {@code bmswb fets}
 * "refused while the protection that opened them is still active, audited like a register write"):
 * a simulated JBD (scenario {@code cell-over-voltage}) and Daly ({@code inverter-surge}) served on a
 * socat pty pair by {@code bmswb simulate --serve serial:PTY}; {@code monitor} watches until the
 * protection trips, {@code fets} switching the MOSFET on is then refused (exit 1, naming the
 * protection), and with {@code --wait-clear} confirmed once the simulator releases it (simulator
 * README, "Lockout scenarios": the MOSFET stays off until the host switches it on). Both attempts
 * are in the audit log of the product's own user directory ({@code BMSWB_USER_DIR}). The scenarios
 * run at speed 2 or 3 so the protection stays active for about ten seconds of wall time.
 */
class LockoutIT {
    private static Bmswb bmswb;

    @BeforeAll
    static void copyProduct() {
        ServedBms.socat();
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        bmswb.close();
    }

    private static List<Map<String, Object>> audit() throws IOException {
        Path log = bmswb.userDir.resolve("audit.log");
        return Files.exists(log) ? Files.readAllLines(log).stream().map(Json::object).toList() : List.of();
    }

    /** Runs {@code monitor} on URI until a record says {@code "protection.NAME":true}, then stops it. */
    private static void awaitProtection(ServedBms served, String uri, String name) throws Exception {
        Path out = Files.createTempFile(bmswb.workDir, "monitor", ".jsonl");
        Path err = Files.createTempFile(bmswb.workDir, "monitor", ".err");
        Process monitor = bmswb.builder("monitor", "--connect", uri, "--format", "jsonl")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            String tripped = "\"protection." + name + "\":true";
            ServedBms.await(() -> ServedBms.read(out).contains(tripped) || !monitor.isAlive(), "protection." + name
                    + " (monitor said: " + ServedBms.read(err) + "; " + served + ")");
            assertTrue(monitor.isAlive(), () -> "monitor ended: " + ServedBms.read(err) + "\n" + served);
        } finally {
            monitor.destroy(); // SIGTERM, as Ctrl-C: the port is closed on the way out
            if (!monitor.waitFor(30, TimeUnit.SECONDS)) {
                monitor.destroyForcibly();
            }
        }
    }

    /**
     * The lockout round on a served BMS: the protection trips, switching MOSFET on is refused while it
     * is active, then waited for and confirmed; the audit log gains the refusal, the attempt and its result.
     */
    private static void lockout(String device, String scenario, String speed, String protection, String label,
            String mosfet) throws Exception {
        try (ServedBms served = ServedBms.start(bmswb, 90, "--device", device, "--scenario", scenario, "--speed", speed)) {
            String uri = served.uri("protocol=" + device + "&poll=250");
            awaitProtection(served, uri, protection);
            int before = audit().size();

            Bmswb.Result refused = bmswb.run("fets", "--connect", uri, "--" + mosfet, "on", "--yes");
            assertEquals(1, refused.status(), () -> refused + "\n" + served);
            assertTrue(refused.err().startsWith("bmswb fets: refused: "), refused::toString);
            assertTrue(refused.err().contains("the " + label.toLowerCase(Locale.ROOT) + " protection is still active"),
                    "names the protection: " + refused);
            assertTrue(refused.err().contains("nothing was sent"), refused::toString);
            assertTrue(refused.out().contains(label), "the state shows the protection: " + refused);
            List<Map<String, Object>> audit = audit();
            assertEquals(before + 1, audit.size(), audit::toString);
            Map<String, Object> refusal = audit.get(audit.size() - 1);
            assertEquals("switch-fets", refusal.get("step"), refusal::toString);
            assertEquals("refused", refusal.get("outcome"), refusal::toString);
            assertEquals(uri, refusal.get("uri"), refusal::toString);
            assertTrue(((String) refusal.get("reason")).endsWith("nothing was sent"), refusal::toString);

            Bmswb.Result switched = bmswb.run("fets", "--connect", uri, "--" + mosfet, "on", "--yes", "--wait-clear", "50");
            assertEquals(0, switched.status(), () -> switched + "\n" + served);
            assertTrue(switched.out().contains("Result: confirmed"), switched::toString);
            assertTrue(switched.out().contains(mosfet + " MOSFET on"), switched::toString);
            if (switched.err().contains("bmswb fets: waiting up to 50 s for ")) {
                assertTrue(switched.err().contains(label.toLowerCase(Locale.ROOT) + " to clear"), switched::toString);
                assertTrue(switched.err().contains("bmswb fets: cleared\n"), switched::toString);
            }
            audit = audit();
            assertEquals(before + 3, audit.size(), audit::toString);
            Map<String, Object> attempt = audit.get(before + 1);
            Map<String, Object> result = audit.get(before + 2);
            assertEquals("switch-fets", attempt.get("step"), attempt::toString);
            assertEquals("accepted", attempt.get("outcome"), attempt::toString);
            assertEquals("switch-fets-result", result.get("step"), result::toString);
            assertEquals("accepted", result.get("outcome"), result::toString);
            assertEquals(uri, result.get("uri"), result::toString);
            assertTrue(((String) result.get("reason")).startsWith(mosfet + " on: confirmed"), result::toString);
            for (int i = Math.max(1, before); i < audit.size(); i++) {
                assertEquals(audit.get(i - 1).get("hash"), audit.get(i).get("prev"), "hash chain at line " + (i + 1));
            }
        }
    }

    @Test
    void aJbdRefusesTheChargeMosfetWhileACellIsOverVoltageAndSwitchesItAfter() throws Exception {
        // cell-over-voltage: at 34 s the odd cell trips, at 55 s it is released with the charge MOSFET off
        lockout("jbd", "cell-over-voltage", "2", "cell_over_voltage", "Cell over-voltage", "charge");
    }

    @Test
    void aDalyRefusesTheDischargeMosfetAfterAnInverterSurgeUntilItIsReleased() throws Exception {
        // inverter-surge: at 31 s discharge over-current, released at 63 s with the discharge MOSFET off
        lockout("daly", "inverter-surge", "3", "discharge_over_current", "Discharge over-current", "discharge");
    }
}
