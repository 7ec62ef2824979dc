package org.bmsworkbench.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandRunner;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.simulator.TestProtocols;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmswb simulate --device jbd|daly --serve serial:PTY} end to end on a real {@code socat}
 * pty pair (Debian {@code socat}, as the user runs it): a JBD request written on the other end
 * (register map: {@code DD A5 03 00 FF FD 77}) is answered there with the basic-info frame; a
 * Daly's 0x90 likewise; and the usage errors for a device on the wrong endpoint.
 */
class SimulateSerialTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final SimTransport sim = new SimTransport(new TestProtocols().install(TestProtocols.sma()),
            MgMasterLvProfile.defaults());
    private final SimulateCommand command = new SimulateCommand(sim);
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Process socat;
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        command.deactivate();
        sim.deactivate();
        if (socat != null) {
            socat.destroy();
        }
    }

    private int run(String... args) {
        CommandContext context = new CommandContext(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir);
        return CommandRunner.run("simulate", command.commandLine(context), List.of(args), context, false);
    }

    private String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    /** socat -d -d pty,raw,echo=0,link=DIR/bms pty,raw,echo=0,link=DIR/host, waited for. */
    private void ptyPair() throws Exception {
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + dir.resolve("bms"),
                "pty,raw,echo=0,link=" + dir.resolve("host")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(dir.resolve("bms")) && Files.exists(dir.resolve("host")))) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                fail("socat made no pty pair (is Debian socat installed?)");
            }
            Thread.sleep(10);
        }
    }

    private CompletableFuture<Integer> serve(String... args) throws Exception {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread serving = new Thread(() -> status.complete(run(args)), "test-simulate");
        serving.setDaemon(true);
        serving.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!err().contains("bmswb simulate: serving ")) {
            if (System.nanoTime() > deadline || status.isDone()) {
                fail("no start line: " + err());
            }
            Thread.sleep(5);
        }
        return status;
    }

    /** Writes {@code request} to the host end and reads {@code length} bytes back (20 s at most). */
    private byte[] exchange(String request, int length) throws Exception {
        try (OutputStream out = new FileOutputStream(dir.resolve("host").toFile());
                InputStream in = new FileInputStream(dir.resolve("host").toFile())) {
            out.write(HEX.parseHex(request));
            out.flush();
            CompletableFuture<byte[]> read = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    read.complete(in.readNBytes(length));
                } catch (java.io.IOException e) {
                    read.completeExceptionally(e);
                }
            }, "test-pty-reader");
            reader.setDaemon(true);
            reader.start();
            return read.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer to " + request + " on the pty: " + err(), e);
        }
    }

    @Test
    void aJbdOnAPtyAnswersARequestWrittenOnTheOtherEnd() throws Exception {
        ptyPair();
        CompletableFuture<Integer> status = serve("--device", "jbd", "--scenario", "cell-over-voltage", "--speed", "10",
                "--serve", "serial:bms");
        byte[] answer = exchange("DDA50300FFFD77", 34);
        assertEquals("DD03001B", HEX.formatHex(answer, 0, 4), HEX.formatHex(answer));
        assertEquals(0x77, answer[33] & 0xFF);
        assertEquals(16, answer[25], "16 cells");
        command.deactivate();
        assertEquals(0, status.get(20, TimeUnit.SECONDS), err());
        assertTrue(err().contains("bmswb simulate: serving a simulated JBD BMS (16 cells, UART, scenario"
                + " cell-over-voltage, serial JBD-SP16S-SIM01, speed ×10) on serial:bms; Ctrl-C to stop"), err());
        assertTrue(err().contains("bmswb simulate: serial:bms: 34 bytes sent to the host, 7 received from it"), err());
    }

    @Test
    void aDalyOnAPtyAnswersToo() throws Exception {
        ptyPair();
        CompletableFuture<Integer> status = serve("--device", "daly", "--cells", "4", "--serve", "serial:bms",
                "--duration", "30");
        byte[] answer = exchange("A54094080000000000000000" + "81", 13);
        assertEquals("A501940804", HEX.formatHex(answer, 0, 5), "status: 4 cells");
        command.deactivate();
        assertEquals(0, status.get(20, TimeUnit.SECONDS), err());
    }

    @Test
    void aDeviceOnTheWrongEndpointIsAUsageError() {
        assertEquals(2, run("--device", "jbd", "--serve", "slcan:x"));
        assertTrue(err().startsWith("bmswb simulate: --serve slcan:x: a simulated JBD answers on its UART; serve it on"
                + " serial:PATH\n"), err());
        err.reset();
        assertEquals(2, run("--serve", "serial:x"));
        assertTrue(err().startsWith("bmswb simulate: --serve serial:x: a simulated MG Master LV is on CAN"), err());
        err.reset();
        assertEquals(2, run("--device", "daly", "--link", "can", "--serve", "serial:x"));
        assertTrue(err().startsWith("bmswb simulate: --serve serial:x: a simulated Daly with --link can is on CAN"), err());
        err.reset();
        assertEquals(2, run("--device", "jbd", "--cells", "40", "--serve", "serial:x"));
        assertTrue(err().startsWith("bmswb simulate: --cells=40 is outside 4..32\n"), err());
        err.reset();
        assertEquals(1, run("--device", "jbd", "--serve", "serial:nope"));
        assertTrue(err().startsWith("bmswb simulate: cannot serve on serial:nope: " + dir.resolve("nope")
                + " does not exist"), err());
    }
}
