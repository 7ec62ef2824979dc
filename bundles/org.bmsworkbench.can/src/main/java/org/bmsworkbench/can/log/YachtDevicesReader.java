package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.HEX_VALUE;
import static org.bmsworkbench.can.log.Ascii.isDigit;

import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Reads Yacht Devices RAW logs, as their NMEA 2000 gateways (YDWG, YDNR, YDEN) write them, one
 * CAN frame a line:
 * <pre>
 * 00:29:58.617 R 0DFF180D A2 8C 50 C0 FF FF FF FF
 * 00:29:58.618 T 09FD020D FF A4 01 51 F2 FB FF FF
 * </pre>
 * The time is a time of day ({@code hh:mm:ss.mmm}) without a date: frames are put on
 * 1970-01-01 UTC, and each time the time of day goes back by more than 12 hours (past midnight)
 * on the next day. {@code R} is a received frame, {@code T} one the gateway sent. The ID has 8
 * hex digits (29-bit) or 3 (11-bit); 0 to 8 data bytes follow. Every frame is on bus {@code can0}.
 */
final class YachtDevicesReader extends ScanningReader {
    static final String BUS = "can0";
    private static final long DAY_MICROS = 86_400_000_000L;
    private static final long HALF_DAY_MICROS = DAY_MICROS / 2;

    private long day;
    private long lastTimeOfDay = -1;

    YachtDevicesReader(LineInput input, String source, ProblemListener problems) {
        super(input, source, problems);
    }

    @Override
    public LogFormat format() {
        return LogFormat.YACHT_DEVICES_RAW;
    }

    @Override
    boolean scan(byte[] b, int start, int end) throws LogParseException {
        if (Ascii.isBlankOrComment(b, start, end)) {
            return false;
        }
        int q = Ascii.skipSpaces(b, start, end);
        end = Ascii.trimEnd(b, q, end);
        int t = Ascii.tokenEnd(b, q, end);
        long timeOfDay = timeOfDay(b, q, t);

        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        Direction direction;
        if (Ascii.tokenEquals(b, q, t, "R")) {
            direction = Direction.RX;
        } else if (Ascii.tokenEquals(b, q, t, "T")) {
            direction = Direction.TX;
        } else {
            throw fault(q == end ? "missing R or T after the time"
                    : "expected R or T after the time, found '" + Ascii.text(b, q, t) + "'");
        }

        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        int digits = t - q;
        if (digits != 3 && digits != 8) {
            throw fault(q == end ? "missing id" : "id '" + Ascii.text(b, q, t) + "' has " + digits
                    + " hex digits; 3 (11-bit) or 8 (29-bit) expected");
        }
        long id = 0;
        for (int i = q; i < t; i++) {
            int v = HEX_VALUE[b[i] & 0xFF];
            if (v < 0) {
                throw fault("bad hex digit " + Ascii.describe(b[i]) + " in id");
            }
            id = id << 4 | v;
        }
        boolean extended = digits == 8;
        if (!extended && id > CanFrame.MAX_STANDARD_ID) {
            throw fault(String.format("id 0x%X does not fit 11 bits", id));
        }
        if (id > CanFrame.MAX_EXTENDED_ID) {
            throw fault(String.format("id 0x%08X does not fit 29 bits", id));
        }

        int count = 0;
        q = Ascii.skipSpaces(b, t, end);
        while (q < end) {
            t = Ascii.tokenEnd(b, q, end);
            int hi = t - q == 2 ? HEX_VALUE[b[q] & 0xFF] : -1;
            int lo = t - q == 2 ? HEX_VALUE[b[q + 1] & 0xFF] : -1;
            if (hi < 0 || lo < 0) {
                throw fault("data byte '" + Ascii.text(b, q, t) + "' is not two hex digits");
            }
            if (count == 8) {
                throw fault("more than 8 data bytes");
            }
            data[count++] = (byte) (hi << 4 | lo);
            q = Ascii.skipSpaces(b, t, end);
        }

        if (lastTimeOfDay >= 0 && timeOfDay < lastTimeOfDay - HALF_DAY_MICROS) {
            day++;
        }
        lastTimeOfDay = timeOfDay;
        return found(day * DAY_MICROS + timeOfDay, (int) id, extended, count, direction);
    }

    @Override
    String bus() {
        return BUS;
    }

    /** {@code hh:mm:ss.mmm} (1 to 6 decimals) as microseconds since midnight. */
    private long timeOfDay(byte[] b, int from, int to) throws LogParseException {
        // hh:mm:ss.f
        if (to - from < 10 || to - from > 15 || b[from + 2] != ':' || b[from + 5] != ':' || b[from + 8] != '.'
                || !digits(b, from, 2) || !digits(b, from + 3, 2) || !digits(b, from + 6, 2)
                || !digits(b, from + 9, to - from - 9)) {
            throw fault("bad time '" + Ascii.text(b, from, to) + "': hh:mm:ss.mmm expected");
        }
        int hours = (b[from] - '0') * 10 + b[from + 1] - '0';
        int minutes = (b[from + 3] - '0') * 10 + b[from + 4] - '0';
        int seconds = (b[from + 6] - '0') * 10 + b[from + 7] - '0';
        if (hours > 23 || minutes > 59 || seconds > 59) {
            throw fault("bad time '" + Ascii.text(b, from, to) + "': hh:mm:ss.mmm expected");
        }
        long fraction = 0;
        int n = 0;
        for (int i = from + 9; i < to; i++, n++) {
            fraction = fraction * 10 + (b[i] - '0');
        }
        for (; n < 6; n++) {
            fraction *= 10;
        }
        return ((hours * 60L + minutes) * 60 + seconds) * 1_000_000L + fraction;
    }

    private static boolean digits(byte[] b, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        return count > 0;
    }
}
