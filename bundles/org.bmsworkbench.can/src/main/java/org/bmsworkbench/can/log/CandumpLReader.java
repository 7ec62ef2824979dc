package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.HEX_VALUE;
import static org.bmsworkbench.can.log.Ascii.isSpace;

import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Reads {@code candump -L} lines:
 * <pre>
 * (1600000000.500000) can0 356#C014850CD700
 * (1600000000.600000) can0 19F21450#C01485
 * (1600000000.700000) can0 123#R4
 * (1600000000.800000) can0 20000004#0004000000000000
 * (1600000000.900000) can0 123##1C0148500C0148500C0148500
 * </pre>
 * {@code ##} starts a CAN FD frame: one hex digit of flags (SocketCAN's {@code CANFD_BRS} 0x1,
 * {@code CANFD_ESI} 0x2; other bits such as {@code CANFD_FDF} 0x4 are ignored), then 0..8, 12,
 * 16, 20, 24, 32, 48 or 64 data bytes.
 * Data bytes may be separated by dots ({@code 11.22.33}, as cansend accepts); a trailing
 * {@code R} or {@code T} (candump {@code -x}) gives the direction; a trailing raw DLC
 * {@code _9}..{@code _F} after 8 bytes is accepted and dropped.
 */
final class CandumpLReader extends CandumpSyntax {

    CandumpLReader(LineInput input, String source, ProblemListener problems) {
        super(input, source, problems);
    }

    @Override
    public LogFormat format() {
        return LogFormat.CANDUMP_L;
    }

