package org.bmsworkbench.ui.frames.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameListener;

/**
 * The transport-thread side of the Frames view: takes every frame (and every decoded message)
 * without locking or blocking, into a bounded queue that the UI thread drains at its refresh.
 * When the UI falls so far behind that the queue is full, frames are counted as lost, never
 * waited for.
 *
 * <p>A frame and the message it completed meet through two small slot tables indexed by the
 * frame's identity hash: whichever of the two arrives second finds the first. The session
 * decodes on the same thread just before or after the view sees the frame, so a handful of
 * slots is plenty; a miss only leaves a name blank.
 */
final class FrameIntake implements FrameListener, Consumer<DecodedMessage> {
    private static final int SLOTS = 256;

    private final int capacity;
    private final ConcurrentLinkedQueue<FrameRow> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final LongAdder received = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final AtomicReferenceArray<FrameRow> recentRows = new AtomicReferenceArray<>(SLOTS);
    private final AtomicReferenceArray<DecodedMessage> recentMessages = new AtomicReferenceArray<>(SLOTS);
    private volatile boolean paused;

    FrameIntake(int capacity) {
        this.capacity = capacity;
    }

    private static int slot(CanFrame f) {
        return System.identityHashCode(f) & (SLOTS - 1);
    }

    @Override
    public void onFrame(CanFrame frame) {
        received.increment();
        if (paused) {
            skipped.increment();
            return;
        }
        FrameRow row = new FrameRow(frame);
        int s = slot(frame);
        DecodedMessage m = recentMessages.get(s);
        if (m != null && m.frame() == frame) {
            row.decoded(m);
        }
        recentRows.set(s, row);
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            lost.increment();
            return;
        }
        queue.add(row);
    }

    @Override
    public void accept(DecodedMessage m) {
        int s = slot(m.frame());
        FrameRow row = recentRows.get(s);
        if (row != null && row.frame == m.frame()) {
            row.decoded(m);
        } else {
            recentMessages.set(s, m);
        }
    }

    /** Hands the queued rows to {@code sink}, oldest first; UI thread. Returns how many. */
    int drain(Consumer<FrameRow> sink) {
        int n = 0;
        int max = queued.get();
        FrameRow r;
        while (n < max && (r = queue.poll()) != null) {
            queued.decrementAndGet();
            sink.accept(r);
            n++;
        }
        return n;
    }

    void paused(boolean p) {
        paused = p;
    }

    boolean paused() {
        return paused;
    }

    /** Frames seen since the view subscribed. */
    long received() {
        return received.sum();
    }

    /** Frames lost because the UI did not drain the queue in time. */
    long lost() {
        return lost.sum();
    }

    /** Frames not kept because the view was paused. */
    long skipped() {
        return skipped.sum();
    }
}
