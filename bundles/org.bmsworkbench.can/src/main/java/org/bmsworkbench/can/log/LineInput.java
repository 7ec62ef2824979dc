package org.bmsworkbench.can.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream into lines without copying them: the current line is
 * {@code buf[start..end)}, without its {@code \n} or {@code \r\n}. Reads through one large
 * buffer, so a log of any size needs only {@link #BUFFER_SIZE} bytes. A UTF-8 byte order
 * mark at the start is skipped; a missing final newline is accepted.
 */
final class LineInput implements Closeable {
    /** Size of the read buffer, which is also the longest line accepted. */
    static final int BUFFER_SIZE = 1 << 18;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private final InputStream in;
    /** The buffer holding the current line; read only between calls of {@link #next()}. */
    final byte[] buf = new byte[BUFFER_SIZE];
    /** First byte of the current line. */
    int start;
    /** End (exclusive) of the current line, terminator excluded. */
    int end;

    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private boolean again;
    private boolean overlong;
    private boolean discardToNewline;
    private long lineNumber;

    LineInput(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException {
        if (again) {
            again = false;
            return true;
        }
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        overlong = false;
        if (discardToNewline && !discardRestOfLine()) {
            return false;
        }
        while (true) {
            int nl = indexOfNewline(buf, pos, limit);
            if (nl >= 0) {
                deliver(pos, nl);
                pos = nl + 1;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    deliver(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            if (pos == 0 && limit == buf.length) {
                // No terminator within a whole buffer: no CAN log line is this long.
                deliver(0, limit);
                pos = limit;
                overlong = true;
                discardToNewline = true;
                return true;
            }
            fill();
        }
    }

    /** Index of the first {@code \n} in {@code b[from..to)}, or -1; looks at eight bytes at a time. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS; // high bit set in each byte that was '\n' (lowest exact)
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Makes the next {@link #next()} return the current line again (once). */
    void pushBack() {
        again = true;
    }

    /** True when the current line was cut at {@link #BUFFER_SIZE} bytes. */
    boolean overlong() {
        return overlong;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    private void deliver(int from, int to) {
        if (to > from && buf[to - 1] == '\r') {
            to--;
        }
        start = from;
        end = to;
        lineNumber++;
    }

    private boolean discardRestOfLine() throws IOException {
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    pos = i + 1;
                    discardToNewline = false;
                    return true;
                }
            }
            pos = limit;
            if (eof) {
                return false;
            }
            fill();
        }
    }

    /** Moves unread bytes to the front and reads more; sets {@link #eof} at the end. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private void skipByteOrderMark() throws IOException {
        while (limit < 3 && !eof) {
            fill();
        }
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
