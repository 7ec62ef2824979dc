package org.bmsworkbench.bms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * The lock of a live session as the bms README's "Threads" section states it: "changes of protocol
 * take a session lock that the transport thread only tries; while it is held, frames are queued
 * and the holder decodes them, in order, before releasing (those few messages reach listeners on
 * the holder's thread)".
 */
class FrameGateTest {
    private static final Duration NEVER_WAITS = Duration.ofSeconds(2);

    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final FrameGate gate = new FrameGate(f -> seen.add(String.format("0x%03X on %s", f.id(),
            Thread.currentThread().getName())));

    private static CanFrame frame(int id) {
        return CanFrame.of(1_000L * id, "can0", id, false, (byte) id);
    }

    @Test
    void aFrameFindingTheLockFreeIsDecodedAtOnceOnTheTransportThread() {
        gate.offer(frame(0x351));
        gate.offer(frame(0x355));
        String me = Thread.currentThread().getName();
        assertEquals(List.of("0x351 on " + me, "0x355 on " + me), seen);
    }

    @Test
    void framesArrivingWhileAChangeHoldsTheLockAreQueuedAndDecodedInOrderByTheHolderBeforeItLetsGo() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread change = new Thread(() -> {
            gate.run(() -> {
                inside.countDown();
                await(release);
                seen.add("change done");
            });
            seen.add("lock released");
        }, "change");
        change.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));

        assertTimeoutPreemptively(NEVER_WAITS, () -> {
            gate.offer(frame(0x351));
            gate.offer(frame(0x355));
            gate.offer(frame(0x356));
        }, "the transport thread waited for the lock");
        assertEquals(List.of(), seen, "queued, not decoded, while the change holds the lock");

        release.countDown();
        change.join(5000);
        assertEquals(List.of("change done", "0x351 on change", "0x355 on change", "0x356 on change", "lock released"),
                seen);
    }

    @Test
    void framesQueuedWhileThePollThreadAsksAreDecodedAfterItLetsGo() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> answer = new ArrayList<>();
        Thread poll = new Thread(() -> answer.add(gate.call(() -> {
            inside.countDown();
            await(release);
            seen.add("requests made");
            return "requests";
        })), "poll");
        poll.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        assertTimeoutPreemptively(NEVER_WAITS, () -> gate.offer(frame(0x35A)), "the transport thread waited");

        release.countDown();
        poll.join(5000);
        assertEquals(List.of("requests"), answer);
        assertEquals(List.of("requests made", "0x35A on poll"), seen);
    }

    @Test
    void closingDropsTheQueuedFramesUndecoded() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread closing = new Thread(() -> gate.discard(() -> {
            inside.countDown();
            await(release);
        }), "closing");
        closing.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        assertTimeoutPreemptively(NEVER_WAITS, () -> gate.offer(frame(0x35E)), "the transport thread waited");

        release.countDown();
        closing.join(5000);
        assertEquals(List.of(), seen, "the frame queued while closing is dropped");
        gate.offer(frame(0x35F));
        assertEquals(1, seen.size(), "a later frame finds the lock free again");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
