package org.bmsworkbench.can;

import java.util.Objects;

/**
 * A frame that its owner (a log reader's caller) fills again for every frame it reads: the
 * allocation-free counterpart of {@link CanFrame}, read through {@link FrameView}. It holds what the
 * last {@link #set} or {@link #setData} put there and is checked as {@link CanFrame}'s factories
 * check theirs only when it becomes one ({@link #toFrame()}). Not thread-safe; never shared.
 */
public final class ReusedFrame implements FrameView {
    private static final int FD = 1;
    private static final int BRS = 2;
    private static final int ESI = 4;
    private static final int CHUNK = 8;

    private long timestampMicros = CanFrame.NO_TIMESTAMP;
    private String bus = "";
    private int id;
    private boolean extended;
    private boolean remote;
    private boolean error;
    private int dlc;
    private Direction direction = Direction.RX;
    private int flags;
    private byte[] data = new byte[CanFrame.MAX_FD_LENGTH];
    private int length;

    /**
     * Sets every field but the data, which keeps its length until {@link #data(int)} or
     * {@link #setData} changes it (a remote frame: set the length 0).
     */
    public ReusedFrame set(long timestampMicros, String bus, int id, boolean extended, boolean remote, boolean error,
            int dlc, Direction direction, boolean fd, boolean brs, boolean esi, boolean chunk) {
        this.timestampMicros = timestampMicros;
        this.bus = Objects.requireNonNull(bus, "bus");
        this.id = id;
        this.extended = extended;
        this.remote = remote;
        this.error = error;
        this.dlc = dlc;
        this.direction = Objects.requireNonNull(direction, "direction");
        this.flags = (fd ? FD : 0) | (brs ? BRS : 0) | (esi ? ESI : 0) | (chunk ? CHUNK : 0);
        return this;
    }

    /** Copies {@code frame} in, data and all. */
    public ReusedFrame set(FrameView frame) {
        set(frame.timestampMicros(), frame.bus(), frame.id(), frame.extended(), frame.remote(), frame.error(),
                frame.dlc(), frame.direction(), frame.fd(), frame.brs(), frame.esi(), frame.chunk());
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
    @Override public boolean extended() { return extended; }
    @Override public boolean remote() { return remote; }
    @Override public boolean error() { return error; }
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
        byte[] bytes = java.util.Arrays.copyOf(data, length);
        CanFrame frame;
        if (chunk()) {
            frame = CanFrame.chunk(timestampMicros, bus, direction, bytes);
        } else if (remote) {
            frame = CanFrame.remote(timestampMicros, bus, id, extended, dlc);
        } else if (error) {
            frame = CanFrame.error(timestampMicros, bus, id, bytes);
        } else if (fd()) {
            frame = CanFrame.wrapFd(timestampMicros, bus, id, extended, brs(), esi(), bytes);
        } else {
            frame = CanFrame.wrap(timestampMicros, bus, id, extended, bytes);
        }
        return frame.direction() == direction ? frame : frame.withDirection(direction);
    }

    @Override
    public String toString() {
        return toFrame().toString();
    }
}
