package org.bmsworkbench.protocol.daly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.fets.FetCommand;
import org.bmsworkbench.bms.fets.FetResult;
import org.bmsworkbench.bms.fets.FetResult.Outcome;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DalyFetControlTest {
    private final DalyFetControl control = new DalyFetControl(Duration.ofMillis(200), Duration.ofMillis(300));
    private FakeLink link;

    @AfterEach
    void stop() {
        control.deactivate();
        if (link != null) {
            link.close();
        }
    }

    private FetResult apply(FakeLink l, Boolean charge, Boolean discharge) throws Exception {
        link = l;
        return control.apply(l, new FetCommand(charge, discharge)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void switchesOnASerialLineAndConfirmsByReadingBack() throws Exception {
        FakeLink l = new FakeLink(true, "serial:/dev/ttyUSB0", false);
        FakeDaly bms = new FakeDaly(l);
        FetResult r = apply(l, true, false);
        assertEquals(Outcome.CONFIRMED, r.outcome(), r.detail());
        assertEquals(true, r.charge());
        assertEquals(false, r.discharge());
        assertEquals("the Daly BMS reports charge on, discharge off after charge on, discharge off", r.detail());
        assertEquals(List.of("0xDA 1", "0xD9 0", "0x93 0"), bms.requests);
        assertEquals(List.of("A540DA0801000000000000 00C8".replace(" ", ""),
                "A540D908000000000000000 0C6".replace(" ", ""), "A5409308000000000000000080"),
                r.sent().stream().map(CanFrame::dataHex).toList());
        assertEquals(List.of(true, true, true), bms.lockedOnArrival, "each request held the exchange lock");
        assertEquals(0, l.subscriberCount(), "the exchange stops listening");
    }

    @Test
    void switchesOnCan() throws Exception {
        FakeLink l = new FakeLink(false, "socketcan:can0", false);
        FakeDaly bms = new FakeDaly(l);
        FetResult r = apply(l, null, false);
        assertEquals(Outcome.CONFIRMED, r.outcome(), r.detail());
        assertEquals(List.of(0x18D90140, 0x18930140), r.sent().stream().map(CanFrame::id).toList());
        assertEquals(List.of("0xD9 0", "0x93 0"), bms.requests);
    }

    @Test
    void aBmsThatKeepsItsStateIsRejected() throws Exception {
        FakeLink l = new FakeLink(true, "serial:/dev/ttyUSB0", false);
        FakeDaly bms = new FakeDaly(l);
        bms.behaviour = FakeDaly.Behaviour.KEEPS_ITS_STATE;
        FetResult r = apply(l, true, null);
        assertEquals(Outcome.REJECTED, r.outcome());
        assertEquals(false, r.charge());
        assertEquals("the Daly BMS still reports charge off, discharge on after charge on", r.detail());
        assertEquals(1 + DalyFetControl.READ_TRIES, r.sent().size(), "the read-back is tried again before giving up");
    }

    @Test
    void noAnswerIsATimeout() throws Exception {
        FakeLink l = new FakeLink(true, "serial:/dev/ttyUSB0", false);
        new FakeDaly(l).behaviour = FakeDaly.Behaviour.SILENT;
        FetResult r = apply(l, false, null);
        assertEquals(Outcome.TIMEOUT, r.outcome());
        assertEquals("the Daly BMS did not answer 0x93 after charge off (no answer to 0xDA), 3 tries of 200 ms:"
                + " the MOSFETs' state is unknown", r.detail());
    }

    @Test
    void theCommandsOwnAnswerIsNotRequired() throws Exception {
        FakeLink l = new FakeLink(true, "serial:/dev/ttyUSB0", false);
        new FakeDaly(l).behaviour = FakeDaly.Behaviour.ANSWERS_ONLY_0X93;
        FetResult r = apply(l, true, null);
        assertEquals(Outcome.CONFIRMED, r.outcome());
        assertTrue(r.detail().endsWith("after charge on (no answer to 0xDA)"), r.detail());
    }

    @Test
    void listenOnlyAndReplaysAreRefusedWithoutSending() throws Exception {
        FakeLink l = new FakeLink(true, "serial:/dev/ttyUSB0?mode=listen-only", false);
        FakeDaly bms = new FakeDaly(l);
        FetResult r = apply(l, true, null);
        assertEquals(Outcome.REFUSED, r.outcome());
        assertTrue(r.detail().contains("listen-only; nothing was sent"), r.detail());
        l.close();
        FakeLink replay = new FakeLink(true, "replay:trace.log", true);
        FetResult r2 = apply(replay, true, null);
        assertEquals(Outcome.REFUSED, r2.outcome());
        assertTrue(r2.detail().contains("is a replay; nothing was sent"), r2.detail());
        assertEquals(List.of(), bms.requests);
        assertEquals(List.of(), replay.sent);
    }

    /** A call waiting behind a busy line when the control stops still completes. */
    @Test
    void everyCallCompletesWhenTheControlStops() throws Exception {
        FakeLink l = new FakeLink(true, "serial:/dev/ttyUSB0", false);
        link = l;
        new FakeDaly(l);
        DalyFetControl slow = new DalyFetControl(Duration.ofMillis(200), Duration.ofSeconds(30));
        l.link.exchangeLock().lock();
        try {
            var first = slow.apply(l, new FetCommand(true, null));
            var queued = slow.apply(l, new FetCommand(false, null));
            Thread.sleep(200);
            slow.deactivate();
            FetResult r1 = first.get(5, TimeUnit.SECONDS);
            FetResult r2 = queued.get(5, TimeUnit.SECONDS);
            assertEquals(Outcome.REFUSED, r1.outcome(), r1.detail());
            assertEquals("stopped before anything was sent", r1.detail());
            assertEquals(Outcome.REFUSED, r2.outcome(), r2.detail());
            assertEquals("the Daly MOSFET control stopped before the call ran; nothing was sent", r2.detail());
        } finally {
            l.link.exchangeLock().unlock();
        }
        assertEquals(List.of(), l.sent);
    }

    @Test
    void aBusyLineIsRefusedWhenNothingWasSent() throws Exception {
        FakeLink l = new FakeLink(true, "serial:/dev/ttyUSB0", false);
        new FakeDaly(l);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread poller = new Thread(() -> {
            l.link.exchangeLock().lock();
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                l.link.exchangeLock().unlock();
            }
        });
        poller.start();
        held.await();
        FetResult r = apply(l, true, null);
        release.countDown();
        poller.join();
        assertEquals(Outcome.REFUSED, r.outcome());
        assertEquals("the serial line ttyUSB0 stayed busy for 300 ms; nothing was sent", r.detail());
        assertEquals(List.of(), l.sent);
    }
}
