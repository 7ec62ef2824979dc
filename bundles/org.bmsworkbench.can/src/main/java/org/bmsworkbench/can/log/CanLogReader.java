package org.bmsworkbench.can.log;

import java.io.IOException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads frames one at a time from a log, never holding more than a line in memory.
 *
 * <p>In strict mode {@link #next()} throws on the first bad line. In tolerant mode a bad line
 * is reported to the {@link ProblemListener}, counted in {@link #skippedLines()}, and reading
 * goes on with the next line.
 */
@ProviderType
public interface CanLogReader extends AutoCloseable {

    /** The next frame, or null at the end of the log. */
    CanFrame next() throws IOException, LogParseException;

    /**
     * Reads the next frame into {@code frame}, the same way as {@link #next()} (same frames, same
     * problems, same counts), but without making an object per frame where the reader can: the
     * decoder's hot path. The default copies {@link #next()}'s frame in; the text readers but canboat
     * CSV parse straight into {@code frame}. When it throws, {@code frame} still holds the previous
     * frame.
     *
     * @return false at the end of the log ({@code frame} then holds the previous frame)
     */
    default boolean next(ReusedFrame frame) throws IOException, LogParseException {
        CanFrame next = next();
        if (next == null) {
            return false;
        }
        frame.set(next);
        return true;
    }

    LogFormat format();

    /** Lines read so far, blank and comment lines included. */
    long linesRead();

    /** Bad lines skipped so far (tolerant mode only). */
    long skippedLines();

    @Override
    void close() throws IOException;

    /** Told of each skipped line in tolerant mode. */
    @FunctionalInterface
    interface ProblemListener {
        void skipped(LogParseException problem);
    }
}
