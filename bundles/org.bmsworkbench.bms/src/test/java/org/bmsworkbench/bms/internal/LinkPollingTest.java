package org.bmsworkbench.bms.internal;

import static org.bmsworkbench.bms.FakeStreamProtocol.answer;
import static org.bmsworkbench.bms.FakeStreamProtocol.key;
import static org.bmsworkbench.bms.FakeStreamProtocol.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.FakeProtocol;
import org.bmsworkbench.bms.FakeStreamProtocol;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.can.StreamLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live session polling a BMS that speaks only when asked ({@code ProtocolSession.pollRequests},
 * {@link LinkPoller}), on a byte-stream connection with a device at its far end. The frames are
 * JBD-like: the read request {@code DD A5 03 00 FF FD 77} of the contract and answers
 * framed the same way (see {@link FakeStreamProtocol}).
 */
class LinkPollingTest {
    private static final int JBD = 0xDD;
    private static final int OTHER = 0x5A;
    /** How long a test watches for requests that must not come. */
    private static final long QUIET_MILLIS = 600;

    private final RecordingLogger log = new RecordingLogger();
    private final InstalledProtocols registry = new InstalledProtocols(log.logger);
    private final LiveSessions sessions = new LiveSessions(registry, log.logger);
    private FakeStreamConnection link;

    @AfterEach
    void stop() {
        sessions.deactivate();
        if (link != null) {
            link.close();
        }
    }

    private void install(BmsProtocol p) throws InterruptedException {
        registry.addProtocol(p, Map.of("protocol.id", p.id()));
        assertTrue(sessions.awaitChanges(5, TimeUnit.SECONDS));
    }

    /** A device that answers a JBD-like read of register r with one data byte r + 0x40. */
    private static byte[] jbdDevice(byte[] request) {
        if (request.length == 7 && (request[0] & 0xFF) == JBD && Arrays.equals(request, request(JBD, request[2] & 0xFF))) {
            return answer(JBD, request[2] & 0xFF, (request[2] & 0xFF) + 0x40);
        }
        return null;
    }

    private FakeStreamConnection connection(String uri, long periodMillis, boolean playback,
            Function<byte[], byte[]> device, long delayMillis) {
        link = new FakeStreamConnection(uri, new StreamLink("ttyF", ConnectionUri(uri), Duration.ofMillis(periodMillis)),
                playback, device, delayMillis, true);
        return link;
    }

