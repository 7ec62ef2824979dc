package org.bmsworkbench.can.log;

import java.nio.charset.StandardCharsets;

/**
 * The header lines of a Vector ASC log and the time base and number base they set: {@code date}
 * (or, without it, the date of {@code Begin Triggerblock}; UTC), {@code base hex|dec  timestamps
 * absolute|relative}; {@code internal events logged}, {@code no internal events logged} and
 * {@code End TriggerBlock} say nothing. {@link #time} turns the offset that starts a timed line
 * into the event's time: the date plus the offset, the offsets of all timed lines added up under
 * {@code timestamps relative}.
 */
final class AscHeader {
    private final LineLogReader reader;
    private boolean decimal;
    private boolean relative;
    private boolean dated;
    private long dateMicros;
    private long relativeMicros;

    AscHeader(LineLogReader reader) {
        this.reader = reader;
    }

    /** Whether ids and data bytes are decimal ({@code base dec}) rather than hex. */
    boolean decimal() {
        return decimal;
    }

    /** A line that does not start with a time, from its first character {@code b[q]} to {@code end}. */
    void line(byte[] b, int q, int end) throws LogParseException {
        if (Ascii.startsWithIgnoreCase(b, q, end, "date ")) {
            String text = new String(b, q + 5, end - q - 5, StandardCharsets.UTF_8);
            try {
                dateMicros = AscDates.parse(text);
                dated = true;
            } catch (IllegalArgumentException e) {
                throw reader.fault("bad date '" + text.trim() + "': " + e.getMessage());
            }
        } else if (Ascii.startsWithIgnoreCase(b, q, end, "base ")) {
            base(b, q, end);
        } else if (Ascii.startsWithIgnoreCase(b, q, end, "begin triggerblock")) {
            int from = q + "begin triggerblock".length();
            if (!dated && Ascii.skipSpaces(b, from, end) < end) {
                String text = new String(b, from, end - from, StandardCharsets.UTF_8);
                try {
                    dateMicros = AscDates.parse(text);
                    dated = true;
                } catch (IllegalArgumentException e) {
                    throw reader.fault("bad date '" + text.trim() + "': " + e.getMessage());
                }
            }
        } else if (!Ascii.startsWithIgnoreCase(b, q, end, "end triggerblock")
                && !Ascii.startsWithIgnoreCase(b, q, end, "internal events logged")
                && !Ascii.startsWithIgnoreCase(b, q, end, "no internal events logged")) {
            throw reader.fault("not an ASC line: '" + Ascii.text(b, q, end) + "'");
        }
    }

    /** {@code base hex|dec  timestamps absolute|relative} */
    private void base(byte[] b, int q, int end) throws LogParseException {
        String[] tokens = new String(b, q, end - q, StandardCharsets.UTF_8).trim().split("\\s+");
        if (tokens.length != 4 || !(tokens[1].equals("hex") || tokens[1].equals("dec"))
                || !tokens[2].equals("timestamps")
                || !(tokens[3].equals("absolute") || tokens[3].equals("relative"))) {
            throw reader.fault("bad base line '" + Ascii.text(b, q, end)
                    + "': expected 'base hex|dec  timestamps absolute|relative'");
        }
        decimal = tokens[1].equals("dec");
        relative = tokens[3].equals("relative");
    }

    /** The time, in microseconds, of the event whose line starts with the offset {@code b[from..to)}. */
    long time(byte[] b, int from, int to) throws LogParseException {
        long offset = offset(b, from, to);
        if (relative) {
            relativeMicros += offset;
            offset = relativeMicros;
        }
        return (dated ? dateMicros : 0) + offset;
    }

    /** Seconds with up to 9 decimals as microseconds (digits beyond microseconds dropped). */
    private long offset(byte[] b, int from, int to) throws LogParseException {
        long micros = Ascii.decimal(b, from, to, 6, 0, 12);
        if (micros == Ascii.NOT_A_DECIMAL) {
            throw reader.fault("bad time '" + Ascii.text(b, from, to) + "'");
        }
        return micros;
    }
}
