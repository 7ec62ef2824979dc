package org.bmsworkbench.service.lockout.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.cli.CommandContext;
import org.bmsworkbench.cli.CommandRunner;
import org.bmsworkbench.service.lockout.Fakes.FakeConnection;
import org.bmsworkbench.service.lockout.Fakes.FakeControl;
import org.bmsworkbench.service.lockout.Fakes.FakeSession;
import org.bmsworkbench.service.lockout.FetSwitching;
import org.bmsworkbench.service.lockout.internal.FetSwitcher;
import org.bmsworkbench.service.unlock.AuditEntry;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.internal.FileAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bmswb fets} through {@link CommandRunner}, as bmswb runs it (docs/SIGNALS.md: "shows and,
 * where the BMS supports it, switches its MOSFETs (asked for confirmation unless --yes, refused
 * while the protection that opened them is still active, audited like a register write)"; exit 0,
 * 1 with a one-line reason, 2 for usage), against a fake connection, session and make's control.
 */
class FetsCommandTest {
    private static final String URI = "sim:?device=jbd&scenario=cell-over-voltage";

    @TempDir
    Path dir;
    private FileAuditLog log;
    private FakeControl control;
    private FakeConnection connection;
    private FakeSession session;
    private FetSwitching switching;
    private final List<String> opened = new ArrayList<>();
    private String out;
    private String err;

    @BeforeEach
    void setUp() {
        log = new FileAuditLog(dir.resolve("audit.log"), Clock.systemUTC());
        control = new FakeControl("jbd");
        connection = new FakeConnection(URI);
        session = new FakeSession(connection, "jbd");
        switching = new FetSwitcher(log, p -> p.equals("jbd") ? Optional.of(control) : Optional.empty(), Runnable::run,
                Duration.ofSeconds(5));
    }

    private final Connections connections = new Connections() {
        @Override
        public Connection open(String uri) {
            if (uri.startsWith("nope:")) {
                throw new InvalidUriException("unknown scheme 'nope' in '" + uri + "'");
            }
            opened.add(uri);
            connection.state = ConnectionState.CONNECTED; // each run opens it anew, as a real one would
            return connection;
        }

        @Override
        public Set<String> schemes() {
            return Set.of("sim");
        }

        @Override
        public Map<String, String> transports() {
            return Map.of();
        }

        @Override
        public List<DiscoveredAdapter> discoverAdapters() {
            return List.of();
        }

        @Override
        public List<Connection> active() {
            return List.of();
        }
    };

    private final BmsSessions sessions = new BmsSessions() {
        @Override
        public BmsSession attach(Connection c, String protocol) {
            return session;
        }
    };

