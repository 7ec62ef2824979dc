package org.bmsworkbench.simulator.cellbms;

import java.util.Arrays;

/** The bytes received so far from a byte stream, kept until they make a whole request. */
final class FrameBuffer {
    /** More than any request is long: bytes beyond this without a request are dropped. */
    private static final int LIMIT = 1024;
    private byte[] bytes = new byte[64];
    private int length;

    void append(byte[] more) {
        if (length + more.length > LIMIT) {
            drop(Math.max(0, length + more.length - LIMIT));
        }
        if (length + more.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more.length));
        }
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
    }

    int length() { return length; }

    void clear() { length = 0; }

    /** Byte {@code i}, 0..255. */
    int u8(int i) { return bytes[i] & 0xFF; }

    byte[] copy(int from, int to) { return Arrays.copyOfRange(bytes, from, to); }

    /** Drops the first {@code n} bytes. */
    void drop(int n) {
        int k = Math.min(n, length);
        System.arraycopy(bytes, k, bytes, 0, length - k);
        length -= k;
    }

    /** Drops the bytes before the next {@code start} byte after the first one (or all). */
    void skipToNext(int start) {
        for (int i = 1; i < length; i++) {
            if (u8(i) == start) {
                drop(i);
                return;
            }
        }
        length = 0;
    }

    /** Drops the bytes before the first {@code start} byte (or all). */
    void seek(int start) {
        for (int i = 0; i < length; i++) {
            if (u8(i) == start) {
                drop(i);
                return;
            }
        }
        length = 0;
    }
}
