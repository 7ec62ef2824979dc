package org.bmsworkbench.can.log;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.can.CanFrame;

/** Reads and writes logs held in strings, for the tests. */
final class LogText {
    static final String SOURCE = "test.log";

    private LogText() {
    }

    /** All frames of {@code text} read strictly in {@code format} (null: detected). */
    static List<CanFrame> read(LogFormat format, String text) throws IOException, LogParseException {
        return read(format, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<CanFrame> read(LogFormat format, byte[] bytes) throws IOException, LogParseException {
        try (CanLogReader reader = CanLogs.open(new ByteArrayInputStream(bytes), SOURCE, format, null)) {
            List<CanFrame> frames = new ArrayList<>();
            for (CanFrame f = reader.next(); f != null; f = reader.next()) {
                frames.add(f);
            }
            return frames;
        }
    }

    /** The fault a strict read of {@code text} stops at. */
    static LogParseException failure(LogFormat format, String text) {
        return assertThrows(LogParseException.class, () -> read(format, text));
    }

    /** A tolerant read: frames plus the problems reported. */
    record Tolerant(List<CanFrame> frames, List<LogParseException> problems, long skipped, long lines) {
    }

    static Tolerant readTolerant(LogFormat format, String text) throws IOException, LogParseException {
        List<LogParseException> problems = new ArrayList<>();
        try (CanLogReader reader = CanLogs.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                SOURCE, format, problems::add)) {
            List<CanFrame> frames = new ArrayList<>();
            for (CanFrame f = reader.next(); f != null; f = reader.next()) {
                frames.add(f);
            }
            return new Tolerant(frames, problems, reader.skippedLines(), reader.linesRead());
        }
    }

    static String write(LogFormat format, List<CanFrame> frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CanLogWriter writer = CanLogs.writer(out, format)) {
            for (CanFrame f : frames) {
                writer.write(f);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
