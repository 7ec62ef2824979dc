package org.bmsworkbench.can.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Opens log readers and writers. The format of a log being read is detected from its first
 * non-blank lines unless given.
 */
public final class CanLogs {
    private CanLogs() {
    }

    /**
     * Opens {@code file} for reading.
     *
     * @param format   the format, or null to detect it
     * @param problems null for strict mode; otherwise tolerant mode, told of each skipped line
     * @throws LogParseException when the format cannot be recognised (names the file and line)
     */
    public static CanLogReader open(Path file, LogFormat format, CanLogReader.ProblemListener problems)
            throws IOException, LogParseException {
        throw new UnsupportedOperationException("not yet");
    }

    /** As {@link #open(Path, LogFormat, CanLogReader.ProblemListener)} for a stream; {@code sourceName} is used in messages. */
    public static CanLogReader open(InputStream in, String sourceName, LogFormat format,
            CanLogReader.ProblemListener problems) throws IOException, LogParseException {
        throw new UnsupportedOperationException("not yet");
    }

    /** A writer in the given format; {@code busName} replaces nothing, frames keep their own bus. */
    public static CanLogWriter writer(OutputStream out, LogFormat format) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
