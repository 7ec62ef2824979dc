package org.bmsworkbench.bms.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bmsworkbench.can.CanFrame;

/**
 * The one lock of a {@link LiveBmsSession}, which the transport thread only ever <em>tries</em>:
 * a frame that finds the lock held (or frames already queued) is queued, and whoever holds the lock
 * decodes the queue, in order, before letting go. So the transport thread never waits, and frames
 * are decoded in the order they arrived. The other threads (a protocol change, the user's choice
 * of device, the poll thread, closing) wait for the lock as usual.
 */
final class FrameGate {
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<CanFrame> pending = new ConcurrentLinkedQueue<>();
    private final Consumer<CanFrame> decode;

    /** @param decode called under the lock, one frame at a time, in arrival order */
    FrameGate(Consumer<CanFrame> decode) {
        this.decode = decode;
    }

    /** Transport thread: decodes the frame now if the lock is free and none is queued, else queues it; never waits. */
    void offer(CanFrame frame) {
        if (pending.isEmpty() && lock.tryLock()) {
            try {
                decode.accept(frame);
                drainLocked();
            } finally {
                lock.unlock();
            }
        } else {
            pending.add(frame);
        }
        drainIfPending();
    }

    /** Runs {@code r} under the lock, then decodes the frames queued meanwhile before letting go. */
    void run(Runnable r) {
        lock.lock();
        try {
            r.run();
            drainLocked();
        } finally {
            lock.unlock();
        }
        drainIfPending();
    }

    /** Gets {@code s} under the lock; the frames queued meanwhile are decoded after, if nobody else holds it by then. */
    <T> T call(Supplier<T> s) {
        lock.lock();
        try {
            return s.get();
        } finally {
            lock.unlock();
            drainIfPending();
        }
    }

    /** Runs {@code r} under the lock and drops the queued frames undecoded (the session closes). */
    void discard(Runnable r) {
        lock.lock();
        try {
            r.run();
            pending.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Decodes queued frames if nobody else holds the lock; whoever holds it drains before release. */
    private void drainIfPending() {
        while (!pending.isEmpty() && lock.tryLock()) {
            try {
                drainLocked();
            } finally {
                lock.unlock();
            }
        }
    }

    private void drainLocked() {
        CanFrame f;
        while ((f = pending.poll()) != null) {
            decode.accept(f);
        }
    }
}
