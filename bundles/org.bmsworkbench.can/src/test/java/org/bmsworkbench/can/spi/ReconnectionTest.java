package org.bmsworkbench.can.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.junit.jupiter.api.Test;

/** The reconnect loop the transports share: reports, back-off, the reason of the last failure, close. */
class ReconnectionTest {
    private final List<String> states = new CopyOnWriteArrayList<>();
    private final CanChannel.Listener listener = new CanChannel.Listener() {
        @Override
        public void onFrame(CanFrame frame) {
        }

        @Override
        public void onState(ConnectionState state, String detail) {
            states.add(state + ": " + detail);
        }

        @Override
        public void onTransportError(String message) {
        }
    };

    private Reconnection reconnection(long first, long max) {
        return new Reconnection(first, max, listener,
                (why, first1, retryIn) -> "port P" + (first1 ? " gone" : " still gone") + " (" + why + "), retrying in " + retryIn);
    }

    @Test
    void theWaitDoublesFromTheFirstUpToTheLongest() {
        Reconnection r = reconnection(500, 5000);
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 5000L, 5000L),
                List.of(r.delayMillis(0), r.delayMillis(1), r.delayMillis(2), r.delayMillis(3), r.delayMillis(4),
                        r.delayMillis(60)));
    }

    @Test
    void eachWaitIsReportedWithTheLastFailureUntilATrySucceeds() {
        Reconnection r = reconnection(5, 20);
        AtomicInteger tries = new AtomicInteger();
        String link = r.retry("unplugged", () -> {
            if (tries.incrementAndGet() < 4) {
                throw new IOException("no such port " + tries.get());
            }
            return "link";
        });
        assertEquals("link", link);
        assertEquals(4, tries.get());
        assertEquals(List.of(
                "RECONNECTING: port P gone (unplugged), retrying in 5 ms",
                "RECONNECTING: port P still gone (no such port 1), retrying in 10 ms",
                "RECONNECTING: port P still gone (no such port 2), retrying in 20 ms",
                "RECONNECTING: port P still gone (no such port 3), retrying in 20 ms"), states);
        // a later loss starts again at the first wait
        assertEquals("again", r.retry("gone again", () -> "again"));
        assertEquals("RECONNECTING: port P gone (gone again), retrying in 5 ms", states.get(4));
    }

    @Test
    void closingEndsAWaitAtOnceAndNoTryFollows() throws Exception {
        Reconnection r = reconnection(60_000, 60_000);
        AtomicInteger tries = new AtomicInteger();
        CompletableFuture<String> loop = CompletableFuture.supplyAsync(() -> r.retry("lost", () -> {
            tries.incrementAndGet();
            return "link";
        }));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (states.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        long start = System.nanoTime();
        r.close();
        assertNull(loop.get(20, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "the minute's wait was cut short");
        assertEquals(0, tries.get());
        assertTrue(r.isClosed());
        assertFalse(r.pause(1000));
        assertNull(r.retry("lost", () -> "link"), "a closed loop tries nothing");
        assertEquals(1, states.size(), states::toString);
    }

    @Test
    void durationsAreWrittenAsTheTransportsWroteThem() {
        assertEquals("30 ms", Reconnection.duration(30));
        assertEquals("500 ms", Reconnection.duration(500));
        assertEquals("1 s", Reconnection.duration(1000));
        assertEquals("1.5 s", Reconnection.duration(1500));
        assertEquals("5 s", Reconnection.duration(5000));
    }

    @Test
    void aBackOffThatCannotWorkIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reconnection(0, 100));
        assertTrue(e.getMessage().contains("0..100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> reconnection(200, 100));
    }
}
