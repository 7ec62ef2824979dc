package org.bmsworkbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The real {@code bin/bmswb gui} connected over SLCAN: a socat pty pair, {@code bmswb simulate
 * --serve slcan:B} on one end, the window on the other with {@code --report}; the window must
 * end CONNECTED to that URI, with the protocol detected and values decoded. The screenshot goes
 * to {@code target/screenshots/window-slcan.png}. Needs socat and a display.
 */
class GuiSlcanIT {
    @Test
    void theWindowConnectsOverSlcanToTheSimulatorAndDecodesLiveValues() throws Exception {
        Bmswb.assumeDisplay();
        String socat = List.of("/usr/bin/socat", "/bin/socat", "/usr/local/bin/socat").stream()
                .filter(p -> Files.isExecutable(Paths.get(p))).findFirst()
                .orElseGet(() -> fail("socat is not installed; run .ci/run, which installs it, or apt-get install socat"));
        try (Bmswb bmswb = Bmswb.copy()) {
            Path host = bmswb.workDir.resolve("A");
            Path device = bmswb.workDir.resolve("B");
            Process pty = new ProcessBuilder(socat, "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Process sim = null;
            try {
                await(() -> Files.exists(host) && Files.exists(device) || !pty.isAlive(), "socat's pty pair");
                assertTrue(pty.isAlive(), "socat ended at once");
                Path simErr = bmswb.workDir.resolve("sim.err");
                Process s = bmswb.builder("simulate", "--protocol", "general-bms", "--serve", "slcan:" + device, "--duration", "120")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(simErr.toFile()).start();
                sim = s;
                await(() -> read(simErr).contains("serving a simulated MG Master LV") || !s.isAlive(), "simulate's start line");
                assertTrue(s.isAlive(), () -> "bmswb simulate ended: " + read(simErr));

                String uri = "slcan:" + host + "?bitrate=500000";
                Path shot = bmswb.workDir.resolve("slcan.png");
                Bmswb.Result r = Bmswb.finish(bmswb.builder("gui", "--connect", uri, "--duration", "8", "--screenshot",
                        shot.toString(), "--report"), 120);
                assertEquals(0, r.status(), r::toString);
                List<String> out = r.outLines();
                assertTrue(out.stream().anyMatch(l -> l.startsWith("bmswb gui: connection: CONNECTED")), r::toString);
                assertTrue(out.contains("bmswb gui: uri: " + uri), r::toString);
                assertTrue(out.contains("bmswb gui: protocol: general-bms (auto-detected)"), r::toString);
                assertTrue(number(r, "decoded messages: (\\d+) \\(0 malformed frames\\)") >= 10, r::toString);
                assertTrue(number(r, "frames: (\\d+) received, 0 sent, 0 error frames, 0 adapter errors") >= 10,
                        "frames came and the status bar counts no error (the set-up's replies are none): " + r);
                assertTrue(number(r, "signals with a value: (\\d+)") >= 10, r::toString);
                assertFalse(r.err().contains("Exception"), r::toString);
                assertTrue(read(simErr).contains("the host opened the channel at 500 kbit/s"), read(simErr));
                assertTrue(Files.size(shot) > 10_000, "a screenshot of the window was written");
                Path screenshots = Files.createDirectories(Paths.get("target", "screenshots"));
                Files.copy(shot, screenshots.resolve("window-slcan.png"), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                if (sim != null) {
                    sim.destroyForcibly();
                }
                pty.destroy();
                pty.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static long number(Bmswb.Result r, String regex) {
        Matcher m = Pattern.compile("(?m)^bmswb gui: " + regex).matcher(r.out());
        assertTrue(m.find(), () -> "no line matching " + regex + " in\n" + r);
        return Long.parseLong(m.group(1));
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
