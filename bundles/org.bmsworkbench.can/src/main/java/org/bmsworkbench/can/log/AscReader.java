package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.HEX_VALUE;
import static org.bmsworkbench.can.log.Ascii.isDigit;
import static org.bmsworkbench.can.log.Ascii.isSpace;

import java.util.Arrays;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Reads Vector ASCII logs (.asc):
 * <pre>
 * date Mon Sep 14 12:26:40.000 pm 2020
 * base hex  timestamps absolute
 * internal events logged
 * // version 9.0.0
 * Begin Triggerblock Mon Sep 14 12:26:40.000 pm 2020
 *    0.000000 Start of measurement
 *    0.500000 1  356             Rx   d 8 C0 14 85 0C D7 00 00 00  Length = 0 BitCount = 0 ID = 854
 *    0.600000 1  19F21450x       Tx   d 2 C0 14
 *    0.700000 1  123             Rx   r 4
 *    0.800000 1  ErrorFrame
 *    0.900000 CAN 1 Status:chip status error active
 * End TriggerBlock
 * </pre>
 * Channel N is bus {@code can<N-1>}. A frame's time is the {@code date} (UTC) plus its offset,
 * or the offset alone when the log has no date; with {@code timestamps relative} the offsets
 * of successive events add up. Timed lines of other events ({@code Start of measurement},
 * {@code CAN 1 Status:}, {@code SV:}, {@code J1939TP}, {@code Statistic:}, {@code TxRq}, ...) are
 * skipped; {@code CANFD} lines are CAN FD frames (or classic ones logged on a CAN FD channel).
 * Lines without a time are the header's ({@link AscHeader}).
 */
final class AscReader extends ScanningReader {
    /**
     * An ASC {@code ErrorFrame} line says only that an error frame was seen, not what kind: it
     * reads as an error frame of class 0 (SocketCAN's {@code CAN_ERR_FLAG} alone, no class bit)
     * with no data, rather than a class the log never named.
     */
    static final int ERROR_CLASS = 0;
    private static final int MAX_CHANNEL = 9999;

    private final AscHeader header = new AscHeader(this);
    private String[] channelBuses = new String[8];
    /** The channel (1..) of the frame {@link #scan} read. */
    private int channel;

    AscReader(LineInput input, String source, ProblemListener problems) {
        super(input, source, problems);
    }

    @Override
    public LogFormat format() {
        return LogFormat.ASC;
    }

    @Override
    boolean scan(byte[] b, int start, int end) throws LogParseException {
        if (Ascii.isBlankOrComment(b, start, end)) {
            return false;
        }
        int q = Ascii.skipSpaces(b, start, end);
        end = Ascii.trimEnd(b, q, end);
        byte c = b[q];
        if (isDigit(c) || c == '-' || c == '.') {
            return event(b, q, end);
        }
        header.line(b, q, end);
        return false;
    }

    /** A line that starts with a time. */
    private boolean event(byte[] b, int q, int end) throws LogParseException {
        int t = Ascii.tokenEnd(b, q, end);
        long time = header.time(b, q, t);
        q = Ascii.skipSpaces(b, t, end);
        if (q == end) {
            throw fault("nothing after the time");
        }
        t = Ascii.tokenEnd(b, q, end);
        if (Ascii.tokenEquals(b, q, t, "CANFD")) {
            return fdEvent(b, t, end, time);
        }
        int channel = 0;
        for (int i = q; i < t; i++) {
            if (!isDigit(b[i]) || channel > MAX_CHANNEL) {
                return false; // Start of measurement, CAN 1 Status:, SV:, J1939TP, ...
            }
            channel = channel * 10 + (b[i] - '0');
        }
        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        if (Ascii.tokenEquals(b, q, t, "ErrorFrame")) {
            channel(channel);
            return foundError(time, ERROR_CLASS, 0, Direction.RX);
        }
        int idStart = q;
        int idEnd = t;
        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        Direction direction;
        if (Ascii.tokenEquals(b, q, t, "Rx")) {
            direction = Direction.RX;
        } else if (Ascii.tokenEquals(b, q, t, "Tx")) {
            direction = Direction.TX;
        } else {
            return false; // TxRq (a transmit request, not a frame on the bus), Statistic:, ...
        }
        return dataFrame(b, t, end, time, channel, idStart, idEnd, direction);
    }

