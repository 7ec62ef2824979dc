package org.bmsworkbench.bms.internal;

import static org.bmsworkbench.bms.FakeProtocol.frame;
import static org.bmsworkbench.bms.FakeProtocol.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.FakeProtocol;
import org.bmsworkbench.bms.SignalValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveSessionsTest {
    private final RecordingLogger log = new RecordingLogger();
    private final InstalledProtocols registry = new InstalledProtocols(log.logger);
    private final LiveSessions sessions = new LiveSessions(registry, log.logger);
    private final FakeConnection bus = new FakeConnection(256);

    @AfterEach
    void stop() {
        sessions.deactivate();
    }

    private void install(FakeProtocol p) throws InterruptedException {
        registry.addProtocol(p, Map.of("protocol.id", p.id()));
        settle();
    }

    private void settle() throws InterruptedException {
        assertTrue(sessions.awaitChanges(5, TimeUnit.SECONDS));
    }

    private static Object value(BmsSession s, int canId) {
        return s.model().get(key(canId)).map(SignalValue::value).orElse(null);
    }

    @Test
    void anInstalledProtocolDecodesIntoTheModelAndToListeners() throws Exception {
        install(FakeProtocol.scoring("sma", 1, 0x351, 0x356));
        BmsSession s = sessions.attach(bus, "sma");
        List<DecodedMessage> seen = new CopyOnWriteArrayList<>();
        s.onMessage(seen::add);
        assertEquals(List.of("sma"), s.activeProtocols());
        assertEquals("", s.detectionEvidence());

        bus.receive(frame(1_000, 0x356, 42));
        bus.receive(frame(2_000, 0x700, 1));

        assertEquals(42L, value(s, 0x356));
        assertEquals(1_000, s.model().get(key(0x356)).orElseThrow().timeMicros());
        assertEquals(1, s.decodedMessages());
        assertEquals(1, seen.size());
        assertEquals("sma", seen.get(0).protocol());
        assertEquals("sma", s.requestedProtocol());
        assertEquals(bus, s.connection());
    }

    @Test
    void anExplicitProtocolThatArrivesLaterStartsDecodingAndStopsWhenItLeaves() throws Exception {
        BmsSession s = sessions.attach(bus, "sma");
        bus.receive(frame(1, 0x351, 7));
        assertEquals(List.of(), s.activeProtocols());
        assertEquals(0, s.decodedMessages());

        FakeProtocol sma = FakeProtocol.scoring("sma", 1, 0x351);
        install(FakeProtocol.scoring("other", 1, 0x351));
        assertEquals(List.of(), s.activeProtocols(), "another protocol does not count");
        install(sma);
        assertEquals(List.of("sma"), s.activeProtocols());
        bus.receive(frame(2, 0x351, 8));
        assertEquals(8L, value(s, 0x351));

        registry.removeProtocol(sma);
        assertEquals(List.of(), s.activeProtocols(), "dropped on the unbind, at once");
        bus.receive(frame(3, 0x351, 9));
        assertEquals(8L, value(s, 0x351));
        assertEquals(1, s.decodedMessages());

        FakeProtocol again = FakeProtocol.scoring("sma", 1, 0x351);
        install(again);
        bus.receive(frame(4, 0x351, 10));
        assertEquals(10L, value(s, 0x351));
        assertEquals(1, again.sessionsCreated.get());
    }

    @Test
    void aRemovedProtocolIsNotReferencedAnyMore() throws Exception {
        BmsSession explicit = sessions.attach(bus, "sma");
        BmsSession auto = sessions.attach(bus, "auto");
        FakeProtocol sma = FakeProtocol.scoring("sma", 1, 0x351);
        WeakReference<FakeProtocol> ref = new WeakReference<>(sma);
        install(sma);
        bus.receive(frame(1, 0x351, 1));
        assertEquals(List.of("sma"), explicit.activeProtocols());
        assertEquals(List.of("sma"), auto.activeProtocols());

        registry.removeProtocol(sma);
        sma = null;
        settle();
        assertEquals(List.of(), explicit.activeProtocols());
        assertEquals(List.of(), auto.activeProtocols());
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(ref.get(), "the departed protocol is still reachable");
        assertEquals(1L, value(explicit, 0x351), "what was decoded stays in the model");
    }

    @Test
    void autoDetectionChoosesWhenAProtocolArrivesAndReplaysTheFramesSeenMeanwhile() throws Exception {
        BmsSession s = sessions.attach(bus, "auto");
        bus.receive(frame(1, 0x351, 7));
        bus.receive(frame(2, 0x356, 9));
        assertEquals(List.of(), s.activeProtocols());
        assertEquals("", s.detectionEvidence());

        install(FakeProtocol.scoring("sma", 2, 0x351, 0x356));

        assertEquals(List.of("sma"), s.activeProtocols());
        assertEquals("sma: 2 frames with ids 0x351, 0x356 (score 4, no other protocol scored); with companions: —", s.detectionEvidence());
        assertEquals(7L, value(s, 0x351));
        assertEquals(9L, value(s, 0x356));
        assertEquals(2, s.decodedMessages());
        bus.receive(frame(3, 0x356, 10));
        assertEquals(10L, value(s, 0x356));
    }

    @Test
    void autoDetectionOnTheBusDecodesTheFramesThatCameBeforeTheChoice() throws Exception {
        // 0x359 is decoded by sma but is no evidence for it (score 0)
        install(new FakeProtocol("sma", Map.of(0x359, 0, 0x351, 2)));
        BmsSession s = sessions.attach(bus, "auto");
        bus.receive(frame(1, 0x359, 5));
        assertEquals(List.of(), s.activeProtocols());
        bus.receive(frame(2, 0x351, 6));
        assertEquals(List.of("sma"), s.activeProtocols());
        assertEquals(5L, value(s, 0x359));
        assertEquals(6L, value(s, 0x351));
        assertEquals(2, s.decodedMessages());
    }

    @Test
    void autoDetectionSwitchesWhenStrongerEvidenceArrives() throws Exception {
        install(FakeProtocol.scoring("sma", 3, 0x351, 0x356));
        install(new FakeProtocol("general-bms", Map.of(0x351, 2, 0x356, 2, 0x373, 5)));
        BmsSession s = sessions.attach(bus, "auto");
        bus.receive(frame(1, 0x351, 1));
        assertEquals(List.of("sma"), s.activeProtocols());
        bus.receive(frame(2, 0x373, 2));
        assertEquals(List.of("general-bms"), s.activeProtocols());
        assertTrue(s.detectionEvidence().startsWith("general-bms: 2 frames with ids 0x351, 0x373 (score 7 vs sma 3)"),
                s.detectionEvidence());
        assertEquals(2L, value(s, 0x373));
        assertEquals("general-bms", s.model().get(key(0x373)).orElseThrow().protocol());
    }

    @Test
    void malformedFramesAreCountedAndDecodingGoesOn() throws Exception {
        install(new FakeProtocol("sma", Map.of(0x351, 1, 0x35A, 1), Set.of(0x35A), List.of()));
        BmsSession s = sessions.attach(bus, "sma");
        bus.receive(frame(1, 0x35A, 0));
        bus.receive(frame(2, 0x35A, 0));
        bus.receive(frame(3, 0x351, 4));
        assertEquals(2, s.malformedFrames());
        assertEquals("0x35A is broken", s.lastProblem());
        assertEquals(4L, value(s, 0x351));
        assertEquals(1, s.decodedMessages());
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() throws Exception {
        install(FakeProtocol.scoring("sma", 1, 0x351));
        BmsSession s = sessions.attach(bus, "sma");
        s.onMessage(m -> {
            throw new IllegalStateException("listener bug");
        });
        List<DecodedMessage> seen = new ArrayList<>();
        s.onMessage(seen::add);
        bus.receive(frame(1, 0x351, 1));
        bus.receive(frame(2, 0x351, 2));
        assertEquals(2, seen.size());
        assertEquals(2L, value(s, 0x351));
        assertEquals(1, log.warnings.size(), "logged once: " + log.warnings);
    }

    @Test
    void closeUnsubscribesAndStopsDecoding() throws Exception {
        install(FakeProtocol.scoring("sma", 1, 0x351));
        BmsSession s = sessions.attach(bus, "sma");
        assertEquals(List.of(s), sessions.sessions());
        assertEquals(1, bus.subscribers.size());
        s.close();
        s.close();
        assertEquals(0, bus.subscribers.size());
        assertEquals(List.of(), s.activeProtocols());
        assertEquals(List.of(), sessions.sessions());
        registry.addProtocol(FakeProtocol.scoring("sma", 1, 0x351), Map.of("protocol.id", "sma"));
        settle();
        assertEquals(List.of(), s.activeProtocols(), "a closed session follows the registry no more");
    }

    @Test
    void framesStayInOrderWhileProtocolsComeAndGo() throws Exception {
        BmsSession s = sessions.attach(bus, "auto");
        List<Long> order = new CopyOnWriteArrayList<>();
        s.onMessage(m -> order.add(m.frame().timestampMicros()));
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            while (!stop.get()) {
                FakeProtocol p = FakeProtocol.scoring("sma", 1, 0x351);
                registry.addProtocol(p, Map.of("protocol.id", "sma"));
                Thread.onSpinWait();
                registry.removeProtocol(p);
            }
        }, "protocol-churn");
        churn.start();
        for (int i = 1; i <= 20_000; i++) {
            bus.receive(frame(i, 0x351, i & 0xFF));
        }
        stop.set(true);
        churn.join(5_000);
        settle();
        assertFalse(churn.isAlive());
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i) > order.get(i - 1), "out of order at " + i + ": " + order.subList(i - 1, i + 1));
        }
        assertEquals(order.size(), s.decodedMessages());
        assertEquals(0, s.malformedFrames(), String.valueOf(s.lastProblem()));
    }

    // ---- companions: stand-ins with 11-bit ids, 0x100 for NMEA 2000 PGNs, 0x200 for VREG registers ----

    private static FakeProtocol nmea2000() {
        return FakeProtocol.scoring("nmea2000", 50, 0x100).withCompanions("vreg");
    }

    private static FakeProtocol vreg() {
        return FakeProtocol.scoring("vreg", 50, 0x200);
    }

    @Test
    void anExplicitProtocolDecodesWithItsCompanionsAsTheyComeAndGo() throws Exception {
        FakeProtocol n2k = nmea2000();
        install(n2k);
        BmsSession s = sessions.attach(bus, "nmea2000");
        assertEquals(List.of("nmea2000"), s.activeProtocols(), "the companion is not installed yet");
        bus.receive(frame(1, 0x200, 1));
        assertEquals(0, s.decodedMessages());

        FakeProtocol vreg = vreg();
        install(vreg);
        assertEquals(List.of("nmea2000", "vreg"), s.activeProtocols(), "a companion hot-added joins");
        assertEquals(1, n2k.sessionsCreated.get(), "the protocol's own session is kept");
        bus.receive(frame(2, 0x100, 2));
        bus.receive(frame(3, 0x200, 3));
        assertEquals(2L, value(s, 0x100));
        assertEquals(3L, value(s, 0x200));
        assertEquals("vreg", s.model().get(key(0x200)).orElseThrow().protocol());

        registry.removeProtocol(vreg);
        assertEquals(List.of("nmea2000"), s.activeProtocols(), "a departing companion leaves the protocol decoding");
        bus.receive(frame(4, 0x100, 4));
        assertEquals(4L, value(s, 0x100));

        install(vreg());
        registry.removeProtocol(n2k);
        assertEquals(List.of(), s.activeProtocols(), "without the requested protocol its companions stop too");
        settle();
        assertEquals(List.of(), s.activeProtocols());
    }

    @Test
    void anExplicitCompanionDecodesAlone() throws Exception {
        install(nmea2000());
        install(vreg());
        BmsSession s = sessions.attach(bus, "vreg");
        assertEquals(List.of("vreg"), s.activeProtocols());
        bus.receive(frame(1, 0x100, 1));
        bus.receive(frame(2, 0x200, 2));
        assertNull(value(s, 0x100));
        assertEquals(2L, value(s, 0x200));
        assertEquals(1, s.decodedMessages());
    }

    @Test
    void autoDetectionChoosesTheWinnerWithItsCompanionsAndReplaysForBoth() throws Exception {
        install(nmea2000());
        install(vreg());
        install(FakeProtocol.scoring("sma", 10, 0x351));
        BmsSession s = sessions.attach(bus, "auto");
        bus.receive(frame(1, 0x200, 1));
        assertEquals(List.of("vreg"), s.activeProtocols(), "VREG frames alone say vreg");
        bus.receive(frame(2, 0x100, 2));
        assertEquals(List.of("nmea2000", "vreg"), s.activeProtocols());
        assertEquals("nmea2000: 1 frame with id 0x100 (score 100, no other protocol scored); with companions: vreg (1 frame with id 0x200)",
                s.detectionEvidence());
        bus.receive(frame(3, 0x200, 3));
        assertEquals(2L, value(s, 0x100));
        assertEquals(3L, value(s, 0x200));
        assertEquals(3, s.decodedMessages());
    }

    @Test
    void aCompanionInstalledAfterTheChoiceJoinsTheAutoSession() throws Exception {
        FakeProtocol n2k = nmea2000();
        install(n2k);
        BmsSession s = sessions.attach(bus, "auto");
        bus.receive(frame(1, 0x100, 1));
        assertEquals(List.of("nmea2000"), s.activeProtocols());
        assertTrue(s.detectionEvidence().endsWith("with companions: vreg (not installed)"), s.detectionEvidence());

        install(vreg());
        bus.receive(frame(2, 0x200, 2));
        assertEquals(List.of("nmea2000", "vreg"), s.activeProtocols());
        assertEquals(2L, value(s, 0x200));
        assertEquals(1, n2k.sessionsCreated.get(), "the chosen protocol's session is kept");
    }

    @Test
    void aFrameOneProtocolFindsMalformedButItsCompanionDecodesIsNoProblem() throws Exception {
        install(new FakeProtocol("nmea2000", Map.of(0x100, 50, 0x200, 1), Set.of(0x200), List.of()).withCompanions("vreg"));
        install(vreg());
        BmsSession s = sessions.attach(bus, "nmea2000");
        bus.receive(frame(1, 0x200, 7));
        assertEquals(7L, value(s, 0x200));
        assertEquals(0, s.malformedFrames(), String.valueOf(s.lastProblem()));
    }
}
