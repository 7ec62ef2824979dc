package org.bmsworkbench.can.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Opens log readers and writers. The format of a log being read is detected from its first
 * significant lines unless given; in tolerant mode lines before the first one that belongs to a
 * format are skipped and reported like any other bad line.
 */
public final class CanLogs {
    private static final int MAGIC_BYTES = 8;
    private static final byte[] BLF_MAGIC = "LOGG".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MDF_MAGIC = "MDF     ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MDF_UNFINISHED_MAGIC = "UnFinMF ".getBytes(StandardCharsets.US_ASCII);

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
     *
     * <p>Binary logs are told by their first bytes: {@code LOGG} is Vector BLF; ASAM MDF
     * ({@code MDF     }, {@code UnFinMF }) is named and refused. Text logs are told by their first
     * significant lines ({@link FormatDetection}).
     */
    public static CanLogReader open(InputStream in, String sourceName, LogFormat format,
            CanLogReader.ProblemListener problems) throws IOException, LogParseException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        if (format == null || format == LogFormat.BLF) {
            PushbackInputStream sniffed = new PushbackInputStream(in, MAGIC_BYTES);
            byte[] head = sniffed.readNBytes(MAGIC_BYTES);
            sniffed.unread(head);
            in = sniffed;
            if (format == null && startsWith(head, BLF_MAGIC)) {
                format = LogFormat.BLF;
            } else if (format == null && (startsWith(head, MDF_MAGIC) || startsWith(head, MDF_UNFINISHED_MAGIC))) {
                throw new LogParseException(sourceName, 1, "an ASAM MDF (MF4) measurement file, which this workbench"
                        + " does not read; export it as Vector BLF or ASC, PEAK TRC or candump -L");
            }
        }
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
            case TRC -> new TrcReader(input, sourceName, problems);
            case YACHT_DEVICES_RAW -> new YachtDevicesReader(input, sourceName, problems);
            case CANBOAT_CSV -> new CanboatCsvReader(input, sourceName, problems);
            case SERIAL_TRACE -> new SerialTraceReader(input, sourceName, problems);
            case BLF -> throw new IllegalStateException("BLF is not a text format");
        };
        for (LogParseException e : detected.skipped()) {
            reader.skip(e);
        }
        return reader;
    }

    /**
     * A writer in the given format; frames keep their own bus. The writer buffers, writes on
     * {@link CanLogWriter#flush()}, and closes {@code out} when closed.
     *
     * @throws IllegalArgumentException for a format that is read only (plain candump, Yacht
     *                                  Devices RAW, canboat CSV)
     */
    public static CanLogWriter writer(OutputStream out, LogFormat format) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        requireWritable(format);
        if (format == LogFormat.BLF) {
            return new BlfWriter(out);
        }
        AsciiSink sink = new AsciiSink(out);
        return switch (format) {
            case CANDUMP_L -> new CandumpLWriter(sink);
            case ASC -> new AscWriter(sink, Clock.systemUTC());
            case TRC -> new TrcWriter(sink);
            case SERIAL_TRACE -> new SerialTraceWriter(sink);
            case CANDUMP, YACHT_DEVICES_RAW, CANBOAT_CSV, BLF -> throw new IllegalStateException("not reached");
        };
    }

    /**
     * A writer creating (or replacing) {@code file} in the given format. A BLF writer on a file
     * completes the file header (object count, sizes, stop time) when closed, which a writer on a
     * stream cannot; text formats are written as by {@link #writer(OutputStream, LogFormat)}.
     *
     * @throws IllegalArgumentException for a format that is read only
     */
    public static CanLogWriter writer(Path file, LogFormat format) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        requireWritable(format);
        if (format == LogFormat.BLF) {
            return new BlfWriter(file);
        }
        OutputStream out = Files.newOutputStream(file);
        try {
            return writer(out, format);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private static void requireWritable(LogFormat format) {
        switch (format) {
            case CANDUMP -> throw new IllegalArgumentException(
                    "plain candump output is read only; write candump -L, ASC, TRC or BLF");
            case YACHT_DEVICES_RAW, CANBOAT_CSV -> throw new IllegalArgumentException(
                    format + " is read only; write candump -L, ASC, TRC or BLF");
            default -> {
            }
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
