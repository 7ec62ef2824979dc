package org.bmsworkbench.can.log;

import java.io.IOException;
import org.bmsworkbench.can.CanFrame;

/**
 * A reader of a line-oriented log: turns each line into a frame, skips lines that carry
 * none, and applies the strict or tolerant policy to bad lines.
 */
abstract class LineLogReader implements CanLogReader {
    final LineInput input;
    final String source;
    final BusNames buses = new BusNames();
    private final ProblemListener problems;
    private long skipped;
    private boolean closed;

    LineLogReader(LineInput input, String source, ProblemListener problems) {
        this.input = input;
        this.source = source;
        this.problems = problems;
    }

    @Override
    public final CanFrame next() throws IOException, LogParseException {
        if (closed) {
            throw new IOException(source + ": the log reader is closed");
        }
        CanFrame queued = pending();
        if (queued != null) {
            return queued;
        }
        LineInput in = input;
        while (in.next()) {
            try {
                if (in.overlong()) {
                    throw fault("line longer than " + LineInput.BUFFER_SIZE + " bytes");
                }
                CanFrame frame = parse(in.buf, in.start, in.end);
                if (frame != null) {
                    return frame;
                }
            } catch (LogParseException e) {
                if (problems == null || e instanceof Unreadable) {
                    throw e;
                }
                skip(e);
            }
        }
        return null;
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
