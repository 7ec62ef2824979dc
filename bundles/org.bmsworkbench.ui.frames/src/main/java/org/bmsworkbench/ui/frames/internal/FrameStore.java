package org.bmsworkbench.ui.frames.internal;

import java.util.Arrays;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * The frames the view keeps: a fixed ring of plain arrays (time, id, flags, eight data bytes in
 * a {@code long}, bus, decoded message) that the transport thread writes into, so that a frame
 * leaves nothing behind once it is stored — no object per frame survives to be collected — and
 * over it, on the UI thread, the sequence numbers of the frames the filter shows, so that the
 * table's row {@code i} is found without searching. The ring is never copied: the UI takes the
 * writer's position at {@link #sync()} (work bounded by the frames that arrived, at most the
 * ring) and builds a {@link FrameRow} only for a row the table asks for.
 *
 * <p>The ring holds {@code capacity + headroom} frames: the UI shows the newest {@code capacity}
 * of them as of its last {@code sync()}, and the writer can go on for {@code headroom} frames
 * before it overwrites a row shown; a row overwritten meanwhile reads as {@code null} until the
 * next {@code sync()}. CAN FD frames, remote and error frames and chunks of a serial line (rare)
 * are kept as the frame itself.
 */
final class FrameStore {
    private static final int SLOTS = 256;
    private static final int TX = 1, EXTENDED = 2, SPECIAL = 4, DECODED = 8, HAS_REGISTER = 16, HAS_CODE = 32;

    private final int capacity;
    private final int size;
    // the ring, written under the lock by the transport thread(s)
    private final long[] times;
    private final long[] data;
    private final int[] ids;
    private final byte[] flags;
    private final byte[] lengths;
    private final String[] buses;
    private final CanFrame[] special;
    private final String[] protocols;
    private final String[] messages;
    private final int[] registers;
    private final int[] codes;
    private long written;
    // a frame and the message it completed meet here by the frame's identity hash
    private final CanFrame[] recentFrames = new CanFrame[SLOTS];
    private final long[] recentSeqs = new long[SLOTS];
    private final DecodedMessage[] recentMessages = new DecodedMessage[SLOTS];

    // the UI thread's side
    private final long[] shown;
    private final Cursor cursor = new Cursor();
    private long floor;
    private long first;
    private long next;
    private int shownHead;
    private int shownSize;
    private int shownRemovedAtFront;
    private FrameFilter filter = FrameFilter.ALL;

    /**
     * @param capacity frames shown at most
     * @param headroom frames the writer may add after a {@link #sync()} before it overwrites rows shown
     */
    FrameStore(int capacity, int headroom) {
        if (capacity < 1 || headroom < 0) {
            throw new IllegalArgumentException("capacity " + capacity + ", headroom " + headroom);
        }
        this.capacity = capacity;
        this.size = capacity + headroom;
        times = new long[size];
        data = new long[size];
        ids = new int[size];
        flags = new byte[size];
        lengths = new byte[size];
        buses = new String[size];
        special = new CanFrame[size];
        protocols = new String[size];
        messages = new String[size];
        registers = new int[size];
        codes = new int[size];
        shown = new long[capacity];
    }

    private static int slot(CanFrame f) {
        return System.identityHashCode(f) & (SLOTS - 1);
    }

    // ---- the writer: any thread, no allocation ----

    /** Stores {@code f} as the newest frame; with the message the session decoded from it, when that came first. */
    synchronized void add(CanFrame f) {
        long seq = written++;
        int i = (int) (seq % size);
        times[i] = f.timestampMicros();
        ids[i] = f.id();
        buses[i] = f.bus();
        boolean classic = !f.fd() && !f.chunk() && !f.remote() && !f.error();
        int b = (f.direction() == Direction.TX ? TX : 0) | (f.extended() ? EXTENDED : 0) | (classic ? 0 : SPECIAL);
        special[i] = classic ? null : f;
        long d = 0;
        if (classic) {
            for (int k = f.length() - 1; k >= 0; k--) {
                d = d << 8 | f.u8(k);
            }
            lengths[i] = (byte) f.length();
        }
        data[i] = d;
        protocols[i] = null;
        messages[i] = null;
        int s = slot(f);
        DecodedMessage m = recentMessages[s];
        if (m != null && m.frame() == f) {
            recentMessages[s] = null;
            b |= decoded(i, m);
        }
        flags[i] = (byte) b;
        recentFrames[s] = f;
        recentSeqs[s] = seq;
    }

