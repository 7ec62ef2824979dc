package org.bmsworkbench.cli.internal.decode;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.LogFormat;
import org.bmsworkbench.can.log.LogParseException;

/**
 * A log of one item a line: a {@link CanFrame}, or a {@link String} that is a bad line with that
 * reason. Strict when the listener is null, as {@code CanLogs.open} promises.
 */
public final class FakeReader implements CanLogReader {
    private final String source;
    private final List<?> lines;
    private final ProblemListener problems;
    private int line;
    private long skipped;
    private boolean closed;

    public FakeReader(String source, ProblemListener problems, Object... lines) {
        this(source, problems, List.of(lines));
    }

    public FakeReader(String source, ProblemListener problems, List<?> lines) {
        this.source = source;
        this.lines = lines;
        this.problems = problems;
    }

    @Override
    public CanFrame next() throws LogParseException {
        while (line < lines.size()) {
            Object item = lines.get(line++);
            if (item instanceof CanFrame f) {
                return f;
            }
            LogParseException e = new LogParseException(source, line, (String) item);
            if (problems == null) {
                throw e;
            }
            skipped++;
            problems.skipped(e);
        }
        return null;
    }

    @Override
    public LogFormat format() {
        return LogFormat.CANDUMP_L;
    }

    @Override
    public long linesRead() {
        return line;
    }

    @Override
    public long skippedLines() {
        return skipped;
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }
}