    private int run(String stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        CommandContext context = new CommandContext(stdin == null ? null
                : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                dir);
        FetsCommand command = new FetsCommand(connections, sessions, switching, Duration.ofSeconds(2));
        int status = CommandRunner.run("fets", command.commandLine(context), List.of(args), context, false);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    private void lockedOut() {
        session.apply(0, "fet.charge", false, "fet.discharge", true, "protection.cell_over_voltage", true,
                "protection.short_circuit", false, "cell.1.voltage", 3.38, "cell.2.voltage", 3.661);
    }

    private void cleared() {
        lockedOut();
        session.apply(80, "protection.cell_over_voltage", false, "cell.2.voltage", 3.45);
    }

    private List<AuditEntry> audit() throws Exception {
        return log.entries();
    }

    @Test
    void withoutASwitchItShowsTheMosfetsAndTheDiagnosisAndSendsNothing() throws Exception {
        lockedOut();
        assertEquals(0, run(null, "--connect", URI));
        List<String> lines = out.lines().toList();
        assertEquals("Connection: " + URI + " (protocol jbd)", lines.get(0));
        assertEquals("Switching: offered by the jbd BMS for the charge and discharge MOSFETs", lines.get(1));
        assertEquals("Summary: locked out: Cell over-voltage protection is active, the BMS still sees the cause;"
                + " charge MOSFET off, discharge MOSFET on", lines.get(2));
        assertEquals("Charge MOSFET: off, held off by Cell over-voltage", lines.get(3));
        assertEquals("Cell over-voltage protection: ACTIVE - the BMS still sees the cause; it opens the charge MOSFET",
                lines.get(5));
        assertTrue(lines.get(6).endsWith("Now: highest cell 3.661 V (cell 2)."), lines.get(6));
        assertEquals("", err);
        assertTrue(control.asked.isEmpty());
        assertTrue(audit().isEmpty());
        assertEquals(List.of(URI), opened);
        assertTrue(session.closed && connection.closed);
    }

    @Test
    void jsonlGivesOneObjectForTheState() {
        lockedOut();
        assertEquals(0, run(null, "--connect", URI, "--format", "jsonl"));
        List<String> lines = out.lines().toList();
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.startsWith("{\"type\":\"state\",\"uri\":\"" + URI + "\",\"protocols\":[\"jbd\"],"
                + "\"fet.charge\":false,\"fet.discharge\":true,\"switchable\":{\"charge\":true,\"discharge\":true},"
                + "\"summary\":\"locked out: Cell over-voltage protection is active"), line);
        assertTrue(line.contains("\"protections\":[{\"name\":\"cell_over_voltage\",\"label\":\"Cell over-voltage\","
                + "\"state\":\"active\",\"opens\":[\"charge\"],\"evidence\":\"highest cell 3.661 V (cell 2)\","), line);
        assertTrue(line.endsWith("\"warnings\":[]}"), line);
    }

    @Test
    void switchingOnWhileTheProtectionIsActiveIsRefusedWithExitOneAndAudited() throws Exception {
        lockedOut();
        assertEquals(1, run("y\n", "--connect", URI, "--charge", "on"));
        assertTrue(err.startsWith("bmswb fets: refused: the charge MOSFET stays off: the cell over-voltage protection"
                + " is still active (the BMS still sees the cause, highest cell 3.661 V (cell 2)); check the"
                + " charger's"), err);
        assertTrue(err.strip().endsWith("; nothing was sent"), err);
        assertEquals(1, err.lines().count());
        assertTrue(out.contains("Result: refused: the charge MOSFET stays off"), out);
        assertTrue(control.asked.isEmpty());
        List<AuditEntry> a = audit();
        assertEquals(1, a.size());
        assertEquals(AuditOutcome.REFUSED, a.get(0).record().outcome());
    }

    @Test
    void onceClearedItAsksAndAYesSwitches() throws Exception {
        cleared();
        assertEquals(0, run("y\n", "--connect", URI, "--charge", "on"));
        assertTrue(err.contains("Send charge on to the jbd BMS on " + URI + "? [y/N] "), err);
        assertTrue(out.contains("Result: confirmed: the BMS reported the MOSFETs as asked (charge MOSFET on,"
                + " discharge MOSFET on)"), out);
        assertEquals(List.of(new FetCommand(true, null)), control.asked);
        List<AuditEntry> a = audit();
        assertEquals(List.of(AuditOutcome.ACCEPTED, AuditOutcome.ACCEPTED), a.stream().map(e -> e.record().outcome())
                .toList());
        assertEquals(List.of("switch-fets", "switch-fets-result"), a.stream().map(e -> e.record().step()).toList());
    }

    @Test
    void anythingButYesAtThePromptSendsNothingExitsOneAndIsAuditedAsCancelled() throws Exception {
        cleared();
        assertEquals(1, run("n\n", "--connect", URI, "--charge", "on"));
        assertTrue(err.endsWith("bmswb fets: not switched: not confirmed\n"), err);
        assertEquals(1, run("", "--connect", URI, "--charge", "on")); // end of input
        assertTrue(control.asked.isEmpty());
        assertEquals(List.of(AuditOutcome.CANCELLED, AuditOutcome.CANCELLED),
                audit().stream().map(e -> e.record().outcome()).toList());
    }

