package org.bmsworkbench.can.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.ReusedFrame;

/**
 * Reads and writes logs held in strings, for the tests. Every read goes both through
 * {@link CanLogReader#next()} and {@link CanLogReader#next(ReusedFrame)}, which must agree.
 */
final class LogText {
    static final String SOURCE = "test.log";

    private LogText() {
    }

    /** All frames of {@code text} read strictly in {@code format} (null: detected). */
    static List<CanFrame> read(LogFormat format, String text) throws IOException, LogParseException {
        return read(format, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads with {@link CanLogReader#next()} and again with {@link CanLogReader#next(ReusedFrame)},
     * checks that both give the same (see {@link Reading}), and returns what {@code next()} gave.
     */
    static List<CanFrame> read(LogFormat format, byte[] bytes) throws IOException, LogParseException {
        Reading reading = readBothWays(format, bytes, false);
        if (reading.failure() != null) {
            throw reading.failure();
        }
        return reading.frames();
    }

    /** The fault a strict read of {@code text} stops at. */
    static LogParseException failure(LogFormat format, String text) {
        return assertThrows(LogParseException.class, () -> read(format, text));
    }

    /** A tolerant read: frames plus the problems reported. */
    record Tolerant(List<CanFrame> frames, List<LogParseException> problems, long skipped, long lines) {
    }

    /** As {@link #read(LogFormat, byte[])}, tolerant. */
    static Tolerant readTolerant(LogFormat format, String text) throws IOException, LogParseException {
        Reading reading = readBothWays(format, text.getBytes(StandardCharsets.UTF_8), true);
        if (reading.failure() != null) {
            throw reading.failure();
        }
        return new Tolerant(reading.frames(), reading.problems(), reading.skipped(), reading.lines());
    }

    /**
     * What one reading of a log gave: the frames up to the end or to the fault that stopped it
     * (strict mode; in tolerant mode a log of a kind that is not read), the problems reported, the
     * counts at the end or at the fault.
     */
    record Reading(List<CanFrame> frames, List<LogParseException> problems, long skipped, long lines,
            LogParseException failure) {
    }

    /**
     * Reads {@code bytes} with {@link CanLogReader#next()} and with {@link CanLogReader#next(ReusedFrame)}
     * and checks that both give the same frames (the reused frame's view too, field by field), the
     * same problems and failure (class and message), the same line and skip counts, and that a
     * reused frame keeps the last good frame when a bad line or the end follows.
     */
    static Reading readBothWays(LogFormat format, byte[] bytes, boolean tolerant) throws IOException {
        Reading byNext = reading(format, bytes, tolerant, false);
        Reading byReused = reading(format, bytes, tolerant, true);
        assertEquals(byNext.frames(), byReused.frames(), "frames of next() and next(ReusedFrame)");
        assertEquals(messages(byNext.problems()), messages(byReused.problems()), "problems");
        assertEquals(describe(byNext.failure()), describe(byReused.failure()), "failure");
        assertEquals(byNext.lines(), byReused.lines(), "linesRead()");
        assertEquals(byNext.skipped(), byReused.skipped(), "skippedLines()");
        return byNext;
    }

    private static Reading reading(LogFormat format, byte[] bytes, boolean tolerant, boolean reused)
            throws IOException {
        List<LogParseException> problems = new ArrayList<>();
        List<CanFrame> frames = new ArrayList<>();
        CanLogReader reader;
        try {
            reader = CanLogs.open(new ByteArrayInputStream(bytes), SOURCE, format, tolerant ? problems::add : null);
        } catch (LogParseException e) {
            return new Reading(frames, problems, problems.size(), 0, e);
        }
        ReusedFrame frame = new ReusedFrame();
        try (reader) {
            while (true) {
                if (reused) {
                    if (!reader.next(frame)) {
                        assertKept(frames, frame);
                        break;
                    }
                    CanFrame copy = frame.toFrame();
                    assertSameView(copy, frame);
                    frames.add(copy);
                } else {
                    CanFrame f = reader.next();
                    if (f == null) {
                        break;
                    }
                    frames.add(f);
                }
            }
            return new Reading(frames, problems, reader.skippedLines(), reader.linesRead(), null);
        } catch (LogParseException e) {
            if (reused) {
                assertKept(frames, frame);
            }
            return new Reading(frames, problems, reader.skippedLines(), reader.linesRead(), e);
        }
    }

    /** After the end or a fault the reused frame still holds the last frame read. */
    private static void assertKept(List<CanFrame> frames, ReusedFrame frame) {
        if (!frames.isEmpty()) {
            assertEquals(frames.get(frames.size() - 1), frame.toFrame(), "the reused frame after the end");
        }
    }

    /** Every field {@link FrameView} shows of {@code actual} is {@code expected}'s. */
    static void assertSameView(CanFrame expected, FrameView actual) {
        String at = expected.toString();
        assertEquals(expected.timestampMicros(), actual.timestampMicros(), at);
        assertEquals(expected.bus(), actual.bus(), at);
        assertEquals(expected.id(), actual.id(), at);
        assertEquals(expected.extended(), actual.extended(), at);
        assertEquals(expected.remote(), actual.remote(), at);
        assertEquals(expected.error(), actual.error(), at);
        assertEquals(expected.dlc(), actual.dlc(), at);
        assertEquals(expected.direction(), actual.direction(), at);
        assertEquals(expected.fd(), actual.fd(), at);
        assertEquals(expected.brs(), actual.brs(), at);
        assertEquals(expected.esi(), actual.esi(), at);
        assertEquals(expected.chunk(), actual.chunk(), at);
        assertEquals(expected.length(), actual.length(), at);
        byte[] data = new byte[actual.length()];
        actual.copyData(data, 0);
        assertArrayEquals(expected.data(), data, at);
        for (int i = 0; i < actual.length(); i++) {
            assertEquals(expected.u8(i), actual.u8(i), at);
        }
    }

    private static List<String> messages(List<LogParseException> problems) {
        return problems.stream().map(LogText::describe).toList();
    }

    private static String describe(LogParseException e) {
        return e == null ? null : e.getClass().getSimpleName() + ": " + e.getMessage();
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
