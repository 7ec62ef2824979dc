package org.bmsworkbench.protocol.jbd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.bms.fets.FetResult.Outcome;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.StreamLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Switching the MOSFETs against {@link FakeJbdLine}: the write/reply sequence of the register map
 * (enter factory mode 0x00 {@code 56 78}, 0xE1 {@code 00 XX}, exit 0x01 {@code 00 00}, read back
 * 0x03), the state a null leaves, errors, silence, refusals.
 */
class JbdFetControlTest {
    private final JbdFetControl control = new JbdFetControl(Duration.ofMillis(300));
    private final FakeJbdLine line = new FakeJbdLine("serial:/dev/ttyUSB0?protocol=jbd");

    @AfterEach
    void stop() {
        control.deactivate();
        line.close();
    }

    private FetResult apply(Boolean charge, Boolean discharge) throws Exception {
        return control.apply(line, new FetCommand(charge, discharge)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void switchingBothOffGoesThroughFactoryModeAndIsConfirmedByTheReadBack() throws Exception {
        FetResult r = apply(false, false);
        assertEquals(Outcome.CONFIRMED, r.outcome(), r.detail());
        assertEquals(false, r.charge());
        assertEquals(false, r.discharge());
        assertEquals("charge off, discharge off: confirmed by JBD register 0x03", r.detail());
        assertEquals(List.of("DD5A00025678FF3077", "DD5AE1020003FF1A77", "DD5A01020000FFFD77",
                "DDA50300FFFD77"), r.sent().stream().map(CanFrame::dataHex).toList());
        assertEquals(List.of("write 0x00 5678", "write 0xE1 0003", "write 0x01 0000", "read 0x03"), line.sentRequests());
        assertTrue(line.lockedAtRequest.stream().allMatch(b -> b), "every request went out under the exchange lock");
        assertFalse(line.link.exchangeLock().isLocked(), "and the lock is free afterwards");
        assertFalse(line.factory, "the BMS left factory mode");
        assertEquals(0, line.listenerCount(), "the subscription ended");
        assertTrue(r.sent().stream().allMatch(f -> f.chunk() && f.bus().equals("ttyUSB0")));
    }

    @Test
    void aMosfetLeftNullKeepsTheStateAFreshReadReports() throws Exception {
        line.discharge = false;
        FetResult r = apply(true, null);
        assertEquals(Outcome.CONFIRMED, r.outcome(), r.detail());
        assertEquals(List.of("read 0x03", "write 0x00 5678", "write 0xE1 0002", "write 0x01 0000", "read 0x03"), line.sentRequests());
        assertEquals(true, r.charge());
        assertEquals(false, r.discharge());

        FetResult on = apply(null, true);
        assertEquals(Outcome.CONFIRMED, on.outcome(), on.detail());
        assertEquals("write 0xE1 0000", line.sentRequests().get(7));
        assertTrue(line.discharge);
    }

    @Test
    void anErrorStatusIsRejectedAndFactoryModeIsStillLeft() throws Exception {
        line.errorOn.add(0xE1);
        FetResult r = apply(false, null);
        assertEquals(Outcome.REJECTED, r.outcome());
        assertEquals("JBD answered 0xE1 (MOSFET control) with status 0x80", r.detail());
        assertEquals(List.of("read 0x03", "write 0x00 5678", "write 0xE1 0001", "write 0x01 0000"), line.sentRequests());
        assertFalse(line.factory);
        assertEquals(4, r.sent().size());
    }

    @Test
    void aWrongPasswordIsRejectedBeforeAnythingIsSwitched() throws Exception {
        line.errorOn.add(0x00);
        FetResult r = apply(false, false);
        assertEquals(Outcome.REJECTED, r.outcome());
        assertEquals("JBD answered 0x00 (enter factory mode) with status 0x80", r.detail());
        assertEquals(List.of("write 0x00 5678"), line.sentRequests());
    }

    @Test
    void aBmsThatKeepsItsMosfetsIsRejectedWithWhatItReports() throws Exception {
        line.keepsFets = true;
        FetResult r = apply(false, true);
        assertEquals(Outcome.REJECTED, r.outcome());
        assertEquals("asked charge off, discharge on; JBD register 0x03 reports charge on, discharge on", r.detail());
        assertEquals(true, r.charge());
        assertEquals(true, r.discharge());
    }

    @Test
    void silenceIsATimeoutNamingTheRegister() throws Exception {
        line.silentOn.add(0x00);
        FetResult r = apply(false, false);
        assertEquals(Outcome.TIMEOUT, r.outcome());
        assertEquals("no answer from the JBD BMS to 0x00 (enter factory mode) within 300 ms", r.detail());
        assertEquals(List.of("write 0x00 5678", "write 0x00 5678"), line.sentRequests(), "asked twice: a sleeping JBD misses the first");
        assertFalse(line.link.exchangeLock().isLocked());
    }

    @Test
    void aSleepingBmsIsWokenByTheFirstFrame() throws Exception {
        line.asleep = 1;
        FetResult r = apply(false, true);
        assertEquals(Outcome.CONFIRMED, r.outcome(), r.detail());
        assertEquals(List.of("write 0x00 5678", "write 0x00 5678", "write 0xE1 0001", "write 0x01 0000", "read 0x03"), line.sentRequests());
    }

    @Test
    void silenceAfterTheSwitchIsATimeoutOfTheReadBack() throws Exception {
        line.silentOn.add(0x03);
        FetResult r = apply(false, false);
        assertEquals(Outcome.TIMEOUT, r.outcome());
        assertEquals("no answer from the JBD BMS to 0x03 (basic information) within 300 ms", r.detail());
        assertFalse(line.charge, "it was sent; only the confirmation is missing");
    }

    @Test
    void listenOnlyReplaysAndCanBusesAreRefusedWithoutSending() throws Exception {
        FakeJbdLine quiet = new FakeJbdLine("serial:/dev/ttyUSB0?protocol=jbd&mode=listen-only");
        FetResult r = control.apply(quiet, new FetCommand(false, null)).get(1, TimeUnit.SECONDS);
        assertEquals(Outcome.REFUSED, r.outcome());
        assertEquals("serial:/dev/ttyUSB0?protocol=jbd&mode=listen-only is listen-only; nothing was sent", r.detail());
        assertEquals(List.of(), quiet.requests);

        line.offer(PlaybackControl.class, (PlaybackControl) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PlaybackControl.class}, (p, m, a) -> null));
        r = apply(false, false);
        assertEquals(Outcome.REFUSED, r.outcome());
        assertEquals("serial:/dev/ttyUSB0?protocol=jbd is a replay; nothing was sent", r.detail());
        line.withdraw(PlaybackControl.class);
        line.withdraw(StreamLink.class);
        r = apply(false, false);
        assertEquals(Outcome.REFUSED, r.outcome());
        assertTrue(r.detail().contains("is not a serial link"), r.detail());
        assertEquals(List.of(), line.requests);
        assertEquals(List.of(), r.sent());
    }