    @Test
    void yesSkipsTheQuestionAndJsonlEndsWithTheResult() {
        cleared();
        assertEquals(0, run(null, "--connect", URI, "--charge", "on", "--discharge", "off", "--yes",
                "--format", "jsonl"));
        assertEquals("", err);
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size());
        assertEquals("{\"type\":\"result\",\"command\":{\"charge\":true,\"discharge\":false},\"outcome\":\"confirmed\","
                + "\"detail\":\"the BMS reported the MOSFETs as asked\",\"fet.charge\":true,\"fet.discharge\":false,"
                + "\"sent\":[\"DD5AE1020000FF1D77\"]}", lines.get(1));
    }

    @Test
    void aRejectionAndNoAnswerExitOne() {
        cleared();
        control.answer = FetResult.Outcome.REJECTED;
        assertEquals(1, run(null, "--connect", URI, "--charge", "on", "--yes"));
        assertEquals("bmswb fets: rejected by the BMS: the BMS answered 0xE1 with status 0x80\n", err);
        control.answer = FetResult.Outcome.TIMEOUT;
        assertEquals(1, run(null, "--connect", URI, "--charge", "on", "--yes"));
        assertEquals("bmswb fets: no confirmation: no answer from the BMS within 2 s\n", err);
    }

    @Test
    void noValuesInTimeIsExitOneAndASwitchIsRefusedAndAudited() throws Exception {
        session.apply(0, "soc", 50L);
        assertEquals(1, run(null, "--connect", URI, "--wait", "1"));
        assertEquals("bmswb fets: no MOSFET or protection state from the BMS within 1 s (protocol jbd; is a cell-level"
                + " BMS such as a JBD or Daly at " + URI + "?)\n", err);
        assertEquals(1, run(null, "--connect", URI, "--wait", "1", "--charge", "on", "--yes"));
        assertTrue(err.endsWith("bmswb fets: refused: the BMS has not reported its MOSFET or protection state yet;"
                + " nothing was sent\n"), err);
        assertEquals(1, audit().size());
        assertTrue(control.asked.isEmpty());
    }

    @Test
    void aListenOnlyConnectionIsRefusedAtOnce() throws Exception {
        connection = new FakeConnection("sim:?device=jbd&mode=listen-only");
        session = new FakeSession(connection, "jbd");
        assertEquals(1, run(null, "--connect", "sim:?device=jbd&mode=listen-only", "--charge", "on", "--yes"));
        assertTrue(err.contains("is listen-only: switching the MOSFETs sends a request to the BMS; nothing was sent"),
                err);
        assertEquals(AuditOutcome.REFUSED, audit().get(0).record().outcome());
    }

    @Test
    void waitClearWaitsForTheProtectionToClearThenSwitches() throws Exception {
        lockedOut();
        Thread clearer = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            session.apply(80, "protection.cell_over_voltage", false);
        });
        clearer.start();
        assertEquals(0, run(null, "--connect", URI, "--charge", "on", "--yes", "--wait-clear", "10"));
        clearer.join();
        assertEquals("bmswb fets: waiting up to 10 s for cell over-voltage to clear …\nbmswb fets: cleared\n", err);
        assertEquals(1, control.asked.size());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run(null));
        assertEquals("bmswb fets: missing --connect URI\nTry 'bmswb fets --help'.\n", err);
        assertEquals(2, run(null, "--connect", URI, "--charge", "maybe"));
        assertTrue(err.startsWith("bmswb fets: --charge: expected on or off, got 'maybe'\n"), err);
        assertEquals(2, run(null, "--connect", URI, "--format", "xml"));
        assertTrue(err.startsWith("bmswb fets: --format: expected one of table, jsonl, got 'xml'\n"), err);
        assertEquals(2, run(null, "--connect", URI, "--wait", "0"));
        assertTrue(err.startsWith("bmswb fets: --wait: expected seconds in 1..600, got 0\n"), err);
        assertEquals(2, run(null, "--connect", "nope:x"));
        assertTrue(err.startsWith("bmswb fets: unknown scheme 'nope' in 'nope:x'\n"), err);
        assertTrue(opened.isEmpty());
        assertEquals(0, run(null, "--help"));
        assertTrue(out.contains("--discharge=on|off"), out);
    }
}