    private boolean dataFrame(byte[] b, int q, int end, long time, int channel, int idStart, int idEnd,
            Direction direction) throws LogParseException {
        boolean decimal = header.decimal();
        boolean extended = idEnd > idStart && (b[idEnd - 1] == 'x' || b[idEnd - 1] == 'X');
        int digitsEnd = extended ? idEnd - 1 : idEnd;
        long id = number(b, idStart, digitsEnd, decimal ? 10 : 16, "id", decimal ? 10 : 8);
        if (!extended && id > CanFrame.MAX_STANDARD_ID) {
            throw fault(String.format("id 0x%X does not fit 11 bits", id));
        }
        if (id > CanFrame.MAX_EXTENDED_ID) {
            throw fault(String.format("id 0x%X does not fit 29 bits", id));
        }

        q = Ascii.skipSpaces(b, q, end);
        int t = Ascii.tokenEnd(b, q, end);
        boolean remote;
        if (Ascii.tokenEquals(b, q, t, "d") || Ascii.tokenEquals(b, q, t, "D")) {
            remote = false;
        } else if (Ascii.tokenEquals(b, q, t, "r") || Ascii.tokenEquals(b, q, t, "R")) {
            remote = true;
        } else {
            throw fault(q == end ? "missing 'd' or 'r' after the direction"
                    : "expected 'd' or 'r' after the direction, found '" + Ascii.text(b, q, t) + "'");
        }

        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        int dlc = 0;
        if (t - q == 1 && HEX_VALUE[b[q] & 0xFF] >= 0) {
            dlc = HEX_VALUE[b[q] & 0xFF];
            q = Ascii.skipSpaces(b, t, end);
        } else if (!remote) {
            throw fault(q == end ? "missing DLC" : "bad DLC '" + Ascii.text(b, q, t) + "'");
        }
        if (dlc > 8) {
            throw fault("DLC " + dlc + ", at most 8");
        }
        channel(channel);
        if (remote) {
            return foundRemote(time, (int) id, extended, dlc, direction);
        }
        for (int i = 0; i < dlc; i++) {
            t = Ascii.tokenEnd(b, q, end);
            if (q == end || !(decimal ? isDigit(b[q]) : HEX_VALUE[b[q] & 0xFF] >= 0) && t - q > 2) {
                throw fault("DLC " + dlc + " but " + CandumpSyntax.dataBytes(i));
            }
            long v = number(b, q, t, decimal ? 10 : 16, "data", decimal ? 3 : 2);
            if (v > 255) {
                throw fault("data byte " + v + " is more than 255");
            }
            data[i] = (byte) v;
            q = Ascii.skipSpaces(b, t, end);
        }
        // the rest (Length = ..., BitCount = ..., ID = ...) is informational
        return found(time, (int) id, extended, dlc, direction);
    }

