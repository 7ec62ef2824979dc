package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.HEX_VALUE;
import static org.bmsworkbench.can.log.Ascii.isDigit;

import java.io.IOException;

/**
 * Tells the format of a log from its first significant line (not blank, not a comment),
 * which is left to be read again by the reader.
 */
final class FormatDetection {
    static final String UNDERSTOOD = "formats understood: candump -L '(1600000000.500000) can0 356#C014850CD700',"
            + " plain candump '  can0  356   [6]  C0 14 85 0C D7 00' (optionally with a '(time)' first),"
            + " Vector ASC ('date ...', 'base hex  timestamps absolute', '   0.500000 1  356  Rx   d 8 ...')";
    private static final String[] ASC_HEADERS = {"date ", "base ", "begin triggerblock", "end triggerblock",
        "internal events logged", "no internal events logged"};

    private FormatDetection() {
    }

    /**
     * The format of the log, reading up to its first significant line; {@link LogFormat#CANDUMP_L}
     * for a log with no significant line (it has no frames in any format).
     */
    static LogFormat detect(LineInput input, String source) throws IOException, LogParseException {
        while (input.next()) {
            byte[] b = input.buf;
            if (!input.overlong() && Ascii.isBlankOrComment(b, input.start, input.end)) {
                continue;
            }
            LogFormat format = input.overlong() ? null : classify(b, input.start, input.end);
            if (format == null) {
                throw new LogParseException(source, input.lineNumber(),
                        "not a CAN log this workbench reads; " + UNDERSTOOD);
            }
            input.pushBack();
            return format;
        }
        return LogFormat.CANDUMP_L;
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
        if (c == '(') {
            int close = p;
            while (close < end && b[close] != ')') {
                close++;
            }
            int q = Ascii.skipSpaces(b, close + 1 < end ? close + 1 : end, end);
            q = Ascii.skipSpaces(b, Ascii.tokenEnd(b, q, end), end); // bus
            return frameToken(b, q, end);
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
