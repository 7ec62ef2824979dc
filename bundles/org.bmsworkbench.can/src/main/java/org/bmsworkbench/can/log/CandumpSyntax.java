package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.isDigit;
import static org.bmsworkbench.can.log.Ascii.isSpace;

import java.util.Arrays;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.ReusedFrame;

/**
 * What candump {@code -L}, plain candump and the serial trace share: the {@code (seconds.micros)}
 * timestamp, the identifier as can-utils writes it (3 hex digits for 11-bit, 8 for 29-bit, an
 * 8-digit id with {@link #CAN_ERR_FLAG} for an error frame), and one parser for both ways of
 * reading: each reader's {@link #scan} reads a line into primitive fields and scratch arrays,
 * which then become a {@link CanFrame} ({@link #frame()}, for {@link #next()}) or fill the
 * caller's {@link ReusedFrame} ({@link #fill}, for {@link #next(ReusedFrame)}, no allocation).
 * The caller's frame is thus only written once the whole line is good.
 */
abstract class CandumpSyntax extends LineLogReader {
    /** SocketCAN's error-frame flag in an 8-digit identifier. */
    static final int CAN_ERR_FLAG = 0x2000_0000;
    /** The bits of an 8-digit identifier above the 29 bits of an id (SocketCAN's EFF and RTR flags). */
    static final int FLAG_BITS = 0xC000_0000;
    static final int MAX_DATA = 8;
    private static final int MAX_SECONDS_DIGITS = 12;

    /** Parse cursor into the current line. */
    int p;
    /** Set by {@link #checkId}. */
    int id;
    boolean extended;
    boolean errorFrame;
    /** SocketCAN's CAN FD flags, as the digit after {@code ##} carries them. */
    static final int CANFD_BRS = 0x01;
    static final int CANFD_ESI = 0x02;
    /** Scratch for data bytes before the exact-size array is made. */
    final byte[] scratch = new byte[MAX_DATA];
    /** The same for CAN FD frames. */
    final byte[] fdScratch = new byte[CanFrame.MAX_FD_LENGTH];
    /**
     * The rest of the frame {@link #scan} read; its data is in {@link #scratch} or {@link #fdScratch},
     * its bus name still in the input's buffer. Primitives only: storing the bus name or the
     * direction here made {@code next()} measurably slower than building the frame in place.
     */
    long time;
    int busStart;
    int busEnd;
    int length;
    boolean remote;
    boolean fd;
    boolean brs;
    boolean esi;
    boolean tx;

    CandumpSyntax(LineInput input, String source, ProblemListener problems) {
        super(input, source, problems);
    }

    /**
     * Reads the line {@code b[start..end)} into the fields of its frame and returns true, or returns
     * false for a line that carries none.
     */
    abstract boolean scan(byte[] b, int start, int end) throws LogParseException;

    @Override
    final CanFrame parse(byte[] b, int start, int end) throws LogParseException {
        return scan(b, start, end) ? frame() : null;
    }

    @Override
    final boolean parse(byte[] b, int start, int end, ReusedFrame frame) throws LogParseException {
        if (!scan(b, start, end)) {
            return false;
        }
        fill(frame);
        return true;
    }

    /** What {@link #scan} ends with on a good line, its data bytes written to {@link #scratch} or {@link #fdScratch}. */
    final void scanned(long time, int busStart, int busEnd, int length, boolean remote, boolean fd, boolean brs,
            boolean esi, Direction direction) {
        this.time = time;
        this.busStart = busStart;
        this.busEnd = busEnd;
        this.length = length;
        this.remote = remote;
        this.fd = fd;
        this.brs = brs;
        this.esi = esi;
        this.tx = direction == Direction.TX;
    }

    /** The bus {@link #scan} read, from the current line in the input's buffer (a cached name). */
    final String bus() {
        return buses.name(input.buf, busStart, busEnd);
    }

    /** The frame {@link #scan} read. */
    CanFrame frame() {
        String bus = bus();
        CanFrame frame;
        if (fd) {
            frame = CanFrame.wrapFd(time, bus, id, extended, brs, esi, Arrays.copyOf(fdScratch, length));
        } else if (errorFrame) {
            frame = CanFrame.error(time, bus, id, Arrays.copyOf(scratch, length));
        } else if (remote) {
            frame = CanFrame.remote(time, bus, id, extended, length);
        } else {
            frame = CanFrame.wrap(time, bus, id, extended, Arrays.copyOf(scratch, length));
        }
        return tx ? frame.withDirection(Direction.TX) : frame;
    }

    /** Puts the frame {@link #scan} read into {@code frame}, with the fields {@link #frame()} gives it. */
    void fill(ReusedFrame frame) {
        String bus = bus();
        Direction direction = tx ? Direction.TX : Direction.RX;
        if (fd) {
            frame.set(time, bus, id, extended, false, false, length, direction, true, brs, esi, false)
                    .setData(fdScratch, 0, length);
        } else if (errorFrame) {
            frame.set(time, bus, id, true, false, true, length, direction, false, false, false, false)
                    .setData(scratch, 0, length);
        } else if (remote) {
            frame.set(time, bus, id, extended, true, false, length, direction, false, false, false, false).data(0);
        } else {
            frame.set(time, bus, id, extended, false, false, length, direction, false, false, false, false)
                    .setData(scratch, 0, length);
        }
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
