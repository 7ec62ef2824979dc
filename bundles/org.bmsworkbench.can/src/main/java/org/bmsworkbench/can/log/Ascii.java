package org.bmsworkbench.can.log;

import java.nio.charset.StandardCharsets;

/** Byte-level character classes and digit tables shared by the log parsers. */
final class Ascii {
    /** Value of a hexadecimal digit, or -1; indexed by {@code byte & 0xFF}. */
    static final byte[] HEX_VALUE = new byte[256];
    /** Upper-case hexadecimal digits by value. */
    static final byte[] HEX_DIGIT = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    static {
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX_VALUE[c] = (byte) (c - '0');
        }
        for (int c = 'A'; c <= 'F'; c++) {
            HEX_VALUE[c] = (byte) (c - 'A' + 10);
            HEX_VALUE[c + ('a' - 'A')] = (byte) (c - 'A' + 10);
        }
    }

    private Ascii() {
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static int hexValue(byte c) {
        return HEX_VALUE[c & 0xFF];
    }

    /** What {@link #decimal} returns for text that is not a decimal it accepts. */
    static final long NOT_A_DECIMAL = Long.MIN_VALUE;

    /**
     * The decimal {@code [-]digits[.digits]} of {@code b[from..to)} times 10^{@code scale}, digits
     * beyond the scale dropped (a log time in seconds or milliseconds, as microseconds). At most 9
     * digits after the point, {@code minIntegerDigits..maxIntegerDigits} before it, at least one digit
     * in all; anything else gives {@link #NOT_A_DECIMAL}.
     */
    static long decimal(byte[] b, int from, int to, int scale, int minIntegerDigits, int maxIntegerDigits) {
        int i = from;
        boolean negative = i < to && b[i] == '-';
        if (negative) {
            i++;
        }
        long whole = 0;
        int digits = 0;
        while (i < to && isDigit(b[i])) {
            whole = whole * 10 + (b[i++] - '0');
            digits++;
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && isDigit(b[i])) {
                if (fractionDigits < scale) {
                    fraction = fraction * 10 + (b[i] - '0');
                }
                fractionDigits++;
                i++;
            }
        }
        if (i != to || digits + fractionDigits == 0 || digits < minIntegerDigits || digits > maxIntegerDigits
                || fractionDigits > 9) {
            return NOT_A_DECIMAL;
        }
        long unit = 1;
        for (int k = 0; k < scale; k++) {
            unit *= 10;
        }
        for (int k = fractionDigits; k < scale; k++) {
            fraction *= 10;
        }
        long value = whole * unit + fraction;
        return negative ? -value : value;
    }

    /** Index of the first byte at or after {@code p} that is not a space or tab. */
    static int skipSpaces(byte[] b, int p, int end) {
        while (p < end && isSpace(b[p])) {
            p++;
        }
        return p;
    }

    /** Index of the first space or tab at or after {@code p}, or {@code end}. */
    static int tokenEnd(byte[] b, int p, int end) {
        while (p < end && !isSpace(b[p])) {
            p++;
        }
        return p;
    }

    /** End of the line with trailing spaces and tabs removed. */
    static int trimEnd(byte[] b, int start, int end) {
        while (end > start && isSpace(b[end - 1])) {
            end--;
        }
        return end;
    }

    /** True for a blank line or a comment ({@code //} or {@code #} first). */
    static boolean isBlankOrComment(byte[] b, int p, int end) {
        p = skipSpaces(b, p, end);
        return p == end || b[p] == '#' || (b[p] == '/' && p + 1 < end && b[p + 1] == '/');
    }

    /** Whether {@code b[p..end)} starts with {@code word}, ignoring ASCII case. */
    static boolean startsWithIgnoreCase(byte[] b, int p, int end, String word) {
        int n = word.length();
        if (end - p < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int c = b[p + i];
            int w = word.charAt(i);
            if (c != w && (c | 0x20) != (w | 0x20)) {
                return false;
            }
            if (c != w && !Character.isLetter(w)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the token {@code b[p..to)} equals {@code word} exactly. */
    static boolean tokenEquals(byte[] b, int p, int to, String word) {
        if (to - p != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[p + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as text for a message (UTF-8, cut at 40 characters). */
    static String text(byte[] b, int from, int to) {
        String s = new String(b, from, Math.max(0, to - from), StandardCharsets.UTF_8);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** One byte for a message: {@code 'G'}, or {@code byte 0x1B} when not printable. */
    static String describe(byte c) {
        if (c > ' ' && c < 0x7F) {
            return "'" + (char) c + "'";
        }
        return c == ' ' ? "' '" : String.format("byte 0x%02X", c & 0xFF);
    }
}
