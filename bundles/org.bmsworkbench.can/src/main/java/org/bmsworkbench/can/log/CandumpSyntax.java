package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.isDigit;
import static org.bmsworkbench.can.log.Ascii.isSpace;

import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * What candump {@code -L}, plain candump and the serial trace share: the {@code (seconds.micros)}
 * timestamp, the identifier as can-utils writes it (3 hex digits for 11-bit, 8 for 29-bit, an
 * 8-digit id with {@link #CAN_ERR_FLAG} for an error frame), and the bus name taken from the line.
 */
abstract class CandumpSyntax extends ScanningReader {
    /** SocketCAN's error-frame flag in an 8-digit identifier. */
    static final int CAN_ERR_FLAG = 0x2000_0000;
    /** The bits of an 8-digit identifier above the 29 bits of an id (SocketCAN's EFF and RTR flags). */
    static final int FLAG_BITS = 0xC000_0000;
    static final int MAX_DATA = 8;
    private static final int MAX_SECONDS_DIGITS = 12;
    /** SocketCAN's CAN FD flags, as the digit after {@code ##} carries them. */
    static final int CANFD_BRS = 0x01;
    static final int CANFD_ESI = 0x02;

    /** Parse cursor into the current line. */
    int p;
    /** Set by {@link #checkId}, with {@link #id} and {@link #extended}. */
    boolean errorFrame;
    /** Where the bus name of the frame {@link #scan} read is in the current line. */
    private int busStart;
    private int busEnd;

    CandumpSyntax(LineInput input, String source, ProblemListener problems) {
        super(input, source, problems);
    }

    /**
     * What {@link #scan} ends with on a good line: the frame, of {@link #id}, {@link #extended} and
     * {@link #errorFrame} as {@link #checkId} set them and {@code length} bytes in {@link #data}
     * (or a remote DLC).
     */
    final boolean scanned(long time, int busStart, int busEnd, int length, boolean remote, boolean fd, boolean brs,
            boolean esi, Direction direction) {
        this.busStart = busStart;
        this.busEnd = busEnd;
        if (fd) {
            return foundFd(time, id, extended, brs, esi, length, direction);
        } else if (errorFrame) {
            return foundError(time, id, length, direction);
        } else if (remote) {
            return foundRemote(time, id, extended, length, direction);
        }
        return found(time, id, extended, length, direction);
    }

    /** The bus name from the current line, which the input still holds (a cached name). */
    @Override
    final String bus() {
        return buses.name(input.buf, busStart, busEnd);
    }

    /**
     * Reads {@code (seconds.fraction)} at {@code p}, where {@code b[p] == '('}; leaves
     * {@code p} after the {@code )}. Digits beyond microseconds are dropped.
     */
    final long timestamp(byte[] b, int end) throws LogParseException {
        int open = p;
        int q = open + 1;
        long seconds = 0;
        int digits = 0;
        while (q < end && isDigit(b[q])) {
            seconds = seconds * 10 + (b[q++] - '0');
            digits++;
        }
        if (digits == 0 || digits > MAX_SECONDS_DIGITS || q >= end || b[q] != '.') {
            throw badTimestamp(b, open, end);
        }
        q++;
        long fraction = 0;
        int fractionDigits = 0;
        while (q < end && isDigit(b[q])) {
            if (fractionDigits < 6) {
                fraction = fraction * 10 + (b[q] - '0');
            }
            fractionDigits++;
            q++;
        }
        if (fractionDigits == 0 || fractionDigits > 9 || q >= end || b[q] != ')') {
            throw badTimestamp(b, open, end);
        }
        for (int i = fractionDigits; i < 6; i++) {
            fraction *= 10;
        }
        p = q + 1;
        return seconds * 1_000_000L + fraction;
    }

    final LogParseException badTimestamp(byte[] b, int open, int end) {
        int q = open;
        while (q < end && !isSpace(b[q]) && b[q] != ')') {
            q++;
        }
        if (q < end && b[q] == ')') {
            q++;
        }
        return fault("bad timestamp '" + Ascii.text(b, open, q) + "'");
    }

    /**
     * Checks an identifier of {@code digits} hex digits with value {@code value} and sets
     * {@link #id}, {@link #extended} and {@link #errorFrame}.
     */
    final void checkId(long value, int digits, byte[] b, int from, int to) throws LogParseException {
        if (digits == 3) {
            if (value > CanFrame.MAX_STANDARD_ID) {
                throw fault(String.format("id 0x%X does not fit 11 bits", value));
            }
            id = (int) value;
            extended = false;
            errorFrame = false;
        } else if (digits == 8) {
            if ((value & FLAG_BITS) != 0) {
                throw fault(String.format("id 0x%08X does not fit 29 bits", value));
            }
            errorFrame = (value & CAN_ERR_FLAG) != 0;
            id = (int) (value & CanFrame.MAX_EXTENDED_ID);
            extended = true;
        } else if (digits == 0) {
            throw fault("missing id");
        } else {
            throw fault("id '" + Ascii.text(b, from, to) + "' has " + digits
                    + " hex digits; 3 (11-bit) or 8 (29-bit) expected");
        }
    }

    static String tooMany(int count) {
        return count + " data bytes, at most " + MAX_DATA;
    }

    /** {@code 1 data byte}, {@code 3 data bytes}. */
    static String dataBytes(int count) {
        return count + (count == 1 ? " data byte" : " data bytes");
    }
}
