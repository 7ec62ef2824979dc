package org.bmsworkbench.can.log;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The {@code ;$} lines of a PEAK trace: {@code $FILEVERSION} (1.0, 1.1, 1.2, 1.3, 2.0, 2.1; any
 * other ends reading), {@code $STARTTIME} (days since 1899-12-30 UTC, to the microsecond) and
 * {@code $COLUMNS} (2.x; without it, 2.0 is {@code N,O,T,I,d,l,D} and 2.1
 * {@code N,O,T,B,I,d,R,L,D}). Other {@code ;} lines are comments.
 */
final class TrcHeader {
    private final LineLogReader reader;
    /** 10, 11, 12, 13, 20, 21; 0 until {@code $FILEVERSION} says which. */
    private int version;
    private long startMicros;
    private char[] columns;

    TrcHeader(LineLogReader reader) {
        this.reader = reader;
    }

    /** 10 for 1.0, …, 21 for 2.1; 10 when the trace has no {@code $FILEVERSION}. */
    int version() {
        if (version == 0) {
            version = 10;
        }
        return version;
    }

    /** The start of the trace in microseconds since 1970; 0 without {@code $STARTTIME}. */
    long startMicros() {
        return startMicros;
    }

    /** The column letters of a 2.x trace, in order. */
    char[] columns() {
        return columns;
    }

    /** A line that started with {@code ;}, from the byte after it. */
    void line(byte[] b, int q, int end) throws LogParseException {
        if (q >= end || b[q] != '$') {
            return; // a comment
        }
        int eq = q;
        while (eq < end && b[eq] != '=') {
            eq++;
        }
        String key = new String(b, q, eq - q, StandardCharsets.US_ASCII).strip();
        String value = eq < end ? new String(b, eq + 1, end - eq - 1, StandardCharsets.UTF_8).strip() : "";
        switch (key) {
            case "$FILEVERSION" -> {
                version = switch (value) {
                    case "1.0" -> 10;
                    case "1.1" -> 11;
                    case "1.2" -> 12;
                    case "1.3" -> 13;
                    case "2.0" -> 20;
                    case "2.1" -> 21;
                    default -> throw reader.unreadable("PEAK TRC file version '" + Ascii.text(b, eq + 1, end)
                            + "' is not read; this workbench reads versions " + TrcReader.VERSIONS);
                };
                if (version >= 20 && columns == null) {
                    columns = (version == 20 ? "NOTIdlD" : "NOTBIdRLD").toCharArray();
                }
            }
            case "$STARTTIME" -> startMicros = startTime(value, b, eq + 1, end);
            case "$COLUMNS" -> columns = columns(value, b, eq + 1, end);
            default -> {
                // other keywords ($NETWORK…) say nothing about the frames
            }
        }
    }

    private long startTime(String value, byte[] b, int from, int end) throws LogParseException {
        try {
            BigDecimal days = new BigDecimal(value);
            if (days.signum() < 0 || days.compareTo(BigDecimal.valueOf(2_958_466)) > 0) {
                throw new NumberFormatException();
            }
            return days.subtract(BigDecimal.valueOf(TrcReader.EPOCH_DAY)).multiply(BigDecimal.valueOf(TrcReader.MICROS_PER_DAY))
                    .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw reader.fault("bad $STARTTIME '" + Ascii.text(b, from, end) + "': days since 1899-12-30 expected");
        }
    }

    private char[] columns(String value, byte[] b, int from, int end) throws LogParseException {
        String[] names = value.split(",", -1);
        char[] result = new char[names.length];
        for (int i = 0; i < names.length; i++) {
            String c = names[i].strip();
            if (c.length() != 1 || "NOTBIdRLlD".indexOf(c.charAt(0)) < 0) {
                throw reader.fault("bad $COLUMNS '" + Ascii.text(b, from, end) + "': unknown column '" + c + "'");
            }
            result[i] = c.charAt(0);
        }
        String s = new String(result);
        if (s.indexOf('O') < 0 || s.indexOf('T') < 0 || s.indexOf('I') < 0
                || s.indexOf('L') < 0 && s.indexOf('l') < 0 || s.indexOf('D') != s.length() - 1) {
            throw reader.fault("bad $COLUMNS '" + Ascii.text(b, from, end)
                    + "': O, T, I, L or l, and D as the last column are needed");
        }
        return result;
    }
}
