package org.bmsworkbench.can.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Opens log readers and writers. The format of a log being read is detected from its first
 * significant lines unless given; in tolerant mode lines before the first one that belongs to a
 * format are skipped and reported like any other bad line.
 */
public final class CanLogs {
    private CanLogs() {
    }

    /**
     * Opens {@code file} for reading.
     *
     * @param format   the format, or null to detect it
     * @param problems null for strict mode; otherwise tolerant mode, told of each skipped line
     * @throws LogParseException when the format cannot be recognised (names the file and the first
     *                           line that belongs to no format)
     */
    public static CanLogReader open(Path file, LogFormat format, CanLogReader.ProblemListener problems)
            throws IOException, LogParseException {
        InputStream in = Files.newInputStream(file);
        try {
            return open(in, file.toString(), format, problems);
        } catch (IOException | LogParseException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * As {@link #open(Path, LogFormat, CanLogReader.ProblemListener)} for a stream; {@code sourceName} is used in messages.
     * The reader reads {@code in} through its own buffer and closes it when closed; when the format
     * cannot be recognised, {@code in} is left open for the caller.
     */
    public static CanLogReader open(InputStream in, String sourceName, LogFormat format,
            CanLogReader.ProblemListener problems) throws IOException, LogParseException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        if (format == LogFormat.BLF) {
            return new BlfReader(in, sourceName, problems);
        }
        LineInput input = new LineInput(in);
        FormatDetection.Result detected = format != null ? new FormatDetection.Result(format, List.of())
                : FormatDetection.detect(input, sourceName, problems != null);
        LineLogReader reader = switch (detected.format()) {
            case CANDUMP_L -> new CandumpLReader(input, sourceName, problems);
            case CANDUMP -> new CandumpReader(input, sourceName, problems);
            case ASC -> new AscReader(input, sourceName, problems);
            case BLF -> throw new IllegalStateException("BLF is read by BlfReader");
        };
        for (LogParseException e : detected.skipped()) {
            reader.skip(e);
        }
        return reader;
    }

    /**
     * A writer in the given format; frames keep their own bus. The writer buffers, writes on
     * {@link CanLogWriter#flush()}, and closes {@code out} when closed.
     */
    public static CanLogWriter writer(OutputStream out, LogFormat format) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        if (format == LogFormat.BLF) {
            return new BlfWriter(out);
        }
        AsciiSink sink = new AsciiSink(out);
        return switch (format) {
            case CANDUMP_L -> new CandumpLWriter(sink);
            case ASC -> new AscWriter(sink, Clock.systemUTC());
            case CANDUMP -> throw new IllegalArgumentException(
                    "plain candump output is read only; write candump -L or ASC");
            case BLF -> throw new IllegalStateException("BLF is written by BlfWriter");
        };
    }
}
