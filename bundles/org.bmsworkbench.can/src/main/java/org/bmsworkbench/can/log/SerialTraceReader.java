package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.Ascii.HEX_VALUE;
import static org.bmsworkbench.can.log.Ascii.isSpace;

import java.util.Arrays;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.ReusedFrame;

/**
 * Reads a serial trace, one {@linkplain CanFrame#chunk() chunk} of a byte stream a line:
 * <pre>
 * (1600000000.052311) ttyUSB0 tx DDA50300FFFD77
 * (1600000000.101002) ttyUSB0 rx DD03001D
 * </pre>
 * the time in seconds (digits beyond microseconds dropped), the port, {@code rx} or {@code tx},
 * then 1..{@value CanFrame#MAX_CHUNK_LENGTH} bytes in hex (spaces between bytes are allowed).
 * Blank lines and lines starting with {@code #} or {@code //} carry nothing.
 */
final class SerialTraceReader extends CandumpSyntax {
    private final byte[] bytes = new byte[CanFrame.MAX_CHUNK_LENGTH];

    SerialTraceReader(LineInput input, String source, ProblemListener problems) {
        super(input, source, problems);
    }

    @Override
    public LogFormat format() {
        return LogFormat.SERIAL_TRACE;
    }

    @Override
    boolean scan(byte[] b, int start, int end) throws LogParseException {
        int q = Ascii.skipSpaces(b, start, end);
        if (q == end || b[q] == '#' || (b[q] == '/' && q + 1 < end && b[q + 1] == '/')) {
            return false;
        }
        end = Ascii.trimEnd(b, q, end);
        if (b[q] != '(') {
            throw fault("missing timestamp: a serial trace line starts with '(seconds.micros)'");
        }
        p = q;
        long time = timestamp(b, end);
        q = p;
        if (q >= end || !isSpace(b[q])) {
            throw fault(q >= end ? "missing port after the timestamp" : "missing space after the timestamp");
        }
        q = Ascii.skipSpaces(b, q, end);
        int portStart = q;
        q = Ascii.tokenEnd(b, q, end);
        int portEnd = q;
        if (portEnd == portStart) {
            throw fault("missing port after the timestamp");
        }
        q = Ascii.skipSpaces(b, q, end);
        int dirEnd = Ascii.tokenEnd(b, q, end);
        Direction direction;
        if (Ascii.tokenEquals(b, q, dirEnd, "rx")) {
            direction = Direction.RX;
        } else if (Ascii.tokenEquals(b, q, dirEnd, "tx")) {
            direction = Direction.TX;
        } else {
            throw fault(q == dirEnd ? "missing 'rx' or 'tx' after the port"
                    : "'" + Ascii.text(b, q, dirEnd) + "' is not 'rx' or 'tx'");
        }
        q = Ascii.skipSpaces(b, dirEnd, end);
        int count = 0;
        while (q < end) {
            byte c = b[q];
            if (isSpace(c)) {
                q++;
                continue;
            }
            int hi = HEX_VALUE[c & 0xFF];
            if (hi < 0) {
                throw fault("bad hex digit " + Ascii.describe(c) + " in the bytes");
            }
            if (q + 1 == end || isSpace(b[q + 1])) {
                throw fault("odd number of hex digits in the bytes");
            }
            int lo = HEX_VALUE[b[q + 1] & 0xFF];
            if (lo < 0) {
                throw fault("bad hex digit " + Ascii.describe(b[q + 1]) + " in the bytes");
            }
            if (count == CanFrame.MAX_CHUNK_LENGTH) {
                throw fault("more than " + CanFrame.MAX_CHUNK_LENGTH + " bytes on one line");
            }
            bytes[count++] = (byte) (hi << 4 | lo);
            q += 2;
        }
        if (count == 0) {
            throw fault("no bytes after '" + Ascii.text(b, portStart, dirEnd) + "'");
        }
        scanned(time, portStart, portEnd, count, false, false, false, false, direction);
        return true;
    }

    /** A chunk: the bytes are in this reader's own array, up to {@value CanFrame#MAX_CHUNK_LENGTH} of them. */
    @Override
    CanFrame frame() {
        return CanFrame.chunk(time, bus(), tx ? Direction.TX : Direction.RX, Arrays.copyOf(bytes, length));
    }

    @Override
    void fill(ReusedFrame frame) {
        Direction direction = tx ? Direction.TX : Direction.RX;
        frame.set(time, bus(), 0, ReusedFrame.CHUNK, length, direction).setData(bytes, 0, length);
    }
}
