package org.bmsworkbench.transport.replay.internal;

import org.bmsworkbench.can.CanFrame;

/**
 * A place in a log where reading can start: at byte {@code offset}, the beginning of a line, after
 * {@code linesBefore} lines and {@code framesBefore} frames; the first frame from there has time
 * {@code firstMicros} ({@link CanFrame#NO_TIMESTAMP} when it has none).
 */
record Checkpoint(long offset, long linesBefore, long framesBefore, long firstMicros) {
    static final Checkpoint START = new Checkpoint(0, 0, 0, CanFrame.NO_TIMESTAMP);
}
