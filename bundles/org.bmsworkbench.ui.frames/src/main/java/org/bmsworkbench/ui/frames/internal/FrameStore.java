package org.bmsworkbench.ui.frames.internal;

/**
 * The frames the view keeps, on the UI thread: a ring of the newest {@code capacity} frames
 * (the oldest dropped when full) and, over it, the sequence numbers of those the filter shows,
 * so that the table's row {@code i} is found without searching.
 */
final class FrameStore {
    private final int capacity;
    private final FrameRow[] ring;
    private final long[] shown;
    private long first;
    private long next;
    private int shownHead;
    private int shownSize;
    private long dropped;
    private int shownRemovedAtFront;
    private FrameFilter filter = FrameFilter.ALL;

    FrameStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.ring = new FrameRow[capacity];
        this.shown = new long[capacity];
    }

    void add(FrameRow r) {
        if (next - first == capacity) {
            ring[(int) (first % capacity)] = null;
            if (shownSize > 0 && shown[shownHead] == first) {
                shownHead = (shownHead + 1) % capacity;
                shownSize--;
                shownRemovedAtFront++;
            }
            first++;
            dropped++;
        }
        ring[(int) (next % capacity)] = r;
        if (filter.matches(r)) {
            shown[(shownHead + shownSize) % capacity] = next;
            shownSize++;
        }
        next++;
    }

    /** Shows only the kept frames that {@code f} matches. */
    void filter(FrameFilter f) {
        filter = f;
        shownHead = 0;
        shownSize = 0;
        for (long s = first; s < next; s++) {
            if (f.matches(ring[(int) (s % capacity)])) {
                shown[shownSize++] = s;
            }
        }
        shownRemovedAtFront = 0;
    }

    FrameFilter filter() {
        return filter;
    }

    void clear() {
        java.util.Arrays.fill(ring, null);
        first = next;
        dropped = 0;
        shownHead = 0;
        shownSize = 0;
        shownRemovedAtFront = 0;
    }

    /** Rows the filter shows. */
    int shownCount() {
        return shownSize;
    }

    FrameRow shownRow(int index) {
        return ring[(int) (shown[(shownHead + index) % capacity] % capacity)];
    }

    /** Shown rows that left at the front since the last call (the rows after them moved up). */
    int takeRemovedAtFront() {
        int n = shownRemovedAtFront;
        shownRemovedAtFront = 0;
        return n;
    }

    int capacity() {
        return capacity;
    }

    /** Frames kept now. */
    int kept() {
        return (int) (next - first);
    }

    /** Frames dropped because the store was full. */
    long dropped() {
        return dropped;
    }
}
