package org.bmsworkbench.transport.loopback.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.testing.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackTransportTest {
    private final LoopbackTransport transport = new LoopbackTransport();

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    private CanChannel open(String uri, CanChannel.Listener listener) throws IOException {
        return transport.open(ConnectionUri.parse(uri), listener);
    }

    private static CanFrame frame(int id, int b) {
        return CanFrame.of(CanFrame.NO_TIMESTAMP, "", id, false, (byte) b);
    }

    @Test
    void twoChannelsOnOneBusExchangeFramesBothWays() throws IOException {
        RecordingListener ra = new RecordingListener();
        RecordingListener rb = new RecordingListener();
        CanChannel a = open("loop:bench", ra);
        CanChannel b = open("loop:bench", rb);
        assertEquals(List.of("CONNECTED: on virtual bus loop:bench"), ra.states);

        long before = System.currentTimeMillis() * 1000;
        a.send(frame(0x351, 1));
        RecordingListener.await(() -> rb.frames.size() == 1, "b to receive a's frame");
        CanFrame got = rb.frames.get(0);
        assertEquals(0x351, got.id());
        assertEquals("bench", got.bus());
        assertEquals(Direction.RX, got.direction());
        assertTrue(got.timestampMicros() >= before, "stamped with the time of sending");

        b.send(frame(0x355, 2).withDirection(Direction.TX));
        RecordingListener.await(() -> ra.frames.size() == 1, "a to receive b's frame");
        assertEquals(0x355, ra.frames.get(0).id());
        assertEquals(Direction.RX, ra.frames.get(0).direction());
        assertEquals(1, rb.frames.size(), "the sender does not get its own frame back");
    }

    @Test
    void aTimestampGivenBySenderIsKept() throws IOException {
        RecordingListener rb = new RecordingListener();
        CanChannel a = open("loop:t", new RecordingListener());
        open("loop:t", rb);
        a.send(CanFrame.of(123_456, "x", 1, false));
        RecordingListener.await(() -> rb.frames.size() == 1, "delivery");
        assertEquals(123_456, rb.frames.get(0).timestampMicros());
    }

    @Test
    void busesAreIsolatedByName() throws IOException {
        RecordingListener x2 = new RecordingListener();
        RecordingListener y = new RecordingListener();
        CanChannel x1 = open("loop:x", new RecordingListener());
        open("loop:x", x2);
        open("loop:y", y);
        x1.send(frame(0x100, 1));
        RecordingListener.await(() -> x2.frames.size() == 1, "delivery on bus x");
        CanChannel y1 = open("loop:y", new RecordingListener());
        y1.send(frame(0x200, 2));
        RecordingListener.await(() -> y.frames.size() == 1, "delivery on bus y");
        assertEquals(0x200, y.frames.get(0).id(), "bus y saw only its own traffic");
        assertEquals(1, x2.frames.size());
    }

    @Test
    void anEmptyNameIsLoop0() throws IOException {
        RecordingListener r = new RecordingListener();
        CanChannel a = open("loop:", new RecordingListener());
        open("loop:loop0", r);
        a.send(frame(0x1, 0));
        RecordingListener.await(() -> r.frames.size() == 1, "delivery on loop0");
        assertEquals("loop0", r.frames.get(0).bus());
    }

    @Test
    void echoDeliversToTheSenderToo() throws IOException {
        RecordingListener echoing = new RecordingListener();
        RecordingListener other = new RecordingListener();
        CanChannel a = open("loop:e?echo=true", echoing);
        open("loop:e", other);
        a.send(frame(0x7FF, 9));
        RecordingListener.await(() -> echoing.frames.size() == 1 && other.frames.size() == 1, "delivery to both");
    }

    @Test
    void bitRateComesFromTheUri() throws IOException {
        assertEquals(500_000, open("loop:b", new RecordingListener()).bitrate());
        assertEquals(250_000, open("loop:b?bitrate=250000", new RecordingListener()).bitrate());
    }

    @Test
    void badUrisSayWhatIsWrong() {
        assertMessage("unknown option 'speed'", "loop:x?speed=1");
        assertMessage("bitrate=fast is not a whole number", "loop:x?bitrate=fast");
        assertMessage("bitrate=5000000 is outside", "loop:x?bitrate=5000000");
        assertMessage("echo=maybe is not true or false", "loop:x?echo=maybe");
        assertMessage("has no host", "loop://host/x");
        assertMessage("bus name 'a/b'", "loop:a/b");
    }

    private void assertMessage(String expected, String uri) {
        InvalidUriException e = assertThrows(InvalidUriException.class,
                () -> transport.validate(ConnectionUri.parse(uri)));
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should say " + expected);
        assertThrows(InvalidUriException.class, () -> open(uri, new RecordingListener()));
    }

    @Test
    void aFullQueueDropsAndReportsWithoutBlockingTheSender() throws Exception {
        LoopbackTransport small = new LoopbackTransport(4);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        RecordingListener sender = new RecordingListener();
        try {
            CanChannel a = small.open(ConnectionUri.parse("loop:q"), sender);
            small.open(ConnectionUri.parse("loop:q"), new RecordingListener() {
                @Override
                public void onFrame(CanFrame frame) {
                    blocked.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            a.send(frame(1, 0));
            assertTrue(blocked.await(5, TimeUnit.SECONDS), "the receiver holds the bus thread");
            for (int i = 0; i < 10; i++) {
                a.send(frame(1, i)); // 4 fit, 6 are dropped, none blocks
            }
            assertEquals(6, sender.errors.size());
            assertTrue(sender.errors.get(0).contains("queue full"), sender.errors.get(0));
        } finally {
            release.countDown();
            small.deactivate();
        }
    }

    @Test
    void aThrowingReceiverDoesNotStopTheBus() throws IOException {
        RecordingListener good = new RecordingListener();
        RecordingListener bad = new RecordingListener() {
            @Override
            public void onFrame(CanFrame frame) {
                throw new IllegalStateException("broken");
            }
        };
        CanChannel a = open("loop:r", new RecordingListener());
        open("loop:r", bad);
        open("loop:r", good);
        a.send(frame(1, 1));
        a.send(frame(2, 2));
        RecordingListener.await(() -> good.frames.size() == 2, "the good receiver gets both");
        assertEquals(2, bad.errors.size());
    }

    @Test
    void theLastChannelToLeaveStopsTheBusThread() throws IOException {
        CanChannel a = open("loop:gone", new RecordingListener());
        CanChannel b = open("loop:gone", new RecordingListener());
        assertTrue(threadAlive("bmswb-loop-gone"));
        a.close();
        assertEquals(java.util.Set.of("gone"), transport.busNames());
        b.close();
        b.close();
        assertTrue(transport.busNames().isEmpty());
        RecordingListener.await(() -> !threadAlive("bmswb-loop-gone"), "the bus thread to end");
        IOException e = assertThrows(IOException.class, () -> b.send(frame(1, 1)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aStoppedTransportOpensNothing() throws IOException {
        open("loop:s", new RecordingListener());
        transport.deactivate();
        RecordingListener.await(() -> !threadAlive("bmswb-loop-s"), "the bus thread to end");
        IOException e = assertThrows(IOException.class, () -> open("loop:s", new RecordingListener()));
        assertTrue(e.getMessage().contains("stopped"), e.getMessage());
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
