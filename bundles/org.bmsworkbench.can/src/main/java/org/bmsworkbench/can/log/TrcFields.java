package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.HEX_VALUE;
import static org.bmsworkbench.can.log.Ascii.isDigit;

import org.bmsworkbench.can.CanFrame;

/**
 * The fields of one PEAK trace line and their values: {@link #split} cuts the line at white space
 * (into reused index arrays, no string per field), then each field reads as what {@link TrcReader}
 * says it is by version and {@code $COLUMNS} — a time offset in milliseconds, a bus number, a
 * decimal length, an ID of up to 8 hex digits, the data bytes — or fails on the reader's current
 * line with the trace's message for it.
 */
final class TrcFields {
    private static final int MAX_TOKENS = 80;
    private static final int MAX_BUS = 9999;

    private final LineLogReader reader;
    private final int[] from = new int[MAX_TOKENS];
    private final int[] to = new int[MAX_TOKENS];

    TrcFields(LineLogReader reader) {
        this.reader = reader;
    }

    /** Splits {@code b[q..end)} (no leading or trailing white space) into fields; returns how many. */
    int split(byte[] b, int q, int end) throws LogParseException {
        int n = 0;
        while (q < end) {
            if (n == MAX_TOKENS) {
                throw reader.fault("more than " + MAX_TOKENS + " fields");
            }
            from[n] = q;
            q = Ascii.tokenEnd(b, q, end);
            to[n++] = q;
            q = Ascii.skipSpaces(b, q, end);
        }
        return n;
    }

    /** Whether field {@code k} is {@code word}. */
    boolean is(byte[] b, int k, String word) {
        return Ascii.tokenEquals(b, from[k], to[k], word);
    }

    /** Field {@code k} as text, for a message. */
    String text(byte[] b, int k) {
        return Ascii.text(b, from[k], to[k]);
    }

    /** Whether field {@code k} ends in {@code c}. */
    boolean endsWith(byte[] b, int k, char c) {
        return b[to[k] - 1] == c;
    }

    /** Whether the ID in field {@code k} is 29-bit: more than 4 digits. */
    boolean extended(int k) {
        return to[k] - from[k] > 4;
    }

    /** Fails with "missing {@code what}" when field {@code k} is not among the {@code n}. */
    void need(int n, int k, String what) throws LogParseException {
        if (k >= n) {
            throw reader.fault("missing " + what);
        }
    }

    /** What the line said of its length, for a message (made only for a fault: no string per frame). */
    private static String declared(boolean fd, int dlc, int length) {
        if (fd) {
            return dlc < 0 ? "data length " + length
                    : "data length code " + dlc + (dlc == length ? "" : " (" + length + " bytes)");
        }
        return (dlc >= 0 ? "data length code " : "data length ") + length;
    }

    /**
     * {@code count} data bytes from field {@code k} on, which must be all the {@code n} fields left,
     * into {@code data}; {@code fd} and {@code dlc} (-1: none) only for the message of a fault.
     */
    void data(byte[] b, int k, int n, int count, boolean fd, int dlc, byte[] data) throws LogParseException {
        if (n - k < count) {
            throw reader.fault(declared(fd, dlc, count) + " but " + CandumpSyntax.dataBytes(n - k));
        }
        if (n - k > count) {
            throw reader.fault(declared(fd, dlc, count) + " but more data: '"
                    + Ascii.text(b, from[k + count], to[n - 1]) + "'");
        }
        for (int i = 0; i < count; i++) {
            int p = from[k + i];
            int hi = to[k + i] - p == 2 ? HEX_VALUE[b[p] & 0xFF] : -1;
            int lo = to[k + i] - p == 2 ? HEX_VALUE[b[p + 1] & 0xFF] : -1;
            if (hi < 0 || lo < 0) {
                throw reader.fault("data byte '" + Ascii.text(b, p, to[k + i]) + "' is not two hex digits");
            }
            data[i] = (byte) (hi << 4 | lo);
        }
    }

    /** The ID in field {@code k}: up to 4 hex digits 11-bit, 5 to 8 digits 29-bit. */
    long id(byte[] b, int k) throws LogParseException {
        int p = from[k];
        int digits = to[k] - p;
        if (digits > 8) {
            throw reader.fault("ID '" + Ascii.text(b, p, to[k]) + "' has more than 8 hex digits");
        }
        long v = 0;
        for (int i = p; i < to[k]; i++) {
            int d = HEX_VALUE[b[i] & 0xFF];
            if (d < 0) {
                throw reader.fault("bad hex digit " + Ascii.describe(b[i]) + " in ID");
            }
            v = v << 4 | d;
        }
        if (digits <= 4 && v > CanFrame.MAX_STANDARD_ID) {
            throw reader.fault(String.format("ID 0x%X does not fit 11 bits (4 digits: an 11-bit ID)", v));
        }
        if (v > CanFrame.MAX_EXTENDED_ID) {
            throw reader.fault(String.format("ID 0x%X does not fit 29 bits", v));
        }
        return v;
    }

    /** Field {@code k} as a decimal number of at most {@code maxDigits} digits. */
    long decimal(byte[] b, int k, String what, int maxDigits) throws LogParseException {
        int p = from[k];
        if (to[k] - p > maxDigits) {
            throw reader.fault("bad " + what + " '" + Ascii.text(b, p, to[k]) + "'");
        }
        long v = 0;
        for (int i = p; i < to[k]; i++) {
            if (!isDigit(b[i])) {
                throw reader.fault("bad " + what + " '" + Ascii.text(b, p, to[k]) + "'");
            }
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    /** Milliseconds with up to 9 decimals, as microseconds (digits beyond the microsecond dropped). */
    long offset(byte[] b, int k) throws LogParseException {
        long micros = Ascii.decimal(b, from[k], to[k], 3, 1, 15);
        if (micros == Ascii.NOT_A_DECIMAL) {
            throw reader.fault("bad time offset '" + Ascii.text(b, from[k], to[k]) + "': milliseconds expected");
        }
        return micros;
    }

    /** The bus number, 1.., of field {@code k}. */
    int bus(byte[] b, int k) throws LogParseException {
        int p = from[k];
        int number = 0;
        for (int i = p; i < to[k]; i++) {
            if (!isDigit(b[i]) || number > MAX_BUS) {
                throw reader.fault("bad bus '" + Ascii.text(b, p, to[k]) + "': a number from 1 expected");
            }
            number = number * 10 + (b[i] - '0');
        }
        if (number < 1 || number > MAX_BUS) {
            throw reader.fault("bad bus '" + Ascii.text(b, p, to[k]) + "': a number from 1 expected");
        }
        return number;
    }
}
