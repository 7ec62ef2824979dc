package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.HEX_VALUE;
import static org.bmsworkbench.can.log.Ascii.isDigit;
import static org.bmsworkbench.can.log.Ascii.isSpace;

import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Reads candump's default output, with or without a timestamp option:
 * <pre>
 *   can0  356   [6]  C0 14 85 0C D7 00
 *  (1600000000.500000)  can0  19F21450   [8]  C0 14 85 0C D7 00 00 00
 *  (000.100000)  can0  123   [4]  remote request
 *  (2020-09-14 12:26:40.500000)  can0  356   [2]  C0 14
 *   can0  TX - -  356   [2]  C0 14
 *   can0  20000004   [8]  00 04 00 00 00 00 00 00   ERRORFRAME
 *   can0  TX B -  123  [12]  11 22 33 44 55 66 77 88 99 AA BB CC
 * </pre>
 * A two-digit length ({@code [08]}, {@code [12]}) is a CAN FD frame; with {@code -x} its flags
 * {@code B} (bit rate switch) and {@code E} (error state indicator) are kept.
 * {@code -t a}, {@code -t d} and {@code -t z} times are all taken as seconds as written
 * ({@code -t d} deltas are not accumulated: nothing in the line tells them from {@code -t z});
 * {@code -t A} local date-times are taken as UTC. The ASCII column ({@code -a}), the
 * {@code ERRORFRAME} marker and the tab-indented error details of {@code -e} are ignored.
 */
final class CandumpReader extends CandumpSyntax {
    /** Days from 0000-01-01 to 1970-01-01. */
    private static final long DAYS_0000_TO_1970 = 719_528L;

    CandumpReader(LineInput input, String source, ProblemListener problems) {
        super(input, source, problems);
    }

    @Override
    public LogFormat format() {
        return LogFormat.CANDUMP;
    }

    @Override
    boolean scan(byte[] b, int start, int end) throws LogParseException {
        if (start < end && b[start] == '\t') {
            return false; // candump -e: details of the error frame on the line before
        }
        if (Ascii.isBlankOrComment(b, start, end)) {
            return false;
        }
        int q = Ascii.skipSpaces(b, start, end);
        end = Ascii.trimEnd(b, q, end);

        long time = CanFrame.NO_TIMESTAMP;
        if (b[q] == '(') {
            p = q;
            time = q + 5 < end && b[q + 5] == '-' ? dateTime(b, end) : timestamp(b, end);
            q = p;
            if (q < end && !isSpace(b[q])) {
                throw fault("missing space after the timestamp");
            }
            q = Ascii.skipSpaces(b, q, end);
        }

        int busStart = q;
        q = Ascii.tokenEnd(b, q, end);
        int busEnd = q;
        if (busEnd == busStart) {
            throw fault("missing bus name");
        }
        q = Ascii.skipSpaces(b, q, end);

        Direction direction = Direction.RX;
        boolean brs = false;
        boolean esi = false;
        int t = Ascii.tokenEnd(b, q, end);
        if (Ascii.tokenEquals(b, q, t, "RX") || Ascii.tokenEquals(b, q, t, "TX")) {
            direction = b[q] == 'T' ? Direction.TX : Direction.RX;
            q = Ascii.skipSpaces(b, t, end);
            for (int flag = 0; flag < 2; flag++) { // "- -", "B -", "- E", "B E"
                t = Ascii.tokenEnd(b, q, end);
                if (t - q != 1) {
                    throw fault("bad flags after " + direction + ": '" + Ascii.text(b, q, t) + "'");
                }
                if (flag == 0) {
                    brs = b[q] == 'B';
                } else {
                    esi = b[q] == 'E';
                }
                q = Ascii.skipSpaces(b, t, end);
            }
            t = Ascii.tokenEnd(b, q, end);
        }

        // id
        if (q == end) {
            throw fault("missing id after the bus name");
        }
        long value = 0;
        for (int i = q; i < t; i++) {
            int v = HEX_VALUE[b[i] & 0xFF];
            if (v < 0) {
                throw fault("bad hex digit " + Ascii.describe(b[i]) + " in id");
            }
            if (i - q < 9) {
                value = (value << 4) | v;
            }
        }
        checkId(value, t - q, b, q, t);
        q = Ascii.skipSpaces(b, t, end);

        // [length]
        t = Ascii.tokenEnd(b, q, end);
        if (q == end || b[q] != '[' || b[t - 1] != ']' || t - q < 3) {
            throw fault(q == end ? "missing '[length]' after the id"
                    : "expected '[length]' after the id, found '" + Ascii.text(b, q, t) + "'");
        }
        boolean fd = t - q == 4;
        int length;
        if (fd && isDigit(b[q + 1]) && isDigit(b[q + 2])) {
            // candump prints the length of a CAN FD frame with two digits: [08], [12], [64]
            if (errorFrame) {
                throw fault("an error frame cannot be a CAN FD frame");
            }
            length = (b[q + 1] - '0') * 10 + (b[q + 2] - '0');
            if (!CanFrame.isFdLength(length)) {
                throw fault("[" + length + "] is not a CAN FD length (0..8, 12, 16, 20, 24, 32, 48, 64)");
            }
        } else {
            if (t - q > 3) {
                throw fault("bad length '" + Ascii.text(b, q, t) + "'");
            }
            length = b[q + 1] - '0';
            if (length < 0 || length > 9) {
                throw fault("bad length '" + Ascii.text(b, q, t) + "'");
            }
            if (length > MAX_DATA) {
                throw fault(tooMany(length));
            }
        }
        q = Ascii.skipSpaces(b, t, end);

        if (!fd && Ascii.startsWithIgnoreCase(b, q, end, "remote request")) {
            if (errorFrame) {
                throw fault("an error frame cannot be a remote frame");
            }
            if (q + "remote request".length() != end) {
                throw fault("unexpected text after 'remote request'");
            }
            scanned(time, busStart, busEnd, length, true, false, false, false, direction);
            return true;
        }

        byte[] s = data;
        for (int i = 0; i < length; i++) {
            t = Ascii.tokenEnd(b, q, end);
            if (q == end || b[q] == '\'' || b[q] == '`' || Ascii.tokenEquals(b, q, t, "ERRORFRAME")) {
                throw fault("[" + length + "] but " + CandumpSyntax.dataBytes(i));
            }
            int hi = HEX_VALUE[b[q] & 0xFF];
            int lo = t - q > 1 ? HEX_VALUE[b[q + 1] & 0xFF] : 0;
            if (hi < 0 || lo < 0) {
                throw fault("bad hex digit " + Ascii.describe(b[hi < 0 ? q : q + 1]) + " in data");
            }
            if (t - q != 2) {
                throw fault("data byte '" + Ascii.text(b, q, t) + "' is not two hex digits");
            }
            s[i] = (byte) (hi << 4 | lo);
            q = Ascii.skipSpaces(b, t, end);
        }
        if (q < end && b[q] != '\'' && b[q] != '`') {
            t = Ascii.tokenEnd(b, q, end);
            if (!Ascii.tokenEquals(b, q, t, "ERRORFRAME")) {
                if (t - q == 2 && HEX_VALUE[b[q] & 0xFF] >= 0 && HEX_VALUE[b[q + 1] & 0xFF] >= 0) {
                    throw fault("more data bytes than [" + length + "]");
                }
                throw fault("unexpected text after the data: '" + Ascii.text(b, q, end) + "'");
            }
        }

        scanned(time, busStart, busEnd, length, false, fd, brs, esi, direction);
        return true;
    }

