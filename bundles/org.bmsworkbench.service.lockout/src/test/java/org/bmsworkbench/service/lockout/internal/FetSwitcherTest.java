package org.bmsworkbench.service.lockout.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.service.lockout.Fakes.FakeConnection;
import org.bmsworkbench.service.lockout.Fakes.FakeControl;
import org.bmsworkbench.service.lockout.Fakes.FakeSession;
import org.bmsworkbench.service.lockout.FetSwitching;
import org.bmsworkbench.service.unlock.AuditEntry;
import org.bmsworkbench.service.unlock.AuditOutcome;
import org.bmsworkbench.service.unlock.internal.FileAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of switching (docs/SIGNALS.md: "refused while the protection that opened them is still
 * active, audited like a register write") against a fake make's control and a real audit log.
 */
class FetSwitcherTest {
    private static final FetCommand CHARGE_ON = new FetCommand(true, null);

    @TempDir
    Path dir;
    private FileAuditLog log;
    private FakeControl control;
    private FakeConnection connection;
    private FakeSession session;
    private FetSwitcher switcher;

    @BeforeEach
    void setUp() {
        log = new FileAuditLog(dir.resolve("audit.log"), Clock.systemUTC());
        control = new FakeControl("jbd");
        connection = new FakeConnection("sim:?device=jbd&scenario=cell-over-voltage");
        session = new FakeSession(connection, "jbd");
        switcher = switcher(Duration.ofSeconds(5));
    }

    private FetSwitcher switcher(Duration timeout) {
        return new FetSwitcher(log, p -> p.equals(control.protocol()) ? Optional.of(control) : Optional.empty(),
                Runnable::run, timeout);
    }

    private FetResult apply(FetCommand command) throws Exception {
        return switcher.apply(session, command).get(5, TimeUnit.SECONDS);
    }

    private List<AuditEntry> entries() throws Exception {
        return log.entries();
    }

    private void overVoltage(boolean active) {
        session.apply(0, "fet.charge", false, "fet.discharge", true, "protection.cell_over_voltage", active,
                "cell.4.voltage", 3.655);
    }

    @Test
    void switchingOnIsRefusedWhileTheProtectionThatOpenedItIsActiveAndTheRefusalIsAudited() throws Exception {
        overVoltage(true);
        String reason = switcher.refusal(session, CHARGE_ON).orElseThrow();
        assertEquals("the charge MOSFET stays off: the cell over-voltage protection is still active (the BMS still"
                + " sees the cause, highest cell 3.655 V (cell 4)); check the charger's or inverter's charge voltage"
                + " and profile against the pack's limit, the highest cell voltage, and balancing (a long charge in"
                + " balancing mode evens the cells out); nothing was sent", reason);
        FetResult r = apply(CHARGE_ON);
        assertEquals(FetResult.Outcome.REFUSED, r.outcome());
        assertEquals(reason, r.detail());
        assertTrue(control.asked.isEmpty());
        List<AuditEntry> e = entries();
        assertEquals(1, e.size());
        assertEquals(FetSwitching.STEP, e.get(0).record().step());
        assertEquals(AuditOutcome.REFUSED, e.get(0).record().outcome());
        assertEquals("charge on: " + reason, e.get(0).record().reason());
        assertEquals("sim:?device=jbd&scenario=cell-over-voltage", e.get(0).record().uri());
        assertTrue(log.verify().intact());
    }

    @Test
    void theOtherMosfetAndSwitchingOffAreNotHeldByIt() throws Exception {
        overVoltage(true);
        assertEquals(Optional.empty(), switcher.refusal(session, new FetCommand(null, true)));
        assertEquals(Optional.empty(), switcher.refusal(session, new FetCommand(false, false)));
        // both on: refused for the charge MOSFET's sake, the discharge one is not sent alone
        assertTrue(switcher.refusal(session, new FetCommand(true, true)).orElseThrow().startsWith("the charge MOSFET"));
    }

    @Test
    void onceClearedItIsSentAuditedBeforeAndAfterAndConfirmed() throws Exception {
        overVoltage(true);
        session.apply(90, "protection.cell_over_voltage", false, "protection.fet_software_lock", true);
        FetResult r = apply(CHARGE_ON);
        assertEquals(FetResult.Outcome.CONFIRMED, r.outcome());
        assertEquals(List.of(CHARGE_ON), control.asked);
        List<AuditEntry> e = entries();
        assertEquals(2, e.size());
        assertEquals(FetSwitching.STEP, e.get(0).record().step());
        assertEquals(AuditOutcome.ACCEPTED, e.get(0).record().outcome());
        assertEquals("charge on: sending to the jbd BMS (before: charge MOSFET off, discharge MOSFET on)",
                e.get(0).record().reason());
        assertEquals(FetSwitching.RESULT_STEP, e.get(1).record().step());
        assertEquals(AuditOutcome.ACCEPTED, e.get(1).record().outcome());
        assertEquals("charge on: confirmed: the BMS reported the MOSFETs as asked; charge MOSFET on, discharge MOSFET"
                + " on; sent DD5AE1020000FF1D77", e.get(1).record().reason());
        assertTrue(log.verify().intact());
    }

    @Test
    void aRejectionIsAuditedAsRefusedByTheBms() throws Exception {
        overVoltage(false);
        control.answer = FetResult.Outcome.REJECTED;
        FetResult r = apply(CHARGE_ON);
        assertEquals(FetResult.Outcome.REJECTED, r.outcome());
        AuditEntry last = entries().get(1);
        assertEquals(AuditOutcome.REFUSED, last.record().outcome());
        assertTrue(last.record().reason().startsWith("charge on: rejected: the BMS answered 0xE1 with status 0x80"),
                last.record().reason());
    }

    @Test
    void aControlThatNeverAnswersEndsAsATimeOutAuditedAsFailed() throws Exception {
        overVoltage(false);
        control.answer = null;
        switcher = switcher(Duration.ofMillis(200));
        FetResult r = apply(CHARGE_ON);
        assertEquals(FetResult.Outcome.TIMEOUT, r.outcome());
        assertEquals("no result from the jbd MOSFET control within 0 s", r.detail());
        AuditEntry last = entries().get(1);
        assertEquals(FetSwitching.RESULT_STEP, last.record().step());
        assertEquals(AuditOutcome.FAILED, last.record().outcome());
    }

    @Test
    void aControlThatThrowsEndsTheAttemptAuditedAsFailed() throws Exception {
        overVoltage(false);
        control.thrown = new IllegalStateException("port closed");
        FetResult r = apply(CHARGE_ON);
        assertEquals(FetResult.Outcome.TIMEOUT, r.outcome());
        assertEquals("the jbd MOSFET control failed: port closed", r.detail());
        assertEquals(List.of(AuditOutcome.ACCEPTED, AuditOutcome.FAILED),
                entries().stream().map(e -> e.record().outcome()).toList());
    }

    @Test
    void aListenOnlyConnectionAndARecordingAreRefused() throws Exception {
        connection = new FakeConnection("sim:?device=jbd&mode=listen-only");
        session = new FakeSession(connection, "jbd");
        overVoltage(false);
        assertEquals("the connection sim:?device=jbd&mode=listen-only is listen-only: switching the MOSFETs sends a"
                + " request to the BMS; nothing was sent", apply(CHARGE_ON).detail());
        connection = new FakeConnection("replay:/tmp/jbd.log");
        session = new FakeSession(connection, "jbd");
        overVoltage(false);
        assertEquals("replay:/tmp/jbd.log plays a recording: there is no BMS to switch; nothing was sent",
                apply(CHARGE_ON).detail());
        connection = new FakeConnection("sim:?device=jbd");
        connection.recording = true;
        session = new FakeSession(connection, "jbd");
        overVoltage(false);
        assertTrue(apply(CHARGE_ON).detail().endsWith("plays a recording: there is no BMS to switch; nothing was sent"));
        assertTrue(control.asked.isEmpty());
        assertEquals(3, entries().stream().filter(x -> x.record().outcome() == AuditOutcome.REFUSED).count());
    }

    @Test
    void noControlForTheProtocolNoValuesAndAMosfetTheMakeCannotSwitchAreRefused() throws Exception {
        session.protocols = List.of("daly");
        overVoltage(false);
        assertEquals("no MOSFET control is installed for daly (this BMS's protocol offers no way to switch its"
                + " MOSFETs); nothing was sent", apply(CHARGE_ON).detail());
        session = new FakeSession(connection, "jbd");
        assertEquals("the BMS has not reported its MOSFET or protection state yet; nothing was sent",
                apply(CHARGE_ON).detail());
        session.apply(0, "fet.charge", false);
        assertTrue(apply(CHARGE_ON).detail().startsWith("the BMS has not reported its protections yet"));
        control.dischargeSwitchable = false;
        assertEquals("a jbd BMS cannot switch its discharge MOSFET from a host; nothing was sent",
                apply(new FetCommand(null, true)).detail());
        session.protocols = List.of();
        assertEquals("no protocol decodes sim:?device=jbd&scenario=cell-over-voltage yet; nothing was sent",
                apply(CHARGE_ON).detail());
        assertTrue(control.asked.isEmpty());
        assertEquals(5, entries().size());
    }

    @Test
    void aDeclinedConfirmationIsAuditedAsCancelled() throws Exception {
        overVoltage(false);
        switcher.declined(session, CHARGE_ON, "not confirmed at the prompt").get(5, TimeUnit.SECONDS);
        AuditEntry e = entries().get(0);
        assertEquals(AuditOutcome.CANCELLED, e.record().outcome());
        assertEquals("charge on: not confirmed at the prompt; nothing was sent", e.record().reason());
        assertTrue(control.asked.isEmpty());
    }

    @Test
    void aLogThatCannotBeWrittenRefusesBeforeSending() throws Exception {
        Files.createDirectories(dir.resolve("blocked"));
        log = new FileAuditLog(dir.resolve("blocked"), Clock.systemUTC()); // a directory: cannot be opened as a file
        switcher = switcher(Duration.ofSeconds(5));
        overVoltage(false);
        FetResult r = apply(CHARGE_ON);
        assertEquals(FetResult.Outcome.REFUSED, r.outcome());
        assertTrue(r.detail().startsWith("cannot write the audit log "), r.detail());
        assertTrue(r.detail().endsWith("; nothing was sent"), r.detail());
        assertTrue(control.asked.isEmpty());
    }
}
