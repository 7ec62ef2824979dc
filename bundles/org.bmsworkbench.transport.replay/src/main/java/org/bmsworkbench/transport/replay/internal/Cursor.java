package org.bmsworkbench.transport.replay.internal;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogParseException;

/**
 * A tolerant reader of a log from a {@link Checkpoint} on. A bad line is skipped and, while
 * {@link #reporting(boolean) reporting}, told as {@code NAME:LINE: reason} with its line number
 * in the whole log.
 */
final class Cursor implements Closeable {
    private final CanLogReader reader;
    private final String name;
    private final long lineShift;
    private final Consumer<String> problems;
    private boolean reporting = true;

    private Cursor(CanLogReader reader, String name, long lineShift, Consumer<String> problems) {
        this.reader = reader;
        this.name = name;
        this.lineShift = lineShift;
        this.problems = problems;
    }

    static Cursor open(LogSource source, LogLayout layout, Checkpoint at, Consumer<String> problems)
            throws IOException {
        boolean fromStart = at.offset() == 0;
        InputStream in = source.open(at.offset());
        if (!fromStart && layout.prefix().length > 0) {
            in = new SequenceInputStream(new ByteArrayInputStream(layout.prefix()), in);
        }
        long shift = at.linesBefore() - (fromStart ? 0 : layout.prefixLines());
        Cursor[] self = new Cursor[1];
        try {
            CanLogReader reader = CanLogs.open(in, source.name(), layout.format(), p -> self[0].problem(p));
            self[0] = new Cursor(reader, source.name(), shift, problems);
            return self[0];
        } catch (LogParseException e) {
            in.close();
            throw new IOException(e.getMessage(), e); // a given format is not detected: not thrown
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private void problem(LogParseException p) {
        if (reporting) {
            problems.accept(name + ":" + (lineShift + p.line()) + ": " + p.reason());
        }
    }

    /** Whether bad lines are told (not while skipping to a seek target). */
    void reporting(boolean on) {
        reporting = on;
    }

    /** The next frame, or null at the end of the log. */
    CanFrame next() throws IOException {
        try {
            return reader.next();
        } catch (LogParseException e) {
            throw new IOException(e.getMessage(), e); // tolerant: not thrown
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