    /** {@code (2020-09-14 12:26:40.500000)} of candump {@code -t A}, taken as UTC. */
    private long dateTime(byte[] b, int end) throws LogParseException {
        int open = p;
        int close = open;
        while (close < end && b[close] != ')') {
            close++;
        }
        // (YYYY-MM-DD HH:MM:SS.ffffff)
        //  0123456789012345678901234567
        if (close >= end || close - open != 27 || b[open + 5] != '-' || b[open + 8] != '-'
                || b[open + 11] != ' ' || b[open + 14] != ':' || b[open + 17] != ':' || b[open + 20] != '.') {
            throw fault("bad timestamp '" + Ascii.text(b, open, Math.min(close + 1, end)) + "'");
        }
        try {
            int year = digits(b, open + 1, 4);
            int month = digits(b, open + 6, 2);
            int day = digits(b, open + 9, 2);
            int hour = digits(b, open + 12, 2);
            int minute = digits(b, open + 15, 2);
            int second = digits(b, open + 18, 2);
            int micros = digits(b, open + 21, 6);
            if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
                    || second > 59) {
                throw new NumberFormatException();
            }
            long epoch = (epochDay(year, month, day) * 24 + hour) * 3600 + minute * 60 + second;
            p = close + 1;
            return epoch * 1_000_000L + micros;
        } catch (NumberFormatException e) {
            throw fault("bad timestamp '" + Ascii.text(b, open, close + 1) + "'");
        }
    }

    private static boolean leap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int daysInMonth(int year, int month) {
        return month == 2 ? (leap(year) ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /**
     * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, year 0..9999, as
     * {@code LocalDate.toEpochDay} counts them (without making a {@code LocalDate} per line).
     */
    static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400
                + (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= leap(year) ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            if (!isDigit(b[i])) {
                throw new NumberFormatException();
            }
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }
}
