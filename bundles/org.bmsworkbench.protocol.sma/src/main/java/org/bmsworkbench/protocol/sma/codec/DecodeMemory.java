package org.bmsworkbench.protocol.sma.codec;

/**
 * The values one session's fields decoded last, one slot a field, so that a field sent again with
 * the same bits (a manufacturer name, a firmware version, a whole number over 127) gives the same
 * object instead of a new one. A session owns one, made by {@link SmaCodec#newMemory()}, and passes
 * it to {@link SmaCodec#decodeTo(org.bmsworkbench.can.FrameView, DecodeMemory, org.bmsworkbench.bms.MessageSink)};
 * the codec and its fields stay immutable and thread-safe, and two sessions (two batteries, two
 * buses) never share or overwrite each other's values. Not thread-safe: one session, one thread.
 */
public final class DecodeMemory {
    /** What an empty slot holds: no decoded value is this object. */
    private static final Object EMPTY = new Object();

    private final SmaCodec codec;
    private final long[] raws;
    private final Object[] values;

    DecodeMemory(SmaCodec codec, int slots) {
        this.codec = codec;
        this.raws = new long[slots];
        this.values = new Object[slots];
        java.util.Arrays.fill(values, EMPTY);
    }

    /** The codec this memory was made for. */
    SmaCodec codec() {
        return codec;
    }

    /** The value slot {@code slot} remembers for exactly these bits, or {@link #EMPTY}. */
    Object get(int slot, long raw) {
        Object value = values[slot];
        return value != EMPTY && raws[slot] == raw ? value : EMPTY;
    }

    /** Whether {@link #get} found a value (which may be null). */
    static boolean found(Object value) {
        return value != EMPTY;
    }

    /** Remembers {@code value} as what the bits {@code raw} decode to in slot {@code slot}. */
    void put(int slot, long raw, Object value) {
        raws[slot] = raw;
        values[slot] = value;
    }

    /** The number of slots: one a field of the codec's messages. */
    public int size() {
        return values.length;
    }
}
