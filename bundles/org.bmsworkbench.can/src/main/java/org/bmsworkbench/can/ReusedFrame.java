package org.bmsworkbench.can;

import java.util.Arrays;
import java.util.Objects;

/**
 * A frame that its owner (a log reader's caller) fills again for every frame it reads: the
 * allocation-free counterpart of {@link CanFrame}, read through {@link FrameView}. It holds what the
 * last {@link #set} and then {@link #data(int)} or {@link #setData} put there, and is checked as
 * {@link CanFrame}'s factories check theirs only when it becomes one ({@link #toFrame()}). Not
 * thread-safe; never shared.
 */
public final class ReusedFrame implements FrameView {
    /** A {@link #set} flag: a 29-bit identifier. */
    public static final int EXTENDED = 1;
    /** A {@link #set} flag: a remote frame (no data). */
    public static final int REMOTE = 2;
    /** A {@link #set} flag: an error frame. */
    public static final int ERROR = 4;
    /** A {@link #set} flag: a CAN FD frame. */
    public static final int FD = 8;
    /** A {@link #set} flag: CAN FD bit-rate switch. */
    public static final int BRS = 16;
    /** A {@link #set} flag: CAN FD error state indicator. */
    public static final int ESI = 32;
    /** A {@link #set} flag: a chunk of a serial byte stream, not a CAN frame. */
    public static final int CHUNK = 64;
    private static final int ALL = EXTENDED | REMOTE | ERROR | FD | BRS | ESI | CHUNK;

    private long timestampMicros = CanFrame.NO_TIMESTAMP;
    private String bus = "";
    private int id;
    private int dlc;
    private Direction direction = Direction.RX;
    private int flags;
    private byte[] data = new byte[CanFrame.MAX_FD_LENGTH];
    private int length;

    /**
     * Starts a frame: sets every field and empties the data, so a remote frame is done here and
     * any other frame's bytes go in after, through {@link #data(int)} or {@link #setData}.
     *
     * @param flags {@link #EXTENDED}, {@link #REMOTE}, {@link #ERROR}, {@link #FD}, {@link #BRS},
     *     {@link #ESI} and {@link #CHUNK} or-ed together, 0 for a standard data frame
     * @throws IllegalArgumentException for a flag bit that is none of these
     */
    public ReusedFrame set(long timestampMicros, String bus, int id, int flags, int dlc, Direction direction) {
        if ((flags & ~ALL) != 0) {
            throw new IllegalArgumentException("unknown frame flags 0x" + Integer.toHexString(flags & ~ALL));
        }
        this.timestampMicros = timestampMicros;
        this.bus = Objects.requireNonNull(bus, "bus");
        this.id = id;
        this.flags = flags;
        this.dlc = dlc;
        this.direction = Objects.requireNonNull(direction, "direction");
        this.length = 0;
        return this;
    }

    /** The {@link #set} flags of {@code frame}. */
    public static int flags(FrameView frame) {
        return (frame.extended() ? EXTENDED : 0) | (frame.remote() ? REMOTE : 0) | (frame.error() ? ERROR : 0)
                | (frame.fd() ? FD : 0) | (frame.brs() ? BRS : 0) | (frame.esi() ? ESI : 0)
                | (frame.chunk() ? CHUNK : 0);
    }

    /** Copies {@code frame} in, data and all. */
    public ReusedFrame set(FrameView frame) {
        set(frame.timestampMicros(), frame.bus(), frame.id(), flags(frame), frame.dlc(), frame.direction());
        frame.copyData(data(frame.length()), 0);
        return this;
    }

    /**
     * Sets the data length and returns the array to write the bytes into, from index 0: the frame's
     * own, grown when {@code length} needs it (up to {@link CanFrame#MAX_CHUNK_LENGTH}).
     */
    public byte[] data(int length) {
        if (length < 0 || length > CanFrame.MAX_CHUNK_LENGTH) {
            throw new IllegalArgumentException(length + " data bytes is outside 0.." + CanFrame.MAX_CHUNK_LENGTH);
        }
        if (length > data.length) {
            data = new byte[Math.max(length, Math.min(2 * data.length, CanFrame.MAX_CHUNK_LENGTH))];
        }
        this.length = length;
        return data;
    }

    /** Copies {@code length} bytes from {@code source} at {@code offset} in as the data. */
    public ReusedFrame setData(byte[] source, int offset, int length) {
        System.arraycopy(source, offset, data(length), 0, length);
        return this;
    }

    @Override public long timestampMicros() { return timestampMicros; }
    @Override public String bus() { return bus; }
    @Override public int id() { return id; }
    @Override public boolean extended() { return (flags & EXTENDED) != 0; }
    @Override public boolean remote() { return (flags & REMOTE) != 0; }
    @Override public boolean error() { return (flags & ERROR) != 0; }
    @Override public int dlc() { return dlc; }
    @Override public Direction direction() { return direction; }
    @Override public boolean fd() { return (flags & FD) != 0; }
    @Override public boolean brs() { return (flags & BRS) != 0; }
    @Override public boolean esi() { return (flags & ESI) != 0; }
    @Override public boolean chunk() { return (flags & CHUNK) != 0; }
    @Override public int length() { return length; }

    @Override
    public int u8(int index) {
        Objects.checkIndex(index, length);
        return data[index] & 0xFF;
    }

    @Override
    public void copyData(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, length);
    }

    /**
     * A {@link CanFrame} with these fields and a copy of the data.
     *
     * @throws IllegalArgumentException when the fields do not make a frame {@link CanFrame} accepts
     */
    @Override
    public CanFrame toFrame() {
        return wrap(timestampMicros, bus, id, flags, dlc, direction, Arrays.copyOf(data, length));
    }

    /**
     * A {@link CanFrame} of the fields {@link #set} takes, taking over {@code data} as
     * {@link CanFrame#wrap} does (ignored for a remote frame, whose length is {@code dlc}).
     *
     * @throws IllegalArgumentException when the fields do not make a frame {@link CanFrame} accepts
     */
    public static CanFrame wrap(long timestampMicros, String bus, int id, int flags, int dlc, Direction direction,
            byte[] data) {
        boolean extended = (flags & EXTENDED) != 0;
        CanFrame frame;
        if ((flags & CHUNK) != 0) {
            frame = CanFrame.chunk(timestampMicros, bus, direction, data);
        } else if ((flags & REMOTE) != 0) {
            frame = CanFrame.remote(timestampMicros, bus, id, extended, dlc);
        } else if ((flags & ERROR) != 0) {
            frame = CanFrame.error(timestampMicros, bus, id, data);
        } else if ((flags & FD) != 0) {
            frame = CanFrame.wrapFd(timestampMicros, bus, id, extended, (flags & BRS) != 0, (flags & ESI) != 0, data);
        } else {
            frame = CanFrame.wrap(timestampMicros, bus, id, extended, data);
        }
        return frame.direction() == direction ? frame : frame.withDirection(direction);
    }

    @Override
    public String toString() {
        return toFrame().toString();
    }
}
