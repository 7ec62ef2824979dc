package org.bmsworkbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.cli.internal.decode.FakeProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bmswb monitor} against fake connections and sessions driven by a script thread. */
class MonitorCommandTest {
    /** The first example line of docs/SIGNALS.md. */
    static final String SMA_JSONL = "{\"time\":1600000000.5,\"bus\":\"can0\",\"protocol\":\"general-bms\","
            + "\"can_id\":\"0x356\",\"message\":\"battery_basic_info\",\"signals\":{\"pack.voltage\":53.12,"
            + "\"pack.current\":-12.3,\"pack.temperature\":21.5}}";

    @TempDir
    Path dir;

    private final FakeConnections connections = new FakeConnections();
    private final FakeSessions sessions = new FakeSessions();
    private final FakeRegistry registry = new FakeRegistry(new FakeProtocol("general-bms"), new FakeProtocol("sma"));
    private boolean interactive;

    static DecodedMessage basicInfo(long micros, double voltage, double current) {
        Map<String, Object> signals = new LinkedHashMap<>();
        signals.put("pack.voltage", voltage);
        signals.put("pack.current", current);
        signals.put("pack.temperature", 21.5);
        CanFrame frame = CanFrame.of(micros, "can0", 0x356, false, new byte[6]);
        return DecodedMessage.of("general-bms", "battery_basic_info", frame, signals);
    }

