package org.bmsworkbench.transport.replay.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogParseException;

/**
 * The first pass over a log, run in the background while it plays: cuts the log into blocks of
 * about {@link #BLOCK_SIZE} bytes at line ends, reads each, and keeps a {@link Checkpoint} per
 * block, so that a seek reads at most one block before its target rather than the whole log.
 * Also finds the number of frames and the time of the last one. Thread-safe: one thread runs
 * {@link #run()}, any thread reads.
 */
final class LogIndex implements Runnable {
    static final int BLOCK_SIZE = 1 << 20;

    private final LogSource source;
    private final LogLayout layout;
    private final int blockSize;
    /** Copy-on-write, ordered by offset; never empty. */
    private volatile Checkpoint[] checkpoints;
    private volatile long totalFrames = -1;
    private volatile long lastMicros;
    private volatile boolean stopped;

    LogIndex(LogSource source, LogLayout layout) {
        this(source, layout, BLOCK_SIZE);
    }

    LogIndex(LogSource source, LogLayout layout, int blockSize) {
        this.source = source;
        this.layout = layout;
        this.blockSize = blockSize;
        this.checkpoints = new Checkpoint[] {new Checkpoint(0, 0, 0, layout.startMicros())};
        this.lastMicros = layout.startMicros();
    }

    /** Stops the pass after the block it reads now; the index stays as far as it got. */
    void stop() {
        stopped = true;
    }

    /** Frames in the log, or -1 while the pass has not finished. */
    long totalFrames() {
        return totalFrames;
    }

    /** The latest frame time found so far (the end of the log once the pass has finished). */
    long lastMicros() {
        return lastMicros;
    }

    /** Checkpoints found so far (for tests). */
    int size() {
        return checkpoints.length;
    }

    /**
     * Where to start reading to find the first frame at or after {@code micros}: the last
     * checkpoint whose first frame is earlier (a frame of the same time may end the block before).
     */
    Checkpoint before(long micros) {
        Checkpoint[] all = checkpoints;
        Checkpoint best = all[0];
        for (int i = 1; i < all.length; i++) {
            long t = all[i].firstMicros();
            if (t != CanFrame.NO_TIMESTAMP && t < micros) {
                best = all[i];
            } else if (t != CanFrame.NO_TIMESTAMP) {
                break;
            }
        }
        return best;
    }

    @Override
    public void run() {
        try (InputStream in = source.open(0)) {
            if (layout.format().lineBased()) {
                pass(in);
            } else {
                count(in);
            }
        } catch (IOException e) {
            // the index stays partial: seeks read more, playback reports its own read errors
        }
    }

    /** A log that is not cut into lines (BLF): no checkpoints, only the frames and the end. */
    private void count(InputStream in) throws IOException {
        long frames = 0;
        try (CanLogReader reader = CanLogs.open(in, source.name(), layout.format(), problem -> { })) {
            CanFrame f;
            while (!stopped && (f = reader.next()) != null) {
                frames++;
                if (f.hasTimestamp() && f.timestampMicros() > lastMicros) {
                    lastMicros = f.timestampMicros();
                }
            }
        } catch (LogParseException e) {
            throw new IOException(e.getMessage(), e); // tolerant: not thrown
        }
        if (!stopped) {
            totalFrames = frames;
        }
    }

    private void pass(InputStream in) throws IOException {
        byte[] buf = new byte[blockSize];
        int length = 0;
        long offset = 0;
        long lines = 0;
        long frames = 0;
        while (!stopped) {
            int n = in.readNBytes(buf, length, buf.length - length);
            length += n;
            boolean eof = length < buf.length;
            if (length == 0) {
                break;
            }
            int cut = eof ? length : lastNewline(buf, length) + 1;
            if (cut == 0) {
                cut = length; // a line longer than a block: no log has those; the player reports it
            }
            long[] block = read(buf, cut, offset > 0);
            if (block[0] > 0 && offset > 0 && layout.seekable()) {
                add(new Checkpoint(offset, lines, frames, block[1]));
            }
            frames += block[0];
            if (block[2] != CanFrame.NO_TIMESTAMP && block[2] > lastMicros) {
                lastMicros = block[2];
            }
            lines += newlines(buf, cut) + (eof && buf[cut - 1] != '\n' ? 1 : 0);
            offset += cut;
            System.arraycopy(buf, cut, buf, 0, length - cut);
            length -= cut;
            if (eof && length == 0) {
                totalFrames = frames;
                return;
            }
        }
    }

    /** Frames, first time and latest time of {@code buf[0..end)}. */
    private long[] read(byte[] buf, int end, boolean withPrefix) throws IOException {
        InputStream in = new ByteArrayInputStream(buf, 0, end);
        if (withPrefix && layout.prefix().length > 0) {
            in = new SequenceInputStream(new ByteArrayInputStream(layout.prefix()), in);
        }
        long count = 0;
        long first = CanFrame.NO_TIMESTAMP;
        long last = CanFrame.NO_TIMESTAMP;
        try (CanLogReader reader = CanLogs.open(in, source.name(), layout.format(), problem -> { })) {
            CanFrame f;
            while ((f = reader.next()) != null) {
                if (count++ == 0) {
                    first = f.timestampMicros();
                }
                if (f.hasTimestamp() && (last == CanFrame.NO_TIMESTAMP || f.timestampMicros() > last)) {
                    last = f.timestampMicros();
                }
            }
        } catch (LogParseException e) {
            throw new IOException(e.getMessage(), e); // tolerant: not thrown
        }
        return new long[] {count, first, last};
    }

    private void add(Checkpoint c) {
        Checkpoint[] old = checkpoints;
        Checkpoint[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = c;
        checkpoints = grown;
    }

    private static int lastNewline(byte[] b, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static long newlines(byte[] b, int end) {
        long n = 0;
        for (int i = 0; i < end; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
