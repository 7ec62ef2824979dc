package org.bmsworkbench.cli.internal.decode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolDetector;
import org.bmsworkbench.bms.ProtocolDetector.Detection;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.LogParseException;

/**
 * {@code --protocol auto}: reads the first frames of a log into memory while a detector
 * looks at them, then hands back the choice and a reader that replays those frames before
 * the rest, so that nothing is decoded twice or lost.
 *
 * <p>Reading stops at the end of the log, or once there is a choice and either
 * {@code framesWithChoice} frames were read or the frames span {@code spanMicros} of log time
 * (so that a live input is not held for long), or after {@code framesWithoutChoice} frames
 * with no choice at all.
 */
public final class ProtocolAutoDetection {
    public static final int FRAMES_WITH_CHOICE = 1_000;
    public static final int FRAMES_WITHOUT_CHOICE = 100_000;
    public static final long SPAN_MICROS = 10_000_000L;

    /** What looks at the frames: {@link #standard(List)} in the product, a fake in tests. */
    public interface Detector {
        void offer(CanFrame frame);

        Optional<Detection> result();
    }

    /**
     * The outcome: the choice, if any, the reader to decode from (it replays the frames read),
     * and how many frames were read (0: the log has none).
     */
    public record Outcome(Optional<Detection> detection, CanLogReader reader, int framesRead) {
    }

    private final Detector detector;
    private final int framesWithChoice;
    private final int framesWithoutChoice;
    private final long spanMicros;

    public ProtocolAutoDetection(Detector detector) {
        this(detector, FRAMES_WITH_CHOICE, FRAMES_WITHOUT_CHOICE, SPAN_MICROS);
    }

    public ProtocolAutoDetection(Detector detector, int framesWithChoice, int framesWithoutChoice, long spanMicros) {
        this.detector = detector;
        this.framesWithChoice = framesWithChoice;
        this.framesWithoutChoice = framesWithoutChoice;
        this.spanMicros = spanMicros;
    }

    /** The {@link ProtocolDetector} of the BMS model over {@code candidates}. */
    public static Detector standard(List<BmsProtocol> candidates) {
        ProtocolDetector d = new ProtocolDetector(candidates);
        return new Detector() {
            @Override
            public void offer(CanFrame frame) {
                d.offer(frame);
            }

            @Override
            public Optional<Detection> result() {
                return d.result();
            }
        };
    }

    /**
     * Reads until there is a choice (see the class comment).
     *
     * @throws LogParseException in strict mode, a bad line among the frames read
     */
    public Outcome detect(CanLogReader reader) throws IOException, LogParseException {
        List<CanFrame> frames = new ArrayList<>();
        long[] lines = new long[64];
        long first = CanFrame.NO_TIMESTAMP;
        Optional<Detection> result = Optional.empty();
        CanFrame frame;
        while ((frame = reader.next()) != null) {
            if (frames.size() == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[frames.size()] = reader.linesRead();
            frames.add(frame);
            detector.offer(frame);
            if (first == CanFrame.NO_TIMESTAMP && frame.hasTimestamp()) {
                first = frame.timestampMicros();
            }
            result = detector.result();
            if (result.isPresent()) {
                boolean longEnough = frames.size() >= framesWithChoice
                        || first != CanFrame.NO_TIMESTAMP && frame.hasTimestamp()
                                && frame.timestampMicros() - first >= spanMicros;
                if (longEnough) {
                    break;
                }
            } else if (frames.size() >= framesWithoutChoice) {
                break;
            }
        }
        return new Outcome(result, new ReplayingReader(frames, lines, reader), frames.size());
    }
}
