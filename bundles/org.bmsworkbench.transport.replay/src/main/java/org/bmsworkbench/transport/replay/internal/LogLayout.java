package org.bmsworkbench.transport.replay.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogFormat;
import org.bmsworkbench.can.log.LogParseException;

/**
 * What must be known of a log before it plays: its format, the time of its first frame, and
 * whether reading may start in the middle. candump and canboat CSV lines stand alone; an ASC
 * line needs its header ({@code base hex|dec}, the date), a TRC line its {@code ;$} header
 * (version, start time, columns), which is kept as {@link #prefix} and put before a read from a
 * checkpoint. An ASC log with relative timestamps, a Yacht Devices RAW log (times of day, the
 * day counted from the start) and a BLF log (binary) cannot start in the middle.
 *
 * @param prefix      bytes read before a checkpoint's bytes (the ASC header), empty for candump
 * @param prefixLines lines in {@code prefix}, taken off the line numbers of messages
 * @param seekable    reading may start at a checkpoint other than the start
 * @param firstBus    the bus (a serial trace: the port) of the first frame, or null for a log without frames
 */
record LogLayout(LogFormat format, long startMicros, byte[] prefix, int prefixLines, boolean seekable, String firstBus) {
    /** An ASC header longer than this is not kept: such a log only plays from its start. */
    private static final int MAX_HEADER_LINES = 200;
    LogLayout(LogFormat format, long startMicros, byte[] prefix, int prefixLines, boolean seekable) {
        this(format, startMicros, prefix, prefixLines, seekable, null);
    }

    private static final Pattern RELATIVE = Pattern.compile("(?i)\\s*base\\s+\\S+\\s+timestamps\\s+relative\\s*");

    /**
     * Reads the start of the log.
     *
     * @throws IOException when it cannot be read, or is no log of a format the workbench reads
     *                     (the message names the source and the first line that is none)
     */
    static LogLayout read(LogSource source) throws IOException {
        LogFormat format;
        long start = 0;
        String firstBus = null;
        try (InputStream in = source.open(0);
                CanLogReader reader = CanLogs.open(in, source.name(), null, problem -> { })) {
            format = reader.format();
            CanFrame first = reader.next();
            firstBus = first == null ? null : first.bus();
            if (first != null && first.hasTimestamp()) {
                start = first.timestampMicros();
            }
        } catch (LogParseException e) {
            throw new IOException(e.getMessage(), e);
        }
        return switch (format) {
            case ASC, TRC -> headerLayout(source, format, start);
            // a time of day only: the reader counts days as it passes midnight, which needs the lines before
            case YACHT_DEVICES_RAW -> new LogLayout(format, start, new byte[0], 0, false);
            // binary: read from its start only
            case BLF -> new LogLayout(format, start, new byte[0], 0, false);
            default -> new LogLayout(format, start, new byte[0], 0, true, firstBus);
        };
    }

    /** The lines before the first timed line of an ASC log, or before the first line that is no header or comment of a TRC log. */
    private static LogLayout headerLayout(LogSource source, LogFormat format, long start) throws IOException {
        StringBuilder header = new StringBuilder();
        int lines = 0;
        boolean relative = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(source.open(0), StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (format == LogFormat.ASC && !t.isEmpty()
                        && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.' || t.charAt(0) == '-')) {
                    break;
                }
                if (format == LogFormat.TRC && !t.isEmpty() && t.charAt(0) != ';') {
                    break;
                }
                if (++lines > MAX_HEADER_LINES) {
                    return new LogLayout(format, start, new byte[0], 0, false);
                }
                relative |= RELATIVE.matcher(line).matches();
                header.append(line).append('\n');
            }
        }
        byte[] prefix = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        return new LogLayout(format, start, prefix, lines, !relative);
    }
}
