package org.bmsworkbench.ui.frames.internal;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameListener;

/**
 * The transport-thread side of the Frames view: writes every frame (and every decoded message)
 * straight into the {@link FrameStore}'s ring — one short uncontended lock, no allocation, never
 * a wait for the UI. A UI that falls behind only finds that more of the frames it had not yet
 * shown have left the ring (counted as dropped).
 */
final class FrameIntake implements FrameListener, Consumer<DecodedMessage> {
    private final FrameStore store;
    private final LongAdder received = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private volatile boolean paused;

    FrameIntake(FrameStore store) {
        this.store = store;
    }

    @Override
    public void onFrame(CanFrame frame) {
        received.increment();
        if (paused) {
            skipped.increment();
            return;
        }
        store.add(frame);
    }

    @Override
    public void accept(DecodedMessage m) {
        store.decoded(m);
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

    /** Frames not kept because the view was paused. */
    long skipped() {
        return skipped.sum();
    }
}
