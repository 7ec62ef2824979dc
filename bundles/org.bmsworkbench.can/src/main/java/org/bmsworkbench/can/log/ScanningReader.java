package org.bmsworkbench.can.log;

import java.util.Arrays;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.ReusedFrame;

/**
 * A line reader with one parser for both ways of reading: {@link #scan} reads a line into the
 * primitive fields below and {@link #data}, which then become a {@link CanFrame} ({@link #frame()},
 * for {@link #next()}) or fill the caller's {@link ReusedFrame} ({@link #fill}, for
 * {@link #next(ReusedFrame)}, without allocating). The caller's frame is written only once the whole
 * line is good. Primitives only, the bus too ({@link #bus()} names it when the frame is made):
 * storing the bus name or the direction in a field of the reader made {@code next()} measurably
 * slower than building its frame in place.
 */
abstract class ScanningReader extends LineLogReader {
    /** The data bytes of the frame {@link #scan} read, from index 0. */
    final byte[] data = new byte[CanFrame.MAX_FD_LENGTH];
    /** The frame {@link #scan} read, as {@link CanFrame} has it ({@link #length}: data bytes, or a remote DLC). */
    long time;
    int id;
    boolean extended;
    boolean remote;
    boolean error;
    boolean fd;
    boolean brs;
    boolean esi;
    boolean tx;
    int length;

    ScanningReader(LineInput input, String source, ProblemListener problems) {
        super(input, source, problems);
    }

    /**
     * Reads the line {@code b[start..end)} into the fields and returns true (through one of the
     * {@code found} methods), or returns false for a line that carries no frame.
     */
    abstract boolean scan(byte[] b, int start, int end) throws LogParseException;

    /** The bus of the frame {@link #scan} read. */
    abstract String bus();

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

    /** A data frame of {@code length} bytes in {@link #data}. */
    final boolean found(long time, int id, boolean extended, int length, Direction direction) {
        return found(time, id, extended, false, false, false, false, false, length, direction);
    }

    /** A CAN FD data frame of {@code length} bytes in {@link #data}. */
    final boolean foundFd(long time, int id, boolean extended, boolean brs, boolean esi, int length,
            Direction direction) {
        return found(time, id, extended, false, false, true, brs, esi, length, direction);
    }

    /** A remote frame asking for {@code dlc} bytes. */
    final boolean foundRemote(long time, int id, boolean extended, int dlc, Direction direction) {
        return found(time, id, extended, true, false, false, false, false, dlc, direction);
    }

    /** An error frame of class {@code errorClass} with {@code length} bytes in {@link #data}. */
    final boolean foundError(long time, int errorClass, int length, Direction direction) {
        return found(time, errorClass & CanFrame.MAX_EXTENDED_ID, true, false, true, false, false, false, length,
                direction);
    }

    private boolean found(long time, int id, boolean extended, boolean remote, boolean error, boolean fd, boolean brs,
            boolean esi, int length, Direction direction) {
        this.time = time;
        this.id = id;
        this.extended = extended;
        this.remote = remote;
        this.error = error;
        this.fd = fd;
        this.brs = brs;
        this.esi = esi;
        this.length = length;
        this.tx = direction == Direction.TX;
        return true;
    }

    /** The frame {@link #scan} read. */
    CanFrame frame() {
        return ReusedFrame.wrap(time, bus(), id, flags(), length, tx ? Direction.TX : Direction.RX,
                Arrays.copyOf(data, remote ? 0 : length));
    }

    /** Puts the frame {@link #scan} read into {@code frame}, with the fields {@link #frame()} gives it. */
    void fill(ReusedFrame frame) {
        frame.set(time, bus(), id, flags(), length, tx ? Direction.TX : Direction.RX);
        if (!remote) {
            frame.setData(data, 0, length);
        }
    }

    /** The {@link ReusedFrame#set} flags of the frame {@link #scan} read. */
    private int flags() {
        return (extended ? ReusedFrame.EXTENDED : 0) | (remote ? ReusedFrame.REMOTE : 0)
                | (error ? ReusedFrame.ERROR : 0)
                | (fd ? ReusedFrame.FD | (brs ? ReusedFrame.BRS : 0) | (esi ? ReusedFrame.ESI : 0) : 0);
    }
}
