package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A simulated cell-level BMS served by the real {@code bmswb simulate --serve serial:PTY} on one end
 * of a socat pty pair ({@code socat -d -d pty,raw,echo=0,link=DIR/bms pty,raw,echo=0,link=DIR/host},
 * as the simulator's README shows it); the tests connect to {@link #host} with {@code serial:}.
 * socat stays up when a client closes its end, so several commands may use the one BMS in turn.
 * Needs socat ({@code .ci/run} installs it).
 */
final class ServedBms implements AutoCloseable {
    private static final String HINT = "the serial BMS tests need socat: run .ci/run, which installs it, or apt-get install socat";

    final Path host;
    final Path simErr;
    private final Process pair;
    private final Process simulate;
    private final Path socatLog;

    private ServedBms(Path host, Path simErr, Process pair, Process simulate, Path socatLog) {
        this.host = host;
        this.simErr = simErr;
        this.pair = pair;
        this.simulate = simulate;
        this.socatLog = socatLog;
    }

    static String socat() {
        return List.of("/usr/bin/socat", "/bin/socat", "/usr/local/bin/socat").stream()
                .filter(p -> Files.isExecutable(Paths.get(p))).findFirst()
                .orElseGet(() -> fail("socat is not installed; " + HINT));
    }

    /** Starts the pair and {@code bmswb simulate DEVICE_ARGS… --serve serial:DIR/bms --duration SECONDS}, waited for its start line. */
    static ServedBms start(Bmswb bmswb, int seconds, String... deviceArgs) throws Exception {
        Path dir = Files.createTempDirectory(bmswb.workDir, "pty");
        Path device = dir.resolve("bms");
        Path host = dir.resolve("host");
        Path socatLog = dir.resolve("socat.log");
        Process pair = new ProcessBuilder(socat(), "-d", "-d", "pty,raw,echo=0,link=" + device,
                "pty,raw,echo=0,link=" + host).redirectErrorStream(true).redirectOutput(socatLog.toFile()).start();
        Process simulate = null;
        try {
            await(() -> Files.exists(device) && Files.exists(host) || !pair.isAlive(), "socat's pty pair");
            assertTrue(pair.isAlive(), () -> "socat ended: " + read(socatLog));
            List<String> args = new ArrayList<>(List.of("simulate"));
            args.addAll(List.of(deviceArgs));
            args.addAll(List.of("--serve", "serial:" + device, "--duration", Integer.toString(seconds)));
            Path simErr = dir.resolve("simulate.err");
            simulate = bmswb.builder(args.toArray(new String[0])).redirectOutput(dir.resolve("simulate.out").toFile())
                    .redirectError(simErr.toFile()).start();
            Process sim = simulate;
            await(() -> read(simErr).contains("bmswb simulate: serving ") || !sim.isAlive(), "the start line");
            assertTrue(sim.isAlive(), () -> "bmswb simulate ended: " + read(simErr));
            return new ServedBms(host, simErr, pair, simulate, socatLog);
        } catch (Throwable t) {
            if (simulate != null) {
                simulate.destroyForcibly();
            }
            pair.destroy();
            throw t;
        }
    }

    /** The URI of the host end with these options, e.g. {@code serial:/tmp/…/host?protocol=jbd}. */
    String uri(String options) {
        return "serial:" + host + (options.isEmpty() ? "" : "?" + options);
    }

    /** Waits for {@code simulate} to end by its {@code --duration} and returns its standard error, checking exit 0. */
    String finish() throws Exception {
        if (!simulate.waitFor(90, TimeUnit.SECONDS)) {
            fail("bmswb simulate did not end after its --duration: " + read(simErr));
        }
        String err = read(simErr);
        assertEquals(0, simulate.exitValue(), err);
        return err;
    }

    String err() {
        return read(simErr);
    }

    @Override
    public void close() throws InterruptedException {
        simulate.destroyForcibly();
        simulate.waitFor(10, TimeUnit.SECONDS);
        pair.destroy();
        if (!pair.waitFor(10, TimeUnit.SECONDS)) {
            pair.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "simulate: " + read(simErr) + "\nsocat: " + read(socatLog);
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Waits for a condition; 60 s is a limit for a hung test, not a timing assertion. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