    @Override
    boolean scan(byte[] b, int start, int end) throws LogParseException {
        int q = start;
        while (q < end && isSpace(b[q])) {
            q++;
        }
        if (q == end || b[q] == '#' || (b[q] == '/' && q + 1 < end && b[q + 1] == '/')) {
            return false;
        }
        end = Ascii.trimEnd(b, q, end);
        if (b[q] != '(') {
            throw fault("missing timestamp: a candump -L line starts with '(seconds.micros)'");
        }
        p = q;
        long time = timestamp(b, end);

        // bus
        q = p;
        if (q >= end || !isSpace(b[q])) {
            throw fault(q >= end ? "missing bus name after the timestamp" : "missing space after the timestamp");
        }
        while (q < end && isSpace(b[q])) {
            q++;
        }
        int busStart = q;
        while (q < end && !isSpace(b[q])) {
            q++;
        }
        if (q == busStart) {
            throw fault("missing bus name after the timestamp");
        }
        int busEnd = q;
        while (q < end && isSpace(b[q])) {
            q++;
        }
        if (q == end) {
            throw fault("missing frame after the bus name");
        }

        // id
        int idStart = q;
        long value = 0;
        while (true) {
            if (q == end || isSpace(b[q])) {
                throw fault("missing '#'");
            }
            byte c = b[q];
            if (c == '#') {
                break;
            }
            int v = HEX_VALUE[c & 0xFF];
            if (v < 0) {
                throw fault("bad hex digit " + Ascii.describe(c) + " in id");
            }
            if (q - idStart < 9) {
                value = (value << 4) | v;
            }
            q++;
        }
        checkId(value, q - idStart, b, idStart, q);
        q++; // '#'

        // payload
        boolean remote = false;
        int count = 0;
        boolean fd = false;
        int fdFlags = 0;
        if (q < end && b[q] == '#') {
            if (errorFrame) {
                throw fault("an error frame cannot be a CAN FD frame");
            }
            q++;
            fdFlags = q < end ? HEX_VALUE[b[q] & 0xFF] : -1;
            if (fdFlags < 0) {
                throw fault(q < end ? "bad CAN FD flags " + Ascii.describe(b[q]) + " after '##'"
                        : "missing CAN FD flags after '##'");
            }
            q++;
            fd = true;
        }
        if (fd) {
            byte[] s = data;
            while (q < end && !isSpace(b[q])) {
                byte c = b[q];
                if (c == '.') {
                    q++;
                    continue;
                }
                int hi = HEX_VALUE[c & 0xFF];
                if (hi < 0) {
                    throw fault("bad hex digit " + Ascii.describe(c) + " in data");
                }
                if (q + 1 == end || isSpace(b[q + 1]) || b[q + 1] == '.') {
                    throw fault("odd number of hex digits in data");
                }
                int lo = HEX_VALUE[b[q + 1] & 0xFF];
                if (lo < 0) {
                    throw fault("bad hex digit " + Ascii.describe(b[q + 1]) + " in data");
                }
                if (count < CanFrame.MAX_FD_LENGTH) {
                    s[count] = (byte) (hi << 4 | lo);
                }
                count++;
                q += 2;
            }
            if (!CanFrame.isFdLength(count)) {
                throw fault(count + " data bytes: not a CAN FD length (0..8, 12, 16, 20, 24, 32, 48, 64)");
            }
        } else if (q < end && (b[q] == 'R' || b[q] == 'r')) {
            if (errorFrame) {
                throw fault("an error frame cannot be a remote frame");
            }
            remote = true;
            q++;
            if (q < end && !isSpace(b[q])) {
                int dlc = b[q] - '0';
                if (dlc < 0 || dlc > 9) {
                    throw fault("bad remote DLC " + Ascii.describe(b[q]));
                }
                if (dlc > MAX_DATA) {
                    throw fault("remote DLC " + dlc + ", at most " + MAX_DATA);
                }
                count = dlc;
                q++;
                if (q < end && !isSpace(b[q])) {
                    throw fault("bad remote DLC '" + Ascii.text(b, q - 2, Ascii.tokenEnd(b, q, end)) + "'");
                }
            }
        } else {
            byte[] s = data;
            while (q < end) {
                byte c = b[q];
                if (isSpace(c)) {
                    break;
                }
                if (c == '.') {
                    q++;
                    continue;
                }
                if (c == '_') {
                    int tokenEnd = Ascii.tokenEnd(b, q, end);
                    int rawDlc = q + 1 < end ? HEX_VALUE[b[q + 1] & 0xFF] : -1;
                    if (count != MAX_DATA || rawDlc < 9 || tokenEnd != q + 2) {
                        throw fault("bad raw DLC '" + Ascii.text(b, q, tokenEnd)
                                + "': only _9 to _F, after 8 data bytes");
                    }
                    q = tokenEnd;
                    break;
                }
                int hi = HEX_VALUE[c & 0xFF];
                if (hi < 0) {
                    throw fault("bad hex digit " + Ascii.describe(c) + " in data");
                }
                if (q + 1 == end || isSpace(b[q + 1]) || b[q + 1] == '.') {
                    throw fault("odd number of hex digits in data");
                }
                int lo = HEX_VALUE[b[q + 1] & 0xFF];
                if (lo < 0) {
                    throw fault("bad hex digit " + Ascii.describe(b[q + 1]) + " in data");
                }
                if (count < MAX_DATA) {
                    s[count] = (byte) (hi << 4 | lo);
                }
                count++;
                q += 2;
            }
            if (count > MAX_DATA) {
                throw fault(tooMany(count));
            }
        }

        // optional direction (candump -x)
        Direction direction = Direction.RX;
        while (q < end && isSpace(b[q])) {
            q++;
        }
        if (q < end) {
            if (q + 1 == end && (b[q] == 'R' || b[q] == 'T')) {
                direction = b[q] == 'T' ? Direction.TX : Direction.RX;
            } else {
                throw fault("unexpected text after the frame: '" + Ascii.text(b, q, end) + "'");
            }
        }

        scanned(time, busStart, busEnd, count, remote, fd, (fdFlags & CANFD_BRS) != 0,
                (fdFlags & CANFD_ESI) != 0, direction);
        return true;
    }
}