    @Test
    void aSendThatFailsIsNamed() throws Exception {
        line.unplugged = true;
        FetResult r = apply(false, false);
        assertEquals(Outcome.REFUSED, r.outcome());
        assertEquals("could not send to the JBD BMS on ttyUSB0: port /dev/ttyUSB0 is gone (reconnecting)", r.detail());
        assertEquals(List.of(), r.sent());
        assertFalse(line.link.exchangeLock().isLocked());
        assertEquals(0, line.listenerCount());
    }

    @Test
    void aBusyLineIsWaitedFor() throws Exception {
        line.link.exchangeLock().lock(); // the poller's request is out
        var future = control.apply(line, new FetCommand(false, false));
        Thread.sleep(200);
        assertEquals(List.of(), line.requests, "nothing goes out while the line is busy");
        line.link.exchangeLock().unlock();
        assertEquals(Outcome.CONFIRMED, future.get(10, TimeUnit.SECONDS).outcome());
    }

    @Test
    void stoppingEndsEveryCallAndRefusesNewOnes() throws Exception {
        line.link.exchangeLock().lock(); // keeps the first call waiting for the line
        try {
            var first = control.apply(line, new FetCommand(false, false));
            var queued = control.apply(line, new FetCommand(true, true));
            Thread.sleep(100);
            control.deactivate();
            FetResult r = first.get(10, TimeUnit.SECONDS);
            assertEquals(Outcome.REFUSED, r.outcome(), "stopped while waiting for the line: " + r.detail());
            assertEquals(List.of(), r.sent());
            assertEquals(Outcome.REFUSED, queued.get(1, TimeUnit.SECONDS).outcome());
            FetResult after = control.apply(line, new FetCommand(true, null)).get(1, TimeUnit.SECONDS);
            assertEquals("the JBD MOSFET control stopped; nothing was sent", after.detail());
            assertEquals(List.of(), line.requests);
        } finally {
            line.link.exchangeLock().unlock();
        }
    }

    @Test
    void identity() {
        assertEquals("jbd", control.protocol());
        assertTrue(control.canSwitch(true));
        assertTrue(control.canSwitch(false));
    }
}
