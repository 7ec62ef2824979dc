package org.bmsworkbench.can.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The skeleton of the pcan:, kvaser: and gsusb: channels on a fake adapter: frames, an unplug and
 * the way back, reported word for word; close once, each opening released once; send refusals.
 */
class AdapterChannelTest {
    private static final CanFrame DATA = CanFrame.of(0, "x", 0x100, false, (byte) 1);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CanChannel.Listener listener = new CanChannel.Listener() {
        @Override
        public void onFrame(CanFrame frame) {
            events.add("frame " + frame.id());
        }

        @Override
        public void onState(ConnectionState state, String detail) {
            events.add(state + ": " + detail);
        }

        @Override
        public void onTransportError(String message) {
            events.add("error: " + message);
        }
    };
    private final AtomicInteger closedReports = new AtomicInteger();
    private FakeChannel channel;

    /** One opening of the fake adapter: what it will read (a frame id, or "gone:why"), how often released. */
    static final class Link {
        final int number;
        final BlockingQueue<String> input = new LinkedBlockingQueue<>();
        final List<Boolean> releases = new CopyOnWriteArrayList<>();

        Link(int number) {
            this.number = number;
        }
    }

    final class FakeChannel extends AdapterChannel<Link> {
        final BlockingQueue<Object> reopenings = new LinkedBlockingQueue<>();
        final List<Link> opened = new CopyOnWriteArrayList<>();
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<Integer> reconnections = new CopyOnWriteArrayList<>();

        FakeChannel(boolean listenOnly, Link first) {
            super(new Setup("fake", "bus0", "bmswb-fake-bus0", 500_000, listenOnly), first, listener, 20, 40,
                    c -> closedReports.incrementAndGet());
            opened.add(first);
        }

        @Override
        protected String readOne(Link link) throws InterruptedException {
            String in = link.input.poll(100, TimeUnit.MILLISECONDS);
            if (in == null) {
                return null;
            }
            if (in.startsWith("gone:")) {
                return in.substring(5);
            }
            if (in.startsWith("error:")) {
                transportError(in.substring(6));
                return null;
            }
            listener().onFrame(CanFrame.of(0, bus(), Integer.parseInt(in), false));
            return null;
        }

        @Override
        protected Link reopen() throws IOException {
            Object next = reopenings.poll();
            if (next instanceof Link l) {
                opened.add(l);
                return l;
            }
            throw new IOException(next == null ? "no device" : next.toString());
        }

        @Override
        protected void release(Link link, boolean orderly) {
            link.releases.add(orderly);
        }

        @Override
        protected void write(Link link, CanFrame frame) {
            written.add(link.number + ": " + frame.id());
        }

        @Override
        protected void reconnected(Link link) {
            reconnections.add(link.number);
        }
    }

    @AfterEach
    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void anUnpluggedAdapterIsReleasedReportedAndOpenedAgain() throws Exception {
        Link first = new Link(1);
        channel = new FakeChannel(false, first);
        channel.start();
        assertEquals("bmswb-fake-bus0", channel.reader().getName());
        assertTrue(channel.reader().isDaemon());
        first.input.add("256");
        first.input.add("error:bus off");
        Link second = new Link(2);
        channel.reopenings.add("bus0: busy");
        channel.reopenings.add(second);
        first.input.add("gone:unplugged");
        await(() -> events.size() == 5, "back: " + events);
        assertEquals(List.of("frame 256", "error: bus0: bus off",
                "RECONNECTING: bus0 gone (unplugged), retrying in 20 ms",
                "RECONNECTING: bus0 still gone (busy), retrying in 40 ms",
                "CONNECTED: bus0 is back (500 kbit/s)"), events);
        assertEquals(List.of(false), first.releases, "the lost adapter released once, not stopped");
        assertEquals(List.of(2), channel.reconnections);
        channel.send(DATA);
        assertEquals(List.of("2: 256"), channel.written, "sent through the adapter opened again");
        second.input.add("257");
        await(() -> events.size() == 6, "a frame after the return");

        channel.close();
        channel.close();
        assertFalse(channel.reader().isAlive());
        assertEquals(List.of(true), second.releases, "closing stops and releases the adapter once");
        assertEquals(1, closedReports.get());
        assertEquals(List.of(false), first.releases);
    }

    @Test
    void closingEndsAWaitForTheAdapterAtOnce() throws Exception {
        Link first = new Link(1);
        channel = new FakeChannel(false, first);
        channel.start();
        first.input.add("gone:unplugged");
        await(() -> events.size() >= 2, "waits: " + events);
        assertEquals("RECONNECTING: bus0 still gone (no device), retrying in 40 ms", events.get(1));
        long start = System.nanoTime();
        channel.close();
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "close waits for no back-off");
        assertFalse(channel.reader().isAlive());
        assertEquals(List.of(false), first.releases, "nothing open while reconnecting: nothing more to release");
        assertEquals("fake bus0: channel closed; cannot send " + DATA,
                assertThrows(IOException.class, () -> channel.send(DATA)).getMessage());
        assertEquals(1, closedReports.get());
    }

    @Test
    void aChannelClosedBeforeItsReaderStartedReleasesTheAdapterOnTheClosingThread() {
        Link first = new Link(1);
        channel = new FakeChannel(false, first);
        channel.close();
        assertEquals(List.of(true), first.releases);
        assertEquals(1, closedReports.get());
        assertEquals(Thread.State.NEW, channel.reader().getState());
    }

    @Test
    void whatCannotBeSentIsRefusedNamingSchemeBusAndFrame() throws Exception {
        Link first = new Link(1);
        channel = new FakeChannel(false, first);
        channel.start();
        channel.send(CanFrame.remote(0, "x", 0x123, false, 2));
        assertEquals(List.of("1: 291"), channel.written);
        CanFrame fd = CanFrame.fd(0, "x", 0x10, false, true, false, new byte[12]);
        assertEquals("fake bus0: CAN FD frames are not sent by this transport (" + fd + ")",
                assertThrows(IOException.class, () -> channel.send(fd)).getMessage());
        CanFrame error = CanFrame.error(0, "x", 0);
        assertEquals("fake bus0: only data and remote frames can be sent (" + error + ")",
                assertThrows(IOException.class, () -> channel.send(error)).getMessage());
        first.input.add("gone:unplugged");
        await(() -> !events.isEmpty(), "reconnecting");
        assertEquals("fake bus0: adapter gone (reconnecting); cannot send " + DATA,
                assertThrows(IOException.class, () -> channel.send(DATA)).getMessage());
        channel.close();
        assertEquals("fake bus0: channel closed; cannot send " + DATA,
                assertThrows(IOException.class, () -> channel.send(DATA)).getMessage());
        assertEquals(List.of("1: 291"), channel.written);

        FakeChannel listening = new FakeChannel(true, new Link(3));
        try {
            assertEquals("fake bus0 is listen-only (mode=listen-only): nothing is sent; cannot send " + DATA,
                    assertThrows(IOException.class, () -> listening.send(DATA)).getMessage());
        } finally {
            listening.close();
        }
        assertEquals(List.of("1: 291"), channel.written, "nothing refused reached the adapter");
    }
}
