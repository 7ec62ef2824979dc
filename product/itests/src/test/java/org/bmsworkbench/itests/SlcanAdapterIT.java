package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code slcan:} transport of the real {@code bin/bmswb} against {@code bmswb simulate
 * --serve slcan:} on the other end of a socat pty pair (an SLCAN adapter on a bus with the
 * simulated MG Master LV): live decoding, VREG requests sent and answered, and an unplug
 * (socat killed, then started again with the same link names) that monitor rides out by itself.
 * Needs socat ({@code .ci/run} installs it).
 */
class SlcanAdapterIT {
    private static Bmswb bmswb;
    private static String socat;

    @BeforeAll
    static void requireSocatAndCopyProduct() {
        socat = List.of("/usr/bin/socat", "/bin/socat", "/usr/local/bin/socat").stream()
                .filter(p -> Files.isExecutable(Paths.get(p))).findFirst()
                .orElseGet(() -> fail("socat is not installed; run .ci/run, which installs it, or apt-get install socat"));
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        if (bmswb != null) {
            bmswb.close();
        }
    }

    /** A socat pty pair: {@code host} for bmswb's adapter end, {@code device} for the simulator. */
    private static Process pair(Path host, Path device) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(socat, "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            await(() -> Files.exists(host) && Files.exists(device) || !p.isAlive(), "socat's pty pair");
            assertTrue(p.isAlive(), "socat ended at once");
            return p;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Process simulate(Path device, Path err, String protocol) throws Exception {
        Process sim = bmswb.builder("simulate", "--protocol", protocol, "--serve", "slcan:" + device, "--duration", "120")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        await(() -> read(err).contains("serving a simulated MG Master LV") || !sim.isAlive(), "simulate's start line");
        assertTrue(sim.isAlive(), () -> "bmswb simulate ended: " + read(err));
        return sim;
    }

    @Test
    void monitorDecodesTheSimulatedBmsThroughAnSlcanAdapter() throws Exception {
        Path dir = Files.createTempDirectory(bmswb.workDir, "monitor");
        Path host = dir.resolve("A");
        Process pty = pair(host, dir.resolve("B"));
        Process sim = simulate(dir.resolve("B"), dir.resolve("sim.err"), "general-bms");
        try {
            Bmswb.Result r = bmswb.run("monitor", "--connect", "slcan:" + host + "?bitrate=500000", "--format", "jsonl",
                    "--duration", "4");
            assertEquals(0, r.status(), r::toString);
            List<Map<String, Object>> lines = r.outLines().stream().map(Json::object).toList();
            assertTrue(lines.size() >= 11, r::toString);
            assertTrue(lines.stream().allMatch(l -> "A".equals(l.get("bus"))), "the bus is the port's name");
            double voltage = lines.stream().map(l -> signals(l).get("pack.voltage")).filter(v -> v != null)
                    .map(v -> ((BigDecimal) v).doubleValue()).findFirst().orElseGet(() -> fail("no pack.voltage: " + r));
            assertTrue(voltage > 44 && voltage < 58, "a 48 V pack: " + voltage);
            assertTrue(lines.stream().anyMatch(l -> "general-bms".equals(l.get("protocol"))), r::toString);
            assertTrue(lines.stream().anyMatch(l -> String.valueOf(signals(l).get("bms.serial")).startsWith("MG")), r::toString);
        } finally {
            sim.destroyForcibly();
            pty.destroy();
            pty.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void vregReadsTravelBothWaysOverSlcan() throws Exception {
        Path dir = Files.createTempDirectory(bmswb.workDir, "vreg");
        Path host = dir.resolve("A");
        Process pty = pair(host, dir.resolve("B"));
        Path simErr = dir.resolve("sim.err");
        Process sim = simulate(dir.resolve("B"), simErr, "nmea2000");
        try {
            Bmswb.Result r = bmswb.run("vreg", "read", "--connect", "slcan:" + host + "?bitrate=250000", "0x0FFF", "0x0100");
            assertEquals(0, r.status(), r::toString);
            assertTrue(r.out().matches("(?s).*0x0FFF\\s+State-of-Charge\\s+soc=\\d+(\\.\\d+)? %.*"), r::toString);
            assertTrue(r.out().contains("bms.product_id=41872 (MG Master LV general)"), r::toString);
            assertTrue(read(simErr).contains("the host opened the channel at 250 kbit/s"), read(simErr));
        } finally {
            sim.destroyForcibly();
            pty.destroy();
            pty.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void monitorRidesOutAnUnplugAndResumesByItself() throws Exception {
        Path dir = Files.createTempDirectory(bmswb.workDir, "unplug");
        Path host = dir.resolve("A");
        Path device = dir.resolve("B");
        Path out = dir.resolve("monitor.out");
        Path err = dir.resolve("monitor.err");
        Process pty = pair(host, device);
        Process sim = simulate(device, dir.resolve("sim1.err"), "general-bms");
        Process monitor = bmswb.builder("monitor", "--connect", "slcan:" + host, "--format", "jsonl", "--duration", "40")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            await(() -> lines(out) >= 11 || !monitor.isAlive(), "monitor's first lines");
            pty.destroy(); // unplug
            pty.waitFor(10, TimeUnit.SECONDS);
            await(() -> read(err).contains("connection: RECONNECTING") || !monitor.isAlive(), "RECONNECTING on stderr");
            assertTrue(monitor.isAlive(), () -> "monitor ended: " + read(err));
            sim.waitFor(20, TimeUnit.SECONDS); // its pty is gone too
            Thread.sleep(3000); // the adapter stays away a few seconds
            pty = pair(host, device); // plugged in again, same name
            sim = simulate(device, dir.resolve("sim2.err"), "general-bms");
            long before = lines(out);
            await(() -> read(err).contains("connection: CONNECTED") && lines(out) >= before + 11 || !monitor.isAlive(),
                    "monitor decoding again");
            assertTrue(monitor.isAlive(), () -> "monitor ended: " + read(err));
            if (!monitor.waitFor(60, TimeUnit.SECONDS)) {
                fail("monitor did not end after --duration 40: " + read(err));
            }
            assertEquals(0, monitor.exitValue(), read(err));
            String e = read(err);
            assertTrue(e.contains("bmswb monitor: connection: RECONNECTING (port " + host + " gone ("), e);
            assertTrue(e.contains("bmswb monitor: connection: CONNECTED (reconnected to " + host + " at 500 kbit/s)"), e);
            List<String> decoded = Files.readAllLines(out);
            assertTrue(decoded.stream().skip(before).map(Json::object)
                    .anyMatch(l -> signals(l).containsKey("pack.voltage")), "values after the replug");
        } finally {
            monitor.destroyForcibly();
            sim.destroyForcibly();
            pty.destroy();
            pty.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signals(Map<String, Object> line) {
        return (Map<String, Object>) line.get("signals");
    }

    private static long lines(Path p) {
        return read(p).lines().filter(l -> l.endsWith("}")).count();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Waits for a condition; 60 s is a limit for a hung test, not a timing assertion. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
