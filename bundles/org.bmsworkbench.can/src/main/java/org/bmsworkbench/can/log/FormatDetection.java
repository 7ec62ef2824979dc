package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.HEX_VALUE;
import static org.bmsworkbench.can.log.Ascii.isDigit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the format of a text log from its first significant line (not blank, not a comment) that
 * belongs to one, which is left to be read again by the reader. (Binary logs are told by their
 * first bytes, in {@link CanLogs}.)
 *
 * <p>In strict mode that is the first significant line: anything else is not a log. In
 * tolerant mode up to {@link #TOLERATED_LINES} leading significant lines that belong to no format
 * are skipped; once a format is recognised each of them is reported to the problem listener
 * with its line number. If none of them is recognised, the log is refused at the first one,
 * and nothing is reported.
 */
final class FormatDetection {
    /** Significant lines looked at in tolerant mode before a log is refused. */
    static final int TOLERATED_LINES = 100;
    static final String UNRECOGNISED = "not a line of any log format this workbench reads";

    static final String UNDERSTOOD = "formats understood: candump -L '(1600000000.500000) can0 356#C014850CD700',"
            + " plain candump '  can0  356   [6]  C0 14 85 0C D7 00' (optionally with a '(time)' first),"
            + " Vector ASC ('date ...', 'base hex  timestamps absolute', '   0.500000 1  356  Rx   d 8 ...'),"
            + " PEAK TRC 1.0 to 2.1 (';$FILEVERSION=2.1', '     1)      1841.0  Rx  0356  8  ...'),"
            + " Yacht Devices RAW '00:29:58.617 R 09F21450 00 28 ...',"
            + " canboat CSV '2016-02-28T19:57:02.364Z,6,127508,4,255,8,...', Vector BLF,"
            + " serial trace '(1600000000.052311) ttyUSB0 rx DD03001D77'";
    private static final String[] ASC_HEADERS = {"date ", "base ", "begin triggerblock", "end triggerblock",
        "internal events logged", "no internal events logged"};

    private FormatDetection() {
    }

    /** The format detected, and the unrecognised lines skipped before it (tolerant mode). */
    record Result(LogFormat format, List<LogParseException> skipped) {
    }

    /**
     * The format of the log, reading up to its first significant line that has one;
     * {@link LogFormat#CANDUMP_L} for a log with no significant line (it has no frames in any
     * format).
     *
     * @param tolerant skip unrecognised leading lines (see the class comment) rather than refuse the log
     * @throws LogParseException naming the first significant line, when the log is refused
     */
    static Result detect(LineInput input, String source, boolean tolerant) throws IOException, LogParseException {
        List<LogParseException> skipped = new ArrayList<>();
        LogParseException refusal = null;
        while (input.next()) {
            byte[] b = input.buf;
            if (!input.overlong() && Ascii.isBlankOrComment(b, input.start, input.end)) {
                continue;
            }
            LogFormat format = input.overlong() ? null : classify(b, input.start, input.end);
            if (format != null) {
                input.pushBack();
                return new Result(format, List.copyOf(skipped));
            }
            if (refusal == null) {
                refusal = new LogParseException(source, input.lineNumber(),
                        "not a CAN log this workbench reads; " + UNDERSTOOD);
            }
            if (!tolerant || skipped.size() + 1 >= TOLERATED_LINES) {
                throw refusal;
            }
            skipped.add(new LogParseException(source, input.lineNumber(),
                    input.overlong() ? "line longer than " + LineInput.BUFFER_SIZE + " bytes" : UNRECOGNISED));
        }
        if (refusal != null) {
            throw refusal;
        }
        return new Result(LogFormat.CANDUMP_L, List.of());
    }

    /** The format one significant line belongs to, or null. */
    static LogFormat classify(byte[] b, int start, int end) {
        int p = Ascii.skipSpaces(b, start, end);
        end = Ascii.trimEnd(b, p, end);
        for (String header : ASC_HEADERS) {
            if (Ascii.startsWithIgnoreCase(b, p, end, header)) {
                return LogFormat.ASC;
            }
        }
        byte c = b[p];
        if (c == ';') {
            return LogFormat.TRC; // the header or a comment of a PEAK trace
        }
        if (isTrcNumber(b, p, end)) {
            return LogFormat.TRC; // "1)  1841.0 ...", a PEAK trace of version 1.x
        }
        if (isTimeOfDay(b, p, end)) {
            return LogFormat.YACHT_DEVICES_RAW;
        }
        if (isCanboatCsv(b, p, end)) {
            return LogFormat.CANBOAT_CSV;
        }
        if (c == '(') {
            int close = p;
            while (close < end && b[close] != ')') {
                close++;
            }
            int q = Ascii.skipSpaces(b, close + 1 < end ? close + 1 : end, end);
            q = Ascii.skipSpaces(b, Ascii.tokenEnd(b, q, end), end); // bus or port
            return isSerialChunk(b, q, end) ? LogFormat.SERIAL_TRACE : frameToken(b, q, end);
        }
        if (isDigit(c)) {
            // ASC: a time, then something
            int t = Ascii.tokenEnd(b, p, end);
            for (int i = p; i < t; i++) {
                if (!isDigit(b[i]) && b[i] != '.') {
                    return null;
                }
            }
            return Ascii.skipSpaces(b, t, end) < end ? LogFormat.ASC : null;
        }
        // no timestamp: bus name, then the frame
        int q = Ascii.skipSpaces(b, Ascii.tokenEnd(b, p, end), end);
        return frameToken(b, q, end);
    }

    /** {@code 12)} then a number: the message number and time offset of a TRC 1.x line. */
    private static boolean isTrcNumber(byte[] b, int p, int end) {
        int t = Ascii.tokenEnd(b, p, end);
        if (t - p < 2 || b[t - 1] != ')') {
            return false;
        }
        for (int i = p; i < t - 1; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        int q = Ascii.skipSpaces(b, t, end);
        return q < end && (isDigit(b[q]) || b[q] == '-');
    }

    /** {@code hh:mm:ss.mmm R|T ID}: a Yacht Devices RAW line. */
    private static boolean isTimeOfDay(byte[] b, int p, int end) {
        int t = Ascii.tokenEnd(b, p, end);
        if (t - p < 10 || b[p + 2] != ':' || b[p + 5] != ':' || b[p + 8] != '.') {
            return false;
        }
        int q = Ascii.skipSpaces(b, t, end);
        int r = Ascii.tokenEnd(b, q, end);
        return r - q == 1 && (b[q] == 'R' || b[q] == 'T') && Ascii.skipSpaces(b, r, end) < end;
    }

    /** {@code yyyy-mm-ddThh:mm:ss…,} or {@code yyyy-mm-dd-hh:mm:ss…,}: canboat's plain CSV. */
    private static boolean isCanboatCsv(byte[] b, int p, int end) {
        if (end - p < 20 || b[p + 4] != '-' || b[p + 7] != '-' || (b[p + 10] != 'T' && b[p + 10] != '-')
                || b[p + 13] != ':' || b[p + 16] != ':') {
            return false;
        }
        for (int i = p; i < end; i++) {
            if (b[i] == ',') {
                return true;
            }
        }
        return false;
    }

    /**
     * After the port: {@code rx} or {@code tx} (lower case), then hex: a serial trace. (candump
     * {@code -L} has {@code id#data} there; plain candump {@code -x} an upper-case {@code RX}, then {@code -}.)
     */
    private static boolean isSerialChunk(byte[] b, int q, int end) {
        int t = Ascii.tokenEnd(b, q, end);
        if (!Ascii.tokenEquals(b, q, t, "rx") && !Ascii.tokenEquals(b, q, t, "tx")) {
            return false;
        }
        int h = Ascii.skipSpaces(b, t, end);
        return h < end && HEX_VALUE[b[h] & 0xFF] >= 0;
    }

    /** After the bus name: {@code 356#...} is candump -L, {@code 356  [6]} or {@code RX - -} plain candump. */
    private static LogFormat frameToken(byte[] b, int q, int end) {
        int t = Ascii.tokenEnd(b, q, end);
        if (t == q) {
            return null;
        }
        if (Ascii.tokenEquals(b, q, t, "RX") || Ascii.tokenEquals(b, q, t, "TX")) {
            return LogFormat.CANDUMP;
        }
        int i = q;
        while (i < t && HEX_VALUE[b[i] & 0xFF] >= 0) {
            i++;
        }
        if (i == q) {
            return null;
        }
        if (i < t && b[i] == '#') {
            return LogFormat.CANDUMP_L;
        }
        if (i == t) {
            int next = Ascii.skipSpaces(b, t, end);
            if (next < end && b[next] == '[') {
                return LogFormat.CANDUMP;
            }
        }
        return null;
    }
}