    /**
     * After {@code CANFD}: {@code <channel> Rx|Tx <id> [symbolic name] <brs> <esi> <dlc> <length>
     * <data> [<duration> <bit count> <flags> …]}, or {@code <channel> Rx|Tx ErrorFrame …}. The
     * flags say whether the frame is CAN FD (EDL, 0x1000) or a classic frame logged on a CAN FD
     * channel, and whether it is a remote frame (0x10); without them a line of length 0 and a
     * DLC above 0 is a remote frame, anything else CAN FD. More than 8 bytes is CAN FD whatever
     * the flags say (python-can writes 0 there).
     */
    private boolean fdEvent(byte[] b, int q, int end, long time) throws LogParseException {
        boolean decimal = header.decimal();
        q = Ascii.skipSpaces(b, q, end);
        int t = Ascii.tokenEnd(b, q, end);
        int channel = 0;
        if (t == q) {
            throw fault("missing channel after CANFD");
        }
        for (int i = q; i < t; i++) {
            if (!isDigit(b[i]) || channel > MAX_CHANNEL) {
                throw fault("bad channel '" + Ascii.text(b, q, t) + "' after CANFD");
            }
            channel = channel * 10 + (b[i] - '0');
        }
        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        Direction direction;
        if (Ascii.tokenEquals(b, q, t, "Rx")) {
            direction = Direction.RX;
        } else if (Ascii.tokenEquals(b, q, t, "Tx")) {
            direction = Direction.TX;
        } else {
            throw fault(q == end ? "missing Rx or Tx after the channel"
                    : "expected Rx or Tx after the channel, found '" + Ascii.text(b, q, t) + "'");
        }
        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        if (Ascii.tokenEquals(b, q, t, "ErrorFrame")) {
            channel(channel);
            return foundError(time, ERROR_CLASS, 0, Direction.RX);
        }
        int idStart = q;
        int idEnd = t;
        if (q == end) {
            throw fault("missing id");
        }
        boolean extended = b[idEnd - 1] == 'x' || b[idEnd - 1] == 'X';
        long id = number(b, idStart, extended ? idEnd - 1 : idEnd, decimal ? 10 : 16, "id", decimal ? 10 : 8);
        if (!extended && id > CanFrame.MAX_STANDARD_ID) {
            throw fault(String.format("id 0x%X does not fit 11 bits", id));
        }
        if (id > CanFrame.MAX_EXTENDED_ID) {
            throw fault(String.format("id 0x%X does not fit 29 bits", id));
        }
        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        if (!(t - q == 1 && (b[q] == '0' || b[q] == '1'))) {
            // a symbolic name
            q = Ascii.skipSpaces(b, t, end);
            t = Ascii.tokenEnd(b, q, end);
        }
        boolean brs = flag(b, q, t, "BRS");
        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        boolean esi = flag(b, q, t, "ESI");
        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        int dlc = (int) number(b, q, t, decimal ? 10 : 16, "DLC", 2);
        if (dlc > 15) {
            throw fault("DLC " + dlc + ", at most 15");
        }
        q = Ascii.skipSpaces(b, t, end);
        t = Ascii.tokenEnd(b, q, end);
        int length = (int) number(b, q, t, 10, "data length", 2);
        if (length > CanFrame.MAX_FD_LENGTH) {
            throw fault("data length " + length + ", at most " + CanFrame.MAX_FD_LENGTH);
        }
        q = Ascii.skipSpaces(b, t, end);
        for (int i = 0; i < length; i++) {
            t = Ascii.tokenEnd(b, q, end);
            if (q == end) {
                throw fault("data length " + length + " but " + CandumpSyntax.dataBytes(i));
            }
            long v = number(b, q, t, decimal ? 10 : 16, "data", decimal ? 3 : 2);
            if (v > 255) {
                throw fault("data byte " + v + " is more than 255");
            }
            data[i] = (byte) v;
            q = Ascii.skipSpaces(b, t, end);
        }
        // message duration, bit count, then the flags
        int flags = -1;
        for (int field = 0; field < 3 && q < end; field++) {
            t = Ascii.tokenEnd(b, q, end);
            if (field == 2) {
                long v = 0;
                boolean hex = t - q <= 8;
                for (int i = q; i < t && hex; i++) {
                    int d = HEX_VALUE[b[i] & 0xFF];
                    hex = d >= 0;
                    v = v << 4 | Math.max(d, 0);
                }
                flags = hex ? (int) v : -1;
            }
            q = Ascii.skipSpaces(b, t, end);
        }
        boolean fd = length > 8 || dlc > 8 || (flags >= 0 ? (flags & AscWriter.FD_EDL) != 0 : !(length == 0 && dlc > 0));
        boolean remote = flags >= 0 ? !fd && (flags & AscWriter.FD_RTR) != 0 : !fd;
        channel(channel);
        if (fd) {
            if (!CanFrame.isFdLength(length)) {
                throw fault("data length " + length + " is not a CAN FD length (0..8, 12, 16, 20, 24, 32, 48, 64)");
            }
            if (CanFrame.fdLengthOf(dlc) != length) {
                throw fault("DLC " + dlc + " means " + CanFrame.fdLengthOf(dlc) + " bytes, but the data length is "
                        + length);
            }
            return foundFd(time, (int) id, extended, brs, esi, length, direction);
        } else if (remote) {
            if (dlc > 8) {
                throw fault("remote DLC " + dlc + ", at most 8");
            }
            return foundRemote(time, (int) id, extended, dlc, direction);
        }
        return found(time, (int) id, extended, length, direction);
    }

    private boolean flag(byte[] b, int q, int t, String what) throws LogParseException {
        if (t - q == 1 && (b[q] == '0' || b[q] == '1')) {
            return b[q] == '1';
        }
        throw fault(q == t ? "missing " + what + " flag" : "bad " + what + " flag '" + Ascii.text(b, q, t)
                + "': 0 or 1 expected");
    }

    /** A number in {@code radix} of at most {@code maxDigits} digits. */
    private long number(byte[] b, int from, int to, int radix, String what, int maxDigits) throws LogParseException {
        if (from == to) {
            throw fault("missing " + what);
        }
        if (to - from > maxDigits) {
            throw fault(what + " '" + Ascii.text(b, from, to) + "' has more than " + maxDigits + " digits");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = radix == 16 ? HEX_VALUE[b[i] & 0xFF] : isDigit(b[i]) ? b[i] - '0' : -1;
            if (d < 0) {
                throw fault("bad " + (radix == 16 ? "hex" : "decimal") + " digit " + Ascii.describe(b[i]) + " in " + what);
            }
            v = v * radix + d;
        }
        return v;
    }

    /** Takes {@code channel} as the frame's. */
    private void channel(int channel) throws LogParseException {
        if (channel < 1) {
            throw fault("channel 0: ASC channels start at 1");
        }
        this.channel = channel;
    }

    /** Channel N is bus {@code can<N-1>}. */
    @Override
    String bus() {
        int channel = this.channel;
        if (channel >= channelBuses.length) {
            channelBuses = Arrays.copyOf(channelBuses, Math.max(channel + 1, channelBuses.length * 2));
        }
        String bus = channelBuses[channel];
        if (bus == null) {
            bus = "can" + (channel - 1);
            channelBuses[channel] = bus;
        }
        return bus;
    }
}