    /** The message the session decoded from a frame, before or after the frame itself arrived. */
    synchronized void decoded(DecodedMessage m) {
        int s = slot(m.frame());
        if (recentFrames[s] == m.frame() && recentSeqs[s] >= written - size) {
            int i = (int) (recentSeqs[s] % size);
            flags[i] = (byte) (flags[i] & ~(DECODED | HAS_REGISTER | HAS_CODE) | decoded(i, m));
        } else {
            recentMessages[s] = m;
        }
    }

    private int decoded(int i, DecodedMessage m) {
        protocols[i] = m.protocol();
        messages[i] = m.message();
        int b = DECODED;
        if (m.register() != null) {
            registers[i] = m.register();
            b |= HAS_REGISTER;
        }
        if (m.code() != null) {
            codes[i] = m.code();
            b |= HAS_CODE;
        }
        return b;
    }

    // ---- the UI thread ----

    /**
     * Takes the frames written since the last call: the oldest beyond {@code capacity} leave (and
     * their rows with them, see {@link #takeRemovedAtFront()}), the new ones the filter matches are
     * indexed. Returns how many frames were written since the last call.
     */
    synchronized int sync() {
        long to = written;
        long from = Math.max(next, to - capacity);
        int taken = (int) Math.min(Integer.MAX_VALUE, to - next);
        long newFirst = Math.max(floor, to - capacity);
        while (shownSize > 0 && shown[shownHead] < newFirst) {
            shownHead = (shownHead + 1) % capacity;
            shownSize--;
            shownRemovedAtFront++;
        }
        boolean all = filter.all();
        for (long s = from; s < to; s++) {
            if (all || filter.matches(cursor.at(s))) {
                shown[(shownHead + shownSize) % capacity] = s;
                shownSize++;
            }
        }
        first = newFirst;
        next = to;
        return taken;
    }

    /** Shows only the kept frames that {@code f} matches. */
    synchronized void filter(FrameFilter f) {
        filter = f;
        shownHead = 0;
        shownSize = 0;
        for (long s = first; s < next; s++) {
            if (f.all() || f.matches(cursor.at(s))) {
                shown[shownSize++] = s;
            }
        }
        shownRemovedAtFront = 0;
    }

    FrameFilter filter() {
        return filter;
    }

    /** Forgets every frame written so far. */
    synchronized void clear() {
        Arrays.fill(special, null);
        floor = written;
        first = written;
        next = written;
        shownHead = 0;
        shownSize = 0;
        shownRemovedAtFront = 0;
    }

    /** Rows the filter shows. */
    int shownCount() {
        return shownSize;
    }

    /** The row at {@code index} of those shown; null when the writer has overwritten it since the last {@link #sync()}. */
    synchronized FrameRow shownRow(int index) {
        long seq = shown[(shownHead + index) % capacity];
        if (seq < written - size) {
            return null;
        }
        int i = (int) (seq % size);
        int b = flags[i];
        CanFrame f = special[i];
        if ((b & SPECIAL) == 0) {
            byte[] bytes = new byte[lengths[i]];
            long d = data[i];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) (d >>> (8 * k));
            }
            f = CanFrame.wrap(times[i], buses[i], ids[i], (b & EXTENDED) != 0, bytes);
            if ((b & TX) != 0) {
                f = f.withDirection(Direction.TX);
            }
        }
        return new FrameRow(f, protocols[i], messages[i], (b & HAS_REGISTER) != 0 ? registers[i] : null,
                (b & HAS_CODE) != 0 ? codes[i] : null);
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

    /** Frames kept as of the last {@link #sync()}. */
    int kept() {
        return (int) (next - first);
    }

    /** Frames that left (the buffer full) since the store was cleared, as of the last {@link #sync()}. */
    long dropped() {
        return first - floor;
    }

    /** One slot of the ring as the filter sees it; read under the store's lock. */
    private final class Cursor implements FrameFilter.Facts {
        private int i;

        Cursor at(long seq) {
            i = (int) (seq % size);
            return this;
        }

        private CanFrame special() {
            return (flags[i] & SPECIAL) != 0 ? special[i] : null;
        }

        @Override
        public int id() {
            return ids[i];
        }

        @Override
        public boolean extended() {
            return (flags[i] & EXTENDED) != 0;
        }

        @Override
        public boolean error() {
            CanFrame f = special();
            return f != null && f.error();
        }

        @Override
        public boolean chunk() {
            CanFrame f = special();
            return f != null && f.chunk();
        }

        @Override
        public boolean tx() {
            return (flags[i] & TX) != 0;
        }

        @Override
        public String protocol() {
            return protocols[i];
        }
    }
}
