package org.bmsworkbench.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandRunner;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.device.mg.simulator.SimulatorUnlockCodes;
import org.bmsworkbench.simulator.TestProtocols;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bmswb simulate}: options, messages, unlock-code, and a socketcand serve end to end in process. */
class SimulateCommandTest {
    private final SimTransport sim = new SimTransport(new TestProtocols().install(TestProtocols.sma()),
            MgMasterLvProfile.defaults());
    private final SimulateCommand command = new SimulateCommand(sim);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        command.deactivate();
        sim.deactivate();
    }

    private CommandContext context() {
        return new CommandContext(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir);
    }

    /** Runs the command as bmswb does: parsed by picocli, errors as bmswb prints them. */
    private int run(String... args) {
        CommandContext context = context();
        return CommandRunner.run("simulate", command.commandLine(context), List.of(args), context, false);
    }

    private String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    /** The message of the usage error, from its first line "bmswb simulate: MESSAGE". */
    private String usageError(String... args) {
        synchronized (err) {
            err.reset();
        }
        assertEquals(2, run(args), err());
        List<String> lines = err().lines().toList();
        assertEquals(2, lines.size(), err());
        assertTrue(lines.get(1).startsWith("Try 'bmswb simulate"), err());
        assertTrue(lines.get(0).startsWith("bmswb simulate: "), err());
        return lines.get(0).substring("bmswb simulate: ".length());
    }

    @Test
    void unlockCodeIsTheSimulatedDealersWithANote() throws Exception {
        assertEquals(0, run("unlock-code", "--serial", "MG0000SIM0000001"));
        assertEquals(SimulatorUnlockCodes.codeFor("MG0000SIM0000001") + "\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).matches("[0-9A-F]{8}\n"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("simulator only") && err().contains("means nothing to a real BMS"), err());
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        assertEquals("missing --serial S", usageError("unlock-code"));
        assertEquals("unknown option --serve", usageError("unlock-code", "--serial", "X", "--serve", "slcan:a"));
        assertEquals("--serial 'a b' must be 1 to 16 printable ASCII characters without blanks",
                usageError("unlock-code", "--serial", "a b"));
        assertEquals("unknown subcommand 'frobnicate' (expected unlock-code)", usageError("frobnicate"));
        assertEquals("missing --serve slcan:PATH|serial:PATH|socketcand://HOST:PORT[/BUS]", usageError("--protocol", "sma"));
        assertEquals("--serve 'can0': expected slcan:PATH, serial:PATH or socketcand://HOST:PORT[/BUS]", usageError("--serve", "can0"));
        assertEquals("--speed=0 is outside 1..1000", usageError("--serve", "slcan:x", "--speed", "0"));
        assertEquals("--protocol=j1939 is not one of general-bms, nmea2000, sma", usageError("--serve", "slcan:x", "--protocol", "j1939"));
        assertTrue(usageError("--serve", "slcan:x", "--scenario", "flood").startsWith("--scenario=flood is not one of "));
        assertTrue(usageError("--serve", "slcan:x", "--scenario", "flood it").startsWith("--scenario=flood it is not one of "));
        assertEquals("--serial=it's 17 characters must be 1 to 16 printable ASCII characters without blanks",
                usageError("--serve", "slcan:x", "--serial", "it's 17 characters"));
        assertEquals("--duration: expected a positive number of seconds, got '0'", usageError("--serve", "slcan:x", "--duration", "0"));
        assertEquals("--duration: expected a positive number of seconds, got 'soon'",
                usageError("--serve", "slcan:x", "--duration", "soon"));
        assertEquals("unknown option --bitrate", usageError("--serve", "slcan:x", "--bitrate", "500000"));
    }

    @Test
    void deviceOptionsBecomeASimUri() throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("protocol", "sma");
        given.put("serial", "A&B");
        given.put("speed", "10");
        assertEquals("sim:?protocol=sma&serial=A%26B&speed=10&combined=true", SimulateCommand.simUri(given, true).toString());
    }

    @Test
    void anEndpointThatCannotOpenFailsInOneLine() {
        assertEquals(1, run("--serve", "slcan:nope"), err());
        assertTrue(err().startsWith("bmswb simulate: cannot serve on slcan:nope: " + dir.resolve("nope") + " does not exist"),
                err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void servesTheDeviceOnSocketcandUntilStopped() throws Exception {
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            return run("--protocol", "sma", "--speed", "10", "--serve", "socketcand://127.0.0.1:0/can0");
        });
        Pattern started = Pattern.compile("on socketcand://127\\.0\\.0\\.1:(\\d+)/can0; Ctrl-C to stop");
        Matcher m = started.matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(m = started.matcher(err())).find()) {
            if (System.nanoTime() > deadline || status.isDone()) {
                fail("no start line: " + err());
            }
            Thread.sleep(5);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))), 10_000);
            socket.setSoTimeout(20_000);
            InputStream in = socket.getInputStream();
            OutputStream o = socket.getOutputStream();
            o.write("< open can0 >< rawmode >".getBytes(StandardCharsets.US_ASCII));
            String frames = readUntil(in, "< frame 35F ");
            assertTrue(frames.startsWith("< hi >< ok >< ok >"), frames);
            o.write("< send 123 1 AA >".getBytes(StandardCharsets.US_ASCII));
            o.write("< echo >".getBytes(StandardCharsets.US_ASCII));
            readUntil(in, "< echo >");
        }
        command.deactivate();
        assertEquals(0, status.get(20, TimeUnit.SECONDS));
        assertTrue(err().contains("serving a simulated MG Master LV (sma, scenario normal, serial MG0000SIM0000001, speed ×10)"), err());
        assertTrue(Pattern.compile("socketcand://127\\.0\\.0\\.1:\\d+/can0: 1 clients, \\d+ frames sent to them, 1 received from them")
                .matcher(err()).find(), err());
    }

    private static String readUntil(InputStream in, String text) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while (sb.indexOf(text) < 0 && (c = in.read()) >= 0) {
            sb.append((char) c);
        }
        assertTrue(sb.indexOf(text) >= 0, "no " + text + " in " + sb);
        return sb.toString();
    }
}
