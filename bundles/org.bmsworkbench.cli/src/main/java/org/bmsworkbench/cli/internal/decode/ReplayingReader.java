package org.bmsworkbench.cli.internal.decode;

import java.io.IOException;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.LogFormat;
import org.bmsworkbench.can.log.LogParseException;

/**
 * Gives back frames already read (during auto-detection), each with the line it came from,
 * then continues with the reader they came from. Closing closes that reader.
 */
final class ReplayingReader implements CanLogReader {
    private final List<CanFrame> frames;
    private final long[] lines;
    private final CanLogReader rest;
    private int next;
    private long replayedLine = -1;

    ReplayingReader(List<CanFrame> frames, long[] lines, CanLogReader rest) {
        this.frames = frames;
        this.lines = lines;
        this.rest = rest;
    }

    @Override
    public CanFrame next() throws IOException, LogParseException {
        if (next < frames.size()) {
            replayedLine = lines[next];
            return frames.get(next++);
        }
        replayedLine = -1;
        return rest.next();
    }

    /** The frames kept, copied in; then the reader's own {@code next(ReusedFrame)}, which may allocate nothing. */
    @Override
    public boolean next(ReusedFrame frame) throws IOException, LogParseException {
        if (next < frames.size()) {
            replayedLine = lines[next];
            frame.set(frames.get(next++));
            return true;
        }
        replayedLine = -1;
        return rest.next(frame);
    }

    @Override
    public LogFormat format() {
        return rest.format();
    }

    /** While replaying, the line of the frame last returned; then the reader's own count. */
    @Override
    public long linesRead() {
        return replayedLine >= 0 ? replayedLine : rest.linesRead();
    }

    @Override
    public long skippedLines() {
        return rest.skippedLines();
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
