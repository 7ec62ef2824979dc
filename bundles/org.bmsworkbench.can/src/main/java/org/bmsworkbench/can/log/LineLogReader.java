package org.bmsworkbench.can.log;

import java.io.IOException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;

/**
 * A reader of a line-oriented log: turns each line into a frame, skips lines that carry
 * none, and applies the strict or tolerant policy to bad lines.
 *
 * <p>{@link #next()} takes each line's frame from {@link #parse(byte[], int, int)},
 * {@link #next(ReusedFrame)} from {@link #parse(byte[], int, int, ReusedFrame)}: a reader that
 * overrides the latter reads without an object per frame, from the same parser (see
 * {@link ScanningReader}).
 */
abstract class LineLogReader implements CanLogReader {
    final LineInput input;
    final String source;
    final BusNames buses = new BusNames();
    private final ProblemListener problems;
    private long skipped;
    private boolean closed;
    /** The frame {@link #scan} read for {@link #next()}. */
    private CanFrame parsed;

    LineLogReader(LineInput input, String source, ProblemListener problems) {
        this.input = input;
        this.source = source;
        this.problems = problems;
    }

    @Override
    public final CanFrame next() throws IOException, LogParseException {
        checkOpen();
        CanFrame queued = pending();
        if (queued != null) {
            return queued;
        }
        if (!scan(null)) {
            return null;
        }
        CanFrame frame = parsed;
        parsed = null;
        return frame;
    }

    /**
     * As {@link #next()}, through {@link #parse(byte[], int, int, ReusedFrame)}: without an object
     * per frame in the readers that override it.
     */
    @Override
    public final boolean next(ReusedFrame frame) throws IOException, LogParseException {
        checkOpen();
        CanFrame queued = pending();
        if (queued != null) {
            frame.set(queued);
            return true;
        }
        return scan(frame);
    }

    /**
     * Reads lines up to the next one that carries a frame and returns true, or false at the end:
     * the frame goes into {@code into}, or into {@link #parsed} when {@code into} is null. The one
     * loop of both {@code next} methods, so they skip and fail alike.
     */
    private boolean scan(ReusedFrame into) throws IOException, LogParseException {
        LineInput in = input;
        while (in.next()) {
            try {
                if (in.overlong()) {
                    throw fault("line longer than " + LineInput.BUFFER_SIZE + " bytes");
                }
                if (into == null ? (parsed = parse(in.buf, in.start, in.end)) != null
                        : parse(in.buf, in.start, in.end, into)) {
                    return true;
                }
            } catch (LogParseException e) {
                if (problems == null || e instanceof Unreadable) {
                    throw e;
                }
                skip(e);
            }
        }
        return false;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException(source + ": the log reader is closed");
        }
    }

    /** A bad line skipped in tolerant mode (also one skipped while the format was detected). */
    final void skip(LogParseException e) {
        skipped++;
        problems.skipped(e);
    }

    /**
     * The frame on the line {@code b[start..end)}, or null for a line that carries none
     * (blank, comment, header, other event).
     */
    abstract CanFrame parse(byte[] b, int start, int end) throws LogParseException;

    /**
     * Puts the frame on the line {@code b[start..end)} into {@code frame} and returns true, or
     * returns false for a line that carries none. A bad line throws and leaves {@code frame} as it
     * was. This default copies {@link #parse(byte[], int, int)}'s frame in.
     */
    boolean parse(byte[] b, int start, int end, ReusedFrame frame) throws LogParseException {
        CanFrame parsed = parse(b, start, end);
        if (parsed == null) {
            return false;
        }
        frame.set(parsed);
        return true;
    }

    /**
     * The next of the frames the last line gave beyond its first (a whole NMEA 2000 message split
     * into fast-packet frames), or null; called before each line is read.
     */
    CanFrame pending() {
        return null;
    }

    /** A fault that ends reading even in tolerant mode: the log is of a kind this reader does not read. */
    static final class Unreadable extends LogParseException {
        private static final long serialVersionUID = 1L;

        Unreadable(String source, long line, String reason) {
            super(source, line, reason);
        }
    }

    /** A fault on the current line that ends reading in tolerant mode too. */
    final Unreadable unreadable(String reason) {
        return new Unreadable(source, input.lineNumber(), reason);
    }

    /** A fault on the current line. */
    final LogParseException fault(String reason) {
        return new LogParseException(source, input.lineNumber(), reason);
    }

    @Override
    public final long linesRead() {
        return input.lineNumber();
    }

    @Override
    public final long skippedLines() {
        return skipped;
    }

    @Override
    public final void close() throws IOException {
        if (!closed) {
            closed = true;
            input.close();
        }
    }
}
