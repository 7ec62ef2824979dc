package org.bmsworkbench.can.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.Subscription;
import org.junit.jupiter.api.Test;

class BusConnectionTest {
    /** Wall clock in milliseconds, moved by the test. */
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final FakeTransport fake = new FakeTransport("fake");

    /** A connection attached to the fake transport, opened synchronously (direct executor). */
    private BusConnection connected(String uri, int capacity) {
        BusConnection c = new BusConnection(ConnectionUri.parse(uri), capacity, clock::get, "waiting", x -> { });
        c.attachIfWaiting(fake, Runnable::run);
        assertEquals(ConnectionState.CONNECTED, c.state());
        return c;
    }

    private CanChannel.Listener reader() {
        return fake.last().listener;
    }

    private static CanFrame frame(int id, int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", id, false, data);
    }

    @Test
    void sendingWhenNotConnectedSaysTheState() {
        BusConnection waiting = new BusConnection(ConnectionUri.parse("fake:x"), 10, clock::get, "no transport", x -> { });
        IOException e = assertThrows(IOException.class, () -> waiting.send(frame(0x100)));
        assertTrue(e.getMessage().startsWith("not connected: state WAITING_FOR_TRANSPORT"), e.getMessage());

        BusConnection c = connected("fake:x", 10);
        reader().onState(ConnectionState.RECONNECTING, "adapter unplugged, retry in 2 s");
        e = assertThrows(IOException.class, () -> c.send(frame(0x100)));
        assertTrue(e.getMessage().startsWith("not connected: state RECONNECTING"), e.getMessage());
        assertTrue(e.getMessage().contains("adapter unplugged"), e.getMessage());

        reader().onState(ConnectionState.CONNECTED, "back");
        assertDoesNotThrow(() -> c.send(frame(0x100)));
    }

    @Test
    void sentFramesGoToTheChannelAndToSubscribersAsTx() throws IOException {
        BusConnection c = connected("fake:x", 10);
        List<CanFrame> seen = new CopyOnWriteArrayList<>();
        c.subscribe(seen::add);

        c.send(frame(0x351, 1, 2));

        assertEquals(List.of(frame(0x351, 1, 2)), fake.last().sent);
        assertEquals(1, seen.size());
        assertEquals(Direction.TX, seen.get(0).direction());
        assertEquals(clock.get() * 1000, seen.get(0).timestampMicros(), "stamped with now when it had no time");
        assertEquals(1, c.statistics().txFrames());
        assertEquals(seen, c.recentFrames());
    }

    @Test
    void aFailedWriteIsCountedAndRethrown() {
        BusConnection c = connected("fake:x", 10);
        fake.last().failSend = new IOException("write failed");
        assertThrows(IOException.class, () -> c.send(frame(0x100)));
        assertEquals(1, c.statistics().transportErrors());
        assertEquals(0, c.statistics().txFrames());
    }

    @Test
    void aThrowingSubscriberDoesNotStopTheOthersNorTheReader() {
        BusConnection c = connected("fake:x", 10);
        List<CanFrame> before = new CopyOnWriteArrayList<>();
        List<CanFrame> after = new CopyOnWriteArrayList<>();
        c.subscribe(before::add);
        c.subscribe(f -> {
            throw new IllegalStateException("broken decoder");
        });
        c.subscribe(after::add);

        assertDoesNotThrow(() -> reader().onFrame(frame(0x356, 1)));
        assertDoesNotThrow(() -> reader().onFrame(frame(0x356, 2)));

        assertEquals(2, before.size());
        assertEquals(2, after.size());
        ConnectionStatistics s = c.statistics();
        assertEquals(2, s.rxFrames());
        assertEquals(2, s.transportErrors());
    }

    @Test
    void unsubscribedListenersGetNothingMoreAndClosingTwiceIsHarmless() {
        BusConnection c = connected("fake:x", 10);
        List<CanFrame> seen = new CopyOnWriteArrayList<>();
        Subscription sub = c.subscribe(seen::add);
        reader().onFrame(frame(1));
        sub.close();
        sub.close();
        reader().onFrame(frame(2));
        assertEquals(List.of(frame(1)), seen);
    }

    @Test
    void stateListenersSeeTheChannelsStates() {
        BusConnection c = connected("fake:x", 10);
        List<String> changes = new CopyOnWriteArrayList<>();
        c.onStateChange((s, d) -> changes.add(s + " " + d));
        reader().onState(ConnectionState.RECONNECTING, "unplugged");
        reader().onState(ConnectionState.CONNECTED, "plugged in");
        assertEquals(List.of("RECONNECTING unplugged", "CONNECTED plugged in"), changes);
        assertEquals("plugged in", c.stateDetail());
    }

    @Test
    void theRingKeepsTheNewestFramesOldestFirst() {
        BusConnection c = connected("fake:x", 5);
        for (int i = 0; i < 12; i++) {
            reader().onFrame(frame(i));
        }
        List<CanFrame> recent = c.recentFrames();
        assertEquals(5, c.recentCapacity());
        assertEquals(List.of(frame(7), frame(8), frame(9), frame(10), frame(11)), recent);
        assertThrows(UnsupportedOperationException.class, () -> recent.add(frame(99)));
        assertEquals(BusConnection.DEFAULT_RECENT_CAPACITY, new BusConnection(ConnectionUri.parse("x:"),
                BusConnection.DEFAULT_RECENT_CAPACITY, clock::get, "", x -> { }).recentCapacity());
    }

