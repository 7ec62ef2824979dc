package org.bmsworkbench.can.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A buffered ASCII text sink that formats numbers without allocating. */
final class AsciiSink {
    private static final int BUFFER_SIZE = 1 << 16;
    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private final byte[] digits = new byte[20];
    private int count;

    AsciiSink(OutputStream out) {
        this.out = out;
    }

    /** Makes room for {@code n} more bytes (n ≤ buffer size). */
    private void room(int n) throws IOException {
        if (count + n > buf.length) {
            drain();
        }
    }

    AsciiSink put(char c) throws IOException {
        room(1);
        buf[count++] = (byte) c;
        return this;
    }

    AsciiSink put(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > buf.length) {
            drain();
            out.write(bytes);
            return this;
        }
        room(bytes.length);
        System.arraycopy(bytes, 0, buf, count, bytes.length);
        count += bytes.length;
        return this;
    }

    /** {@code n} spaces. */
    AsciiSink spaces(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            put(' ');
        }
        return this;
    }

    /** {@code value} as exactly {@code width} upper-case hex digits. */
    AsciiSink hex(long value, int width) throws IOException {
        room(width);
        for (int i = width - 1; i >= 0; i--) {
            buf[count + i] = Ascii.HEX_DIGIT[(int) (value & 0xF)];
            value >>>= 4;
        }
        count += width;
        return this;
    }

    /** {@code value} as upper-case hex without leading zeros. */
    AsciiSink hex(long value) throws IOException {
        int width = 1;
        while (width < 16 && (value >>> (4 * width)) != 0) {
            width++;
        }
        return hex(value, width);
    }

    /** A non-negative {@code value} in decimal, zero-padded to at least {@code minWidth}. */
    AsciiSink decimal(long value, int minWidth) throws IOException {
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (n < minWidth) {
            digits[n++] = '0';
        }
        room(n);
        for (int i = n - 1; i >= 0; i--) {
            buf[count++] = digits[i];
        }
        return this;
    }

    AsciiSink decimal(long value) throws IOException {
        return decimal(value, 1);
    }

    /** Number of characters {@link #decimal(long)} writes for a non-negative value. */
    static int decimalWidth(long value) {
        int n = 1;
        while (value >= 10) {
            value /= 10;
            n++;
        }
        return n;
    }

    /** Writes the buffer to the stream without flushing the stream. */
    void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }
}
