package org.bmsworkbench.cli.internal.live;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.BlfWriter;
import org.bmsworkbench.can.log.CanLogWriter;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogFormat;

/**
 * The log of {@code bmswb record}: one file, or a series when a size limit is set. Each file of a
 * text format is written through {@link WholeLinesOutputStream}, so it only ever holds whole lines
 * (a BLF file is written by a {@link BlfWriter} on the file, whole containers at a time, and
 * its header is completed when the file is closed), and is a complete log of its own (an ASC
 * file starts with its header and ends with {@code End TriggerBlock}). The size limit counts the
 * bytes that reached the file: whole lines, or BLF containers. The series of {@code x.log} is {@code x.log}, {@code x.1.log},
 * {@code x.2.log} …: the first file has the name asked for, the number grows with time, and the
 * extension (which tells the format) stays last.
 */
public final class RotatingLogWriter implements CanLogWriter {
    /** The smallest size limit: the log writer drains its buffer of 64 KiB at a time. */
    public static final long MIN_ROTATE_BYTES = 64 * 1024;
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?");

    private final Path first;
    private final LogFormat format;
    private final long limit;
    private final List<Path> files = new ArrayList<>();
    private CanLogWriter current;
    private Counting counting;
    private BlfWriter blf;
    private long framesBefore;

    /**
     * Creates (or replaces) {@code first}.
     *
     * @param rotateBytes start a new file once this many bytes are written; 0 for one file
     */
    public RotatingLogWriter(Path first, long rotateBytes) throws IOException {
        this(first, rotateBytes, LogFormat.forWriting(first));
    }

    /**
     * Creates (or replaces) {@code first}, in {@code format} (a serial trace for a byte-stream
     * connection, whatever the extension).
     */
    public RotatingLogWriter(Path first, long rotateBytes, LogFormat format) throws IOException {
        this.first = first;
        this.format = format;
        this.limit = rotateBytes;
        openNext();
    }

    /**
     * A size as the user writes it: {@code 100M}, {@code 64k}, {@code 1G}, {@code 2000000} (bytes;
     * K, M, G, T are powers of 1024).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 100M, 512K, 1G)");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            n = Long.MAX_VALUE;
        }
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        long bytes = n << shift;
        if (bytes < MIN_ROTATE_BYTES) {
            throw new IllegalArgumentException("'" + text + "' is smaller than the least size, 64K");
        }
        return bytes;
    }

    /** The file of number {@code n} in the series of {@code first}: {@code x.log} → {@code x.N.log}. */
    public static Path numbered(Path first, int n) {
        if (n == 0) {
            return first;
        }
        String name = first.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot <= 0 ? name + "." + n : name.substring(0, dot) + "." + n + name.substring(dot);
        return first.resolveSibling(numbered);
    }

    private void openNext() throws IOException {
        Path file = numbered(first, files.size());
        if (format == LogFormat.BLF) {
            counting = null;
            blf = new BlfWriter(file);
            current = blf;
        } else {
            counting = new Counting(Files.newOutputStream(file));
            current = CanLogs.writer(new WholeLinesOutputStream(counting), format);
        }
        files.add(file);
    }

    @Override
    public void write(CanFrame frame) throws IOException {
        if (limit > 0 && bytesWritten() >= limit && current.framesWritten() > 0) {
            framesBefore += current.framesWritten();
            current.close();
            openNext();
        }
        current.write(frame);
    }

    @Override
    public void flush() throws IOException {
        current.flush();
    }

    @Override
    public LogFormat format() {
        return format;
    }

    @Override
    public long framesWritten() {
        return framesBefore + current.framesWritten();
    }

    /** Bytes of the current file that reached it so far. */
    private long bytesWritten() {
        return blf != null ? blf.bytesWritten() : counting.bytes;
    }

    /** The files written so far, the first one first. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() throws IOException {
        current.close();
    }

    /** Counts the bytes that reach the file. */
    private static final class Counting extends FilterOutputStream {
        long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }
    }
}
