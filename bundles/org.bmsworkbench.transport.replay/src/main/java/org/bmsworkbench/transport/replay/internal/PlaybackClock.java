package org.bmsworkbench.transport.replay.internal;

/**
 * The clock of a replay: log time {@code anchorLog} (µs) stood at wall time {@code anchorWall}
 * (ns), and log time runs {@code speed} times faster than the wall clock from there. Unset at the
 * start and after a seek or loop: the next frame sets it. Not thread-safe: the channel's
 * {@link PlaybackGate} guards it with its lock.
 */
final class PlaybackClock {
    /** A frame this much earlier than the one before restarts the clock instead of being due at once. */
    static final long BACKWARDS_MICROS = 1_000_000;
    private static final long NONE = Long.MIN_VALUE;

    private boolean set;
    private long anchorWall;
    private long anchorLog;
    private long pausedLog = NONE;

    void unset() {
        set = false;
    }

    /**
     * Nanoseconds until the frame of log time {@code t} is due at {@code speed} (0 or less: due
     * now). An unset clock, or a frame more than {@link #BACKWARDS_MICROS} before {@code last},
     * sets the clock to that frame, which is then due at once.
     */
    long nanosUntil(long t, long last, double speed, long now) {
        if (!set || t < last - BACKWARDS_MICROS) {
            set(now, t);
            return 0;
        }
        return (long) ((t - anchorLog) * 1000.0 / speed) - (now - anchorWall);
    }

    /** At a pause: remembers the log time the clock shows. */
    void pause(double speed, long last, long now) {
        pausedLog = set && !Double.isInfinite(speed) ? logTime(speed, last, now) : NONE;
    }

    /** At a resume: log time runs on from where the pause stopped it. */
    void resume(long now) {
        if (pausedLog != NONE && set) {
            set(now, pausedLog);
        }
    }

    /** Before the speed changes from {@code oldSpeed} (not while paused): the log time shown carries on. */
    void speedChanging(double oldSpeed, long last, long now) {
        if (!set) {
            return;
        }
        if (Double.isInfinite(oldSpeed)) {
            set = false; // the clock restarts at the next frame
        } else {
            set(now, logTime(oldSpeed, last, now));
        }
    }

    private void set(long wallNanos, long logMicros) {
        set = true;
        anchorWall = wallNanos;
        anchorLog = logMicros;
    }

    /** The log time the clock shows at {@code now}, at least {@code last} (the last frame's). */
    private long logTime(double speed, long last, long now) {
        return Math.max(anchorLog + (long) ((now - anchorWall) / 1000.0 * speed), last);
    }
}
