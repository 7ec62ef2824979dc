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
                if (problems == null) {
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
