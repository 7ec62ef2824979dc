package org.bmsworkbench.can.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bmsworkbench.can.CanFrame;

/**
 * A bounded ring of the most recent frames: a plain array under a lock, so adding a frame
 * costs one store and no allocation; {@link #snapshot()} copies.
 */
final class RecentFrames {
    private final CanFrame[] ring;
    private int next;
    private int size;

    RecentFrames(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring capacity " + capacity + " must be at least 1");
        }
        this.ring = new CanFrame[capacity];
    }

    int capacity() {
        return ring.length;
    }

    synchronized void add(CanFrame frame) {
        ring[next] = frame;
        if (++next == ring.length) {
            next = 0;
        }
        if (size < ring.length) {
            size++;
        }
    }

    /** The frames held, oldest first, as an unmodifiable copy. */
    synchronized List<CanFrame> snapshot() {
        CanFrame[] out = new CanFrame[size];
        int start = next - size;
        if (start < 0) {
            int tail = -start;
            System.arraycopy(ring, ring.length - tail, out, 0, tail);
            System.arraycopy(ring, 0, out, tail, next);
        } else {
            System.arraycopy(ring, start, out, 0, size);
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }
}
