package org.bmsworkbench.cli.internal.decode;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that output formats write into directly: no intermediate
 * {@code String}s for numbers, times or escaping, so a decoded message costs no allocation
 * beyond what the decoder made. Not thread-safe.
 */
public final class TextBuffer {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};
    private static final double[] POW10D = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    /** Above this magnitude a value times 10^6 no longer fits the exact range of a double. */
    private static final double FAST_LIMIT = 1e9;

    /** Direct-mapped cache of JSON string literals: keys, bus names, protocol and message names repeat. */
    private static final int CACHE_SLOTS = 256;
    private static final int CACHEABLE_LENGTH = 64;

    private byte[] bytes;
    private int size;
    private final String[] cachedStrings = new String[CACHE_SLOTS];
    private final byte[][] cachedLiterals = new byte[CACHE_SLOTS][];
    private long cachedSecond = -1;
    private final byte[] cachedSecondDigits = new byte[20];
    private int cachedSecondLength;

    public TextBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** Writes the content to {@code out} and empties the buffer. */
    public void writeTo(OutputStream out) throws IOException {
        if (size > 0) {
            out.write(bytes, 0, size);
            size = 0;
        }
    }

    /** The content decoded as UTF-8 (for tests and small outputs). */
    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** The content's ASCII characters into {@code into} (at least {@link #size()} long), e.g. for a JSON generator. */
    public void getAscii(char[] into) {
        for (int i = 0; i < size; i++) {
            into[i] = (char) (bytes[i] & 0xFF);
        }
    }

    /** The buffer itself: its first {@link #size()} bytes are the content (valid until the next append). */
    byte[] array() {
        return bytes;
    }

    /** {@code length} bytes of {@code source} from {@code offset}, as they are. */
    public TextBuffer append(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** Bytes as they are, e.g. a constant ASCII fragment made with {@link #ascii(String)}. */
    public TextBuffer append(byte[] fragment) {
        copy(fragment);
        return this;
    }

    private void copy(byte[] source) {
        ensure(source.length);
        System.arraycopy(source, 0, bytes, size, source.length);
        size += source.length;
    }

    /** A constant fragment for {@link #append(byte[])}. */
    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public TextBuffer append(char c) {
        if (c < 0x80) {
            ensure(1);
            bytes[size++] = (byte) c;
            return this;
        }
        return append(String.valueOf(c));
    }

    /** Appends text as UTF-8. */
    public TextBuffer append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                appendUtf8(s, i);
                return this;
            }
            bytes[size++] = (byte) c;
        }
        return this;
    }

    /** Appends text as UTF-8. */
    public TextBuffer append(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                appendUtf8(s, i);
                return this;
            }
            bytes[size++] = (byte) c;
        }
        return this;
    }

    private void appendUtf8(CharSequence s, int from) {
        byte[] encoded = s.subSequence(from, s.length()).toString().getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
    }

    /** Appends {@code s} padded with spaces to at least {@code width} characters. */
    public TextBuffer appendPadded(CharSequence s, int width) {
        append(s);
        for (int i = s.length(); i < width; i++) {
            append(' ');
        }
        return this;
    }

    public TextBuffer append(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return append("-9223372036854775808");
            }
            append('-');
            v = -v;
        }
        ensure(19);
        int digits = digits(v);
        int i = size + digits;
        size = i;
        while (v >= 10) {
            long q = v / 10;
            bytes[--i] = (byte) ('0' + (int) (v - q * 10));
            v = q;
        }
        bytes[i - 1] = (byte) ('0' + (int) v);
        return this;
    }

    private static int digits(long v) {
        int d = 1;
        while (v >= 1_000_000L) {
            v /= 1_000_000L;
            d += 6;
        }
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    /** {@code v} as exactly {@code digits} decimal digits, zero-padded ({@code v} ≥ 0). */
    private void appendZeroPadded(long v, int digits) {
        ensure(digits);
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        size += digits;
    }

    /** {@code v} as {@code digits} upper-case hex digits. */
    public TextBuffer appendHex(long v, int digits) {
        ensure(digits);
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        size += digits;
        return this;
    }

    /**
     * A finite double as {@link Double#toString(double)} would write it (the shortest decimal that
     * reads back as the same double, at least one fraction digit), but never in scientific
     * notation: {@code 53.12}, {@code 25.0}, {@code 10000000.0}, {@code 0.0001}.
     */
    public TextBuffer append(double d) {
        if (d == 0) {
            return append(Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0"); // constants: no string a zero
        }
        if (!Double.isFinite(d)) {
            return append(Double.toString(d));
        }
        double magnitude = Math.abs(d);
        if (magnitude < FAST_LIMIT && magnitude >= 1e-6) {
            for (int decimals = 0; decimals <= 6; decimals++) {
                long m = (long) Math.rint(d * POW10D[decimals]);
                // m / 10^decimals is correctly rounded, so equality means the decimal reads back as d;
                // at these magnitudes no other decimal with as few fraction digits can.
                if (m / POW10D[decimals] == d) {
                    appendFixed(m, decimals);
                    return this;
                }
            }
        }
        String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        append(plain);
        if (plain.indexOf('.') < 0) {
            append(".0");
        }
        return this;
    }

    private void appendFixed(long m, int decimals) {
        if (m < 0) {
            append('-');
            m = -m;
        }
        long p = POW10[decimals];
        append(m / p);
        append('.');
        if (decimals == 0) {
            append('0');
        } else {
            appendZeroPadded(m % p, decimals);
        }
    }

    /**
     * A time in microseconds since the epoch as seconds, fraction trailing zeros trimmed but at
     * least one digit: {@code 1600000000.5}, {@code 1600000002.0}, {@code 1600000000.000123}.
     */
    public TextBuffer appendSeconds(long micros) {
        if (micros < 0) {
            if (micros == Long.MIN_VALUE) {
                return append("-9223372036854.775808");
            }
            append('-');
            micros = -micros;
        }
        long second = micros / 1_000_000L;
        if (second != cachedSecond) {
            int start = size;
            append(second);
            cachedSecondLength = size - start;
            System.arraycopy(bytes, start, cachedSecondDigits, 0, cachedSecondLength);
            cachedSecond = second;
        } else {
            ensure(cachedSecondLength);
            System.arraycopy(cachedSecondDigits, 0, bytes, size, cachedSecondLength);
            size += cachedSecondLength;
        }
        // the six digits of the fraction, then the trailing zeros taken back: no division but by 10 in an int
        int fraction = (int) (micros % 1_000_000L);
        ensure(7);
        bytes[size++] = '.';
        if (fraction == 0) {
            bytes[size++] = '0';
            return this;
        }
        int end = size + 6;
        for (int i = end - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        while (bytes[end - 1] == '0') {
            end--;
        }
        size = end;
        return this;
    }

    /** {@code s} as a JSON string literal, quoted and escaped. */
    public TextBuffer appendJsonString(String s) {
        int n = s.length();
        if (n > CACHEABLE_LENGTH) {
            return appendJsonLiteral(s);
        }
        int slot = (s.hashCode() ^ n) & (CACHE_SLOTS - 1);
        String cached = cachedStrings[slot];
        if (cached != null && (cached == s || cached.equals(s))) {
            copy(cachedLiterals[slot]);
            return this;
        }
        int start = size;
        appendJsonLiteral(s);
        cachedStrings[slot] = s;
        cachedLiterals[slot] = Arrays.copyOfRange(bytes, start, size);
        return this;
    }

    private TextBuffer appendJsonLiteral(String s) {
        append('"');
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                ensure(1);
                bytes[size++] = (byte) c;
            } else {
                appendJsonEscaped(c, s, i);
            }
        }
        return append('"');
    }

    private void appendJsonEscaped(char c, String s, int i) {
        switch (c) {
            case '"' -> append("\\\"");
            case '\\' -> append("\\\\");
            case '\n' -> append("\\n");
            case '\r' -> append("\\r");
            case '\t' -> append("\\t");
            case '\b' -> append("\\b");
            case '\f' -> append("\\f");
            default -> {
                if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                    append("\\u").appendHex(c, 4);
                } else if (Character.isHighSurrogate(c)) {
                    append(s.substring(i, i + 2));
                } else if (!Character.isLowSurrogate(c)) {
                    append(String.valueOf(c));
                }
                // a valid low surrogate was written with its high surrogate
            }
        }
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