    /** Once the command has seen the connection up: {@code script}, then the source ends (CLOSED). */
    private void whenConnected(Consumer<FakeSessions.Session> script) {
        connections.onOpen = c -> {
            Thread t = new Thread(() -> {
                try {
                    c.awaitSeenConnected(3);
                    script.accept(sessions.attached.get(0));
                    c.change(ConnectionState.CLOSED, "end of the source");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-script");
            t.setDaemon(true);
            t.start();
        };
    }

    private Console run(int expected, String... args) {
        BmswbMain main = new BmswbMain("0");
        main.addCommand(new MonitorCommand(connections, sessions, registry, () -> interactive, Duration.ofMillis(300)),
                Map.of("command.name", "monitor", "service.id", 1L));
        Console c = new Console(dir);
        int status = main.run(List.of(args), new ByteArrayInputStream(new byte[0]), c.out, c.err, dir, false);
        assertEquals(expected, status, () -> c.out() + c.err());
        return c;
    }

    @Test
    void jsonlPrintsEachMessageExactlyAsDecodeDoes() {
        whenConnected(s -> {
            s.emit(basicInfo(1_600_000_000_500_000L, 53.12, -12.3));
            s.emit(basicInfo(1_600_000_001_000_000L, 53.12, -12.3));
        });
        Console c = run(0, "monitor", "--format", "jsonl");
        assertEquals(SMA_JSONL + "\n" + SMA_JSONL.replace("1600000000.5", "1600000001.0") + "\n", c.out());
        assertEquals("sim:", connections.opened.get(0).uri().toString());
        assertEquals("auto", sessions.attached.get(0).requestedProtocol());
        assertTrue(c.err().contains("bmswb monitor: protocol auto-detected: fake (fake: 1 frame with id 0x356)\n"),
                c.err());
        assertTrue(c.err().contains("bmswb monitor: connection: CLOSED (end of the source)\n"), c.err());
        assertTrue(connections.opened.get(0).closed, "the connection is closed at the end");
        assertTrue(sessions.attached.get(0).closed, "the session is closed at the end");
    }

    @Test
    void pipedTablePrintsOnlyTheKeysThatChanged() {
        whenConnected(s -> {
            s.emit(basicInfo(1_600_000_000_500_000L, 53.12, -12.3));
            s.emit(basicInfo(1_600_000_001_000_000L, 53.12, -12.3));
            s.emit(basicInfo(1_600_000_001_500_000L, 53.2, -12.3));
        });
        List<String> lines = run(0, "monitor", "--connect", "loop:bench", "--protocol", "sma").out().lines().toList();
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("TIME"), lines.get(0));
        assertTrue(lines.get(1).startsWith("2020-09-13T12:26:40.500Z  can0    0x356       battery_basic_info"),
                lines.get(1));
        assertTrue(lines.get(1).endsWith("pack.voltage=53.12 V  pack.current=-12.3 A  pack.temperature=21.5"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("2020-09-13T12:26:41.500Z"), lines.get(2));
        assertTrue(lines.get(2).endsWith("battery_basic_info        pack.voltage=53.2 V"), lines.get(2));
        assertFalse(String.join("\n", lines).contains("\033"), "no escape codes when piped");
        assertEquals("sma", sessions.attached.get(0).requestedProtocol());
    }

    @Test
    void aTerminalGetsTheTableRedrawnInPlace() {
        interactive = true;
        whenConnected(s -> s.emit(basicInfo(1_600_000_000_500_000L, 53.12, -12.3)));
        String out = run(0, "monitor").out();
        assertTrue(out.startsWith("\033[2J\033[H"), out);
        assertTrue(out.contains("sim:  fake (auto-detected)  "), out);
        assertTrue(out.contains("22.0 frames/s  bus load n/a  errors 0"), out);
        assertTrue(out.matches("(?s).*pack   pack\\.voltage      53\\.12 V\\s+\\d+\\.\\d s\033\\[K\n.*"), out);
        assertTrue(out.endsWith("\033[J"), out);
    }

    @Test
    void reportsStateChangesAfterTheConnectionCameUp() {
        whenConnected(s -> {
            FakeConnection c = connections.opened.get(0);
            c.change(ConnectionState.RECONNECTING, "adapter unplugged, retry in 1 s");
            c.change(ConnectionState.CONNECTED, "");
        });
        Console c = run(0, "monitor", "--format", "jsonl");
        assertEquals("bmswb monitor: connection: RECONNECTING (adapter unplugged, retry in 1 s)\n"
                + "bmswb monitor: connection: CONNECTED\n"
                + "bmswb monitor: connection: CLOSED (end of the source)\n"
                + "bmswb monitor: no message decoded from sim: (0 frames received)\n", c.err());
        assertEquals("", c.out());
    }

    @Test
    void stopsAfterTheDuration() {
        Console c = run(0, "monitor", "--format", "jsonl", "--duration", "0.2");
        assertEquals("", c.out());
        assertTrue(connections.opened.get(0).closed);
    }

    @Test
    void aConnectionThatFailsLaterIsAFailure() {
        connections.onOpen = c -> new Thread(() -> {
            try {
                c.awaitSeenConnected(3);
                c.change(ConnectionState.FAILED, "adapter gone");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).start();
        Console c = run(1, "monitor", "--format", "jsonl");
        assertTrue(c.err().endsWith("bmswb monitor: connection to sim: failed: adapter gone\n"), c.err());
    }

    @Test
    void unusableUrisAreUsageErrorsInOneLine() {
        Console malformed = run(2, "monitor", "--connect", "no uri");
        assertEquals(1, malformed.err().lines().count(), malformed.err());
        assertTrue(malformed.err().startsWith("bmswb monitor: 'no uri'"), malformed.err());

        Console noTransport = run(2, "monitor", "--connect", "slcan:/dev/ttyACM0");
        assertEquals("bmswb monitor: cannot open 'slcan:/dev/ttyACM0': no transport for slcan: installed: fail, "
                + "loop, sim, slow\n", noTransport.err());
        assertTrue(connections.opened.get(connections.opened.size() - 1).closed, "the waiting connection is closed");
    }

    @Test
    void connectionFailuresExitWithOneAndTheReason() {
        assertEquals("bmswb monitor: cannot connect to fail:x: port /dev/x: no such port\n",
                run(1, "monitor", "--connect", "fail:x").err());
        assertEquals("bmswb monitor: cannot connect to slow:x: still CONNECTING after 300 ms\n",
                run(1, "monitor", "--connect", "slow:x").err());
    }

    @Test
    void usageErrors() {
        assertEquals("bmswb monitor: unknown protocol 'nope' (installed: general-bms, sma)\n"
                + "Try 'bmswb monitor --help'.\n", run(2, "monitor", "--protocol", "nope").err());
        assertEquals("bmswb monitor: --duration: expected a positive number of seconds, got '0'\n"
                + "Try 'bmswb monitor --help'.\n", run(2, "monitor", "--duration", "0").err());
        assertEquals("bmswb monitor: --format: expected one of table, jsonl, got 'csv'\n"
                + "Try 'bmswb monitor --help'.\n", run(2, "monitor", "--format", "csv").err());
        assertEquals("bmswb monitor: unexpected argument 'x'\nTry 'bmswb monitor --help'.\n",
                run(2, "monitor", "x").err());
        assertTrue(connections.opened.isEmpty(), "nothing opened on a usage error");
    }

    @Test
    void helpNamesEveryOption() {
        String help = run(0, "monitor", "--help").out();
        for (String option : List.of("--connect=URI", "--protocol=ID|auto", "--format=table|jsonl", "--duration=S",
                "Exit status")) {
            assertTrue(help.contains(option), option);
        }
    }
}