    @Test
    void framesPerSecondAndBusLoadCoverTheLastFullSecond() {
        BusConnection c = connected("fake:x?bitrate=500000", 100);
        clock.set(10_000);
        for (int i = 0; i < 100; i++) {
            clock.set(10_000 + i * 9); // spread over second 10
            reader().onFrame(frame(0x351, 1, 2, 3, 4, 5, 6, 7, 8));
        }
        ConnectionStatistics during = c.statistics();
        assertEquals(0, during.framesPerSecond(), "second 10 is not over yet");
        assertEquals(100, during.rxFrames());

        clock.set(11_500);
        ConnectionStatistics s = c.statistics();
        assertEquals(100, s.framesPerSecond());
        // 100 standard frames of 8 bytes, 135 bits each with worst-case stuffing, at 500 kbit/s
        assertEquals(100 * 135 * 100.0 / 500_000, s.busLoadPercent(), 1e-9);

        clock.set(13_000);
        assertEquals(0, c.statistics().framesPerSecond(), "nothing in second 12");
        assertEquals(0, c.statistics().busLoadPercent());
    }

    @Test
    void busLoadIsUnknownWithoutABitRateAndTheChannelsBitRateWins() {
        assertEquals(-1, connected("fake:x", 10).statistics().busLoadPercent());

        fake.channelBitrate = 250_000;
        BusConnection c = connected("fake:x?bitrate=500000", 10);
        clock.set(20_000);
        reader().onFrame(CanFrame.of(0, "can0", 0x1234, true, new byte[8]));
        clock.set(21_000);
        assertEquals(160 * 100.0 / 250_000, c.statistics().busLoadPercent(), 1e-9);
    }

    @Test
    void errorFramesAreCountedApart() {
        BusConnection c = connected("fake:x", 10);
        reader().onFrame(CanFrame.error(0, "can0", 0x4, new byte[8]));
        reader().onTransportError("garbled line 'T12'");
        ConnectionStatistics s = c.statistics();
        assertEquals(1, s.errorFrames());
        assertEquals(0, s.rxFrames());
        assertEquals(1, s.transportErrors());
    }

    @Test
    void stateListenersHearChangesInOrderWhenTwoThreadsChangeTheState() throws Exception {
        BusConnection c = connected("fake:x", 10);
        CanChannel.Listener reader = reader();
        CountDownLatch firstListenerHolds = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<ConnectionState> first = new CopyOnWriteArrayList<>();
        List<ConnectionState> second = new CopyOnWriteArrayList<>();
        c.onStateChange((state, detail) -> {
            first.add(state);
            if (state == ConnectionState.RECONNECTING) {
                firstListenerHolds.countDown();
                await(release);
            }
        });
        c.onStateChange((state, detail) -> second.add(state));

        // the channel's thread reports RECONNECTING and is held inside the first listener ...
        Thread channelThread = new Thread(() -> reader.onState(ConnectionState.RECONNECTING, "retry"));
        channelThread.start();
        assertTrue(firstListenerHolds.await(10, TimeUnit.SECONDS));
        // ... while the transport leaves on this thread: the connection now waits
        c.detachFrom(fake, "transport gone");
        assertEquals(ConnectionState.WAITING_FOR_TRANSPORT, c.state());
        release.countDown();
        channelThread.join(10_000);

        List<ConnectionState> inOrder = List.of(ConnectionState.RECONNECTING, ConnectionState.WAITING_FOR_TRANSPORT);
        assertEquals(inOrder, first);
        assertEquals(inOrder, second, "the last state a listener hears is the connection's state");
    }

    @Test
    void aChangeMadeByAListenerIsHeardAfterTheOneItReactsTo() {
        BusConnection c = connected("fake:x", 10);
        List<ConnectionState> second = new CopyOnWriteArrayList<>();
        c.onStateChange((state, detail) -> {
            if (state == ConnectionState.RECONNECTING) {
                c.close(); // gives up at once
            }
        });
        c.onStateChange((state, detail) -> second.add(state));
        reader().onState(ConnectionState.RECONNECTING, "retry");
        assertEquals(List.of(ConnectionState.RECONNECTING, ConnectionState.CLOSED), second);
        assertEquals(ConnectionState.CLOSED, c.state());
    }

    @Test
    void anOldChannelIsIgnoredOnceDetached() {
        BusConnection c = connected("fake:x", 10);
        CanChannel.Listener old = reader();
        List<CanFrame> seen = new CopyOnWriteArrayList<>();
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        c.subscribe(seen::add);
        c.onStateChange((state, detail) -> states.add(state));
        c.detachFrom(fake, "gone");
        old.onFrame(frame(0x100, 1));
        old.onState(ConnectionState.CONNECTED, "late");
        old.onTransportError("late");
        assertEquals(List.of(), seen);
        assertEquals(List.of(ConnectionState.WAITING_FOR_TRANSPORT), states);
        assertEquals(0, c.statistics().transportErrors());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aChannelSayingConnectedFromInsideOpenIsConnectedOnlyOnceItCanSend() throws Exception {
        fake.connectedWhileOpening = "simulated device";
        List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        BusConnection c = new BusConnection(ConnectionUri.parse("fake:x"), 10, clock::get, "waiting", x -> { });
        c.onStateChange((state, detail) -> {
            changes.add(state + " " + detail);
            if (state == ConnectionState.CONNECTED) {
                try {
                    c.send(frame(0x100, 1)); // whoever sees CONNECTED can send at once
                } catch (IOException e) {
                    changes.add("send failed: " + e.getMessage());
                }
            }
        });
        c.attachIfWaiting(fake, Runnable::run);
        assertEquals(List.of("CONNECTING opening fake:x", "CONNECTED simulated device"), changes);
        assertEquals(1, fake.last().sent.size());
    }
}