    private static String ConnectionUri(String uri) {
        return org.bmsworkbench.can.ConnectionUri.parse(uri).option("protocol").orElse(null);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static Object value(BmsSession s, String key) {
        return s.model().get(key).map(SignalValue::value).orElse(null);
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().withUpperCase().formatHex(b);
    }

    @Test
    void requestsGoOneAfterAnotherEachOnceTheAnswerBeforeIsDecoded() throws Exception {
        install(new FakeStreamProtocol("jbd", JBD, 0x03, 0x04));
        FakeStreamConnection c = connection("serial:/dev/ttyF?protocol=jbd", 1000, false, LinkPollingTest::jbdDevice, 80);
        BmsSession s = sessions.attach(c, "jbd");
        await(() -> c.events.size() >= 4, "two requests and their answers");
        List<FakeStreamConnection.Event> e = c.events.subList(0, 4);
        assertEquals(List.of("tx " + hex(request(JBD, 3)), "rx " + hex(answer(JBD, 3, 0x43)),
                "tx " + hex(request(JBD, 4)), "rx " + hex(answer(JBD, 4, 0x44))),
                e.stream().map(Object::toString).toList(), "the second request waits for the first answer");
        assertEquals("tx DDA50300FFFD77", e.get(0).toString(), "the contract's request for register 0x03");
        long gap = TimeUnit.NANOSECONDS.toMillis(e.get(2).nanos() - e.get(0).nanos());
        assertTrue(gap >= 70 && gap < LinkPoller.ANSWER_TIMEOUT.toMillis(), "sent after the answer, not the timeout: " + gap);
        long stamped = (e.get(2).frame().timestampMicros() - e.get(0).frame().timestampMicros()) / 1000;
        assertTrue(stamped >= 60, "each request carries the time it was sent, not the cycle's start: " + stamped + " ms");
        await(() -> value(s, key("jbd", 4)) != null, "the values in the model");
        assertEquals(0x43L, value(s, key("jbd", 3)));
        assertEquals(0x44L, value(s, key("jbd", 4)));

        await(() -> c.sent().size() >= 3, "the next cycle");
        long period = TimeUnit.NANOSECONDS.toMillis(c.sent().get(2).nanos() - c.sent().get(0).nanos());
        assertTrue(period >= 950 && period < 1500, "one cycle a poll period: " + period + " ms");
    }

    @Test
    void aRequestWithoutAnswerWaitsForTheTimeoutThenTheNextGoes() throws Exception {
        install(new FakeStreamProtocol("jbd", JBD, 0x03, 0x04));
        FakeStreamConnection c = connection("serial:/dev/ttyF?protocol=jbd", 2000, false, null, 0);
        sessions.attach(c, "jbd");
        await(() -> c.sent().size() >= 2, "two requests");
        long gap = TimeUnit.NANOSECONDS.toMillis(c.sent().get(1).nanos() - c.sent().get(0).nanos());
        assertTrue(gap >= LinkPoller.ANSWER_TIMEOUT.toMillis() - 20 && gap < 1500, "the answer timeout: " + gap + " ms");
    }

    @Test
    void theTimeoutIsNoLongerThanAShortPollPeriod() throws Exception {
        install(new FakeStreamProtocol("jbd", JBD, 0x03, 0x04));
        FakeStreamConnection c = connection("serial:/dev/ttyF?protocol=jbd", 200, false, null, 0);
        sessions.attach(c, "jbd");
        await(() -> c.sent().size() >= 2, "two requests");
        long gap = TimeUnit.NANOSECONDS.toMillis(c.sent().get(1).nanos() - c.sent().get(0).nanos());
        assertTrue(gap >= 180 && gap < 450, "the poll period bounds the wait: " + gap + " ms");
    }

    @Test
    void nothingIsSentOnAListenOnlyLink() throws Exception {
        install(new FakeStreamProtocol("jbd", JBD, 0x03));
        FakeStreamConnection c = connection("serial:/dev/ttyF?protocol=jbd&mode=listen-only", 100, false,
                LinkPollingTest::jbdDevice, 0);
        BmsSession s = sessions.attach(c, "auto");
        assertEquals(List.of("jbd"), s.activeProtocols());
        Thread.sleep(QUIET_MILLIS); // absence: watched for six poll periods
        assertEquals(List.of(), c.sent());
        c.deviceSends(answer(JBD, 3, 0x43)); // sniffed: another master asked
        await(() -> value(s, key("jbd", 3)) != null, "the sniffed answer decoded");
    }

    @Test
    void nothingIsSentOnAReplay() throws Exception {
        install(new FakeStreamProtocol("jbd", JBD, 0x03));
        FakeStreamConnection c = connection("replay:trace.log?protocol=jbd", 100, true, LinkPollingTest::jbdDevice, 0);
        BmsSession s = sessions.attach(c, "jbd");
        assertEquals(List.of("jbd"), s.activeProtocols());
        Thread.sleep(QUIET_MILLIS);
        assertEquals(List.of(), c.sent());
    }

    @Test
    void autoTakesTheProtocolTheUriNames() throws Exception {
        install(new FakeStreamProtocol("other", OTHER, 0x03));
        install(new FakeStreamProtocol("jbd", JBD, 0x03));
        FakeStreamConnection c = connection("serial:/dev/ttyF?protocol=jbd", 1000, false, LinkPollingTest::jbdDevice, 10);
        BmsSession s = sessions.attach(c, "auto");
        assertEquals(List.of("jbd"), s.activeProtocols());
        assertEquals("the link's URI names protocol jbd", s.detectionEvidence());
        await(() -> value(s, key("jbd", 3)) != null, "the answer decoded");
        assertEquals("tx " + hex(request(JBD, 3)), c.sent().get(0).toString());
        assertTrue(c.sent().stream().noneMatch(e -> e.frame().u8(0) == OTHER), "no probe of the other protocol");
    }

    @Test
    void autoTakesTheUriProtocolOnceTheLinkConnects() throws Exception {
        install(new FakeStreamProtocol("jbd", JBD, 0x03));
        link = new FakeStreamConnection("serial:/dev/ttyF?protocol=jbd", new StreamLink("ttyF", "jbd", Duration.ofSeconds(1)),
                false, LinkPollingTest::jbdDevice, 10, false);
        FakeStreamConnection c = link;
        BmsSession s = sessions.attach(c, "auto");
        assertEquals(List.of(), s.activeProtocols(), "no link yet, no protocol");
        c.connect();
        assertTrue(sessions.awaitChanges(5, TimeUnit.SECONDS));
        assertEquals(List.of("jbd"), s.activeProtocols());
        await(() -> value(s, key("jbd", 3)) != null, "polled once connected");
    }

    @Test
    void aLinkThatConnectsWhileTheSessionStartsIsPolled() throws Exception {
        install(new FakeStreamProtocol("jbd", JBD, 0x03));
        link = new FakeStreamConnection("serial:/dev/ttyF?protocol=jbd", new StreamLink("ttyF", "jbd", Duration.ofSeconds(1)),
                false, LinkPollingTest::jbdDevice, 10, false);
        FakeStreamConnection c = link;
        c.connectOnSubscribe = true;
        BmsSession s = sessions.attach(c, "auto");
        assertTrue(sessions.awaitChanges(5, TimeUnit.SECONDS));
        assertEquals(List.of("jbd"), s.activeProtocols(), "the link came up between the first choice and the subscription");
        await(() -> value(s, key("jbd", 3)) != null, "polled once connected");
    }

    @Test
    void autoWithoutAProtocolProbesEachPollingProtocolAndChoosesTheOneThatAnswered() throws Exception {
        install(new FakeStreamProtocol("daly-like", OTHER, 0x03, 0x04)); // asked first: its id sorts first
        install(new FakeStreamProtocol("jbd", JBD, 0x03, 0x04));
        install(FakeProtocol.scoring("sma", 1, 0x351)); // listens only: never probed
        FakeStreamConnection c = connection("serial:/dev/ttyF", 1000, false, LinkPollingTest::jbdDevice, 20);
        BmsSession s = sessions.attach(c, "auto");
        await(() -> s.activeProtocols().equals(List.of("jbd")), "jbd chosen");
        assertEquals("jbd: 1 chunk of a serial line (score 10, no other protocol scored); with companions: —",
                s.detectionEvidence());
        assertEquals(List.of("tx " + hex(request(OTHER, 3)), "tx " + hex(request(JBD, 3))),
                c.sent().stream().limit(2).map(Object::toString).toList(), "the first request of each polling protocol");
        long probeGap = TimeUnit.NANOSECONDS.toMillis(c.sent().get(1).nanos() - c.sent().get(0).nanos());
        assertTrue(probeGap >= LinkPoller.ANSWER_TIMEOUT.toMillis() - 20, "the unanswered probe timed out: " + probeGap);
        // the probe's answer is decoded too: it is decoded just after the choice, long before the next cycle (1 s)
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
        while (value(s, key("jbd", 3)) == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0x43L, value(s, key("jbd", 3)), "the probe's answer is decoded too");
        await(() -> value(s, key("jbd", 4)) != null, "the whole cycle of the chosen protocol: " + c.events + " "
                + s.lastProblem());
        assertEquals(1, c.sent().stream().filter(e -> e.frame().u8(0) == OTHER).count(),
                "once chosen, only the chosen protocol asks");
    }

    @Test
    void bytesBetweenAnswersAreAProblemAndTheAnswersAroundThemAreKept() throws Exception {
        install(new FakeStreamProtocol("jbd", JBD, 0x03));
        FakeStreamConnection c = connection("serial:/dev/ttyF?protocol=jbd&mode=listen-only", 1000, false, null, 0);
        BmsSession s = sessions.attach(c, "jbd");
        byte[] a = answer(JBD, 3, 0x43);
        byte[] chunk = new byte[a.length + 2];
        chunk[0] = 0x00;
        chunk[1] = 0x11;
        System.arraycopy(a, 0, chunk, 2, a.length);
        c.deviceSends(chunk);
        assertEquals(0x43L, value(s, key("jbd", 3)));
        assertEquals("jbd: skipped 0011 on ttyF", s.lastProblem());
    }
}
