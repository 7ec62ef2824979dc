package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The socketcand transport against {@code bmswb simulate --serve socketcand://…}, both real
 * {@code bin/bmswb} processes: live values decoded by {@code monitor}, a VREG read (frames both
 * ways), and a monitor that rides out a restart of the server on the same port.
 */
class SocketcandTransportIT {
    private static Bmswb bmswb;

    @BeforeAll
    static void copyProduct() {
        bmswb = Bmswb.copy();
    }

    @AfterAll
    static void removeCopy() throws IOException {
        if (bmswb != null) {
            bmswb.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Process serve(int port, String name) throws IOException, InterruptedException {
        Path err = bmswb.workDir.resolve(name + ".err");
        Process p = bmswb.builder("simulate", "--protocol", "nmea2000", "--serve", "socketcand://127.0.0.1:" + port + "/can0",
                "--duration", "120").redirectOutput(bmswb.workDir.resolve(name + ".out").toFile())
                .redirectError(err.toFile()).start();
        await(() -> read(err).contains("serving a simulated MG Master LV") || !p.isAlive(), "the simulator's start line");
        assertTrue(p.isAlive(), () -> "bmswb simulate ended: " + read(err));
        return p;
    }

    @Test
    void vregReadGetsTheSimulatorsAnswer() throws Exception {
        int port = freePort();
        Process sim = serve(port, "vreg-sim");
        try {
            Bmswb.Result r = bmswb.run("vreg", "read", "--connect", "socketcand://127.0.0.1:" + port + "/can0", "0x0FFF", "0x0102");
            assertEquals(0, r.status(), r::toString);
            assertTrue(r.outLines().get(1).matches("0x0FFF +State-of-Charge +soc=[\\d.]+ % +[0-9A-F]+"), r::toString);
            assertTrue(r.outLines().get(2).matches("0x0102 +Firmware version +bms\\.firmware=\"\\d+\\.\\d\\d\" +[0-9A-F]+"), r::toString);
        } finally {
            sim.destroy();
            sim.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void monitorDecodesLiveValuesAndRecoversWhenTheServerRestarts() throws Exception {
        int port = freePort();
        Process sim = serve(port, "sim1");
        Path out = bmswb.workDir.resolve("monitor.out");
        Path err = bmswb.workDir.resolve("monitor.err");
        Process monitor = bmswb.builder("monitor", "--connect", "socketcand://127.0.0.1:" + port + "/can0", "--format", "jsonl",
                "--duration", "40").redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Process second = null;
        try {
            await(() -> read(out).contains("\"pack.voltage\"") || !monitor.isAlive(), "decoded pack voltage");
            assertTrue(monitor.isAlive(), () -> "monitor ended: " + read(err));
            sim.destroy();
            assertTrue(sim.waitFor(20, TimeUnit.SECONDS), "the simulator stopped");
            await(() -> read(err).contains("bmswb monitor: connection: RECONNECTING (socketcand 127.0.0.1:" + port + " "),
                    "RECONNECTING on stderr: " + err);
            long linesBefore = lines(out);
            second = serve(port, "sim2");
            await(() -> read(err).matches("(?s).*RECONNECTING.*bmswb monitor: connection: CONNECTED.*"), "CONNECTED again");
            await(() -> lines(out) > linesBefore + 5, "decoded values after the restart");
            assertTrue(monitor.waitFor(60, TimeUnit.SECONDS), "monitor ends after --duration");
            assertEquals(0, monitor.exitValue(), () -> read(err));
            for (String line : Files.readAllLines(out)) {
                Json.object(line); // every line is one JSON object, none broken by the restart
            }
            assertTrue(List.of(read(err).split("\n")).stream().filter(l -> l.contains("RECONNECTING"))
                    .allMatch(l -> l.matches("bmswb monitor: connection: RECONNECTING \\(socketcand 127\\.0\\.0\\.1:\\d+ .+, "
                            + "retrying in [\\d.]+ m?s\\)")), () -> read(err));
        } finally {
            monitor.destroyForcibly();
            sim.destroyForcibly();
            if (second != null) {
                second.destroy();
                second.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static long lines(Path p) {
        return read(p).lines().count();
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
