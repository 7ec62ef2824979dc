package org.bmsworkbench.transport.replay.internal;

import java.util.function.LongSupplier;
import org.bmsworkbench.can.CanFrame;

/**
 * Where the controls of a {@link ReplayChannel} meet its player thread. Pause, resume, speed,
 * seek and close (any thread) set a field under one short lock and wake the player; none waits
 * for it. The player waits here while paused (a new replay is held paused until its consumer
 * resumes it, at most until the hold ends) and until each frame is due by the
 * {@link PlaybackClock}, which only this lock guards.
 */
final class PlaybackGate {
    static final long NO_SEEK = Long.MIN_VALUE;

    private final Object lock = new Object();
    /** The log time of the last frame played, µs: the player's, read under the lock. */
    private final LongSupplier position;
    private volatile boolean closed;
    /** A new channel is paused, held for its consumer's resume(), at most until {@link #holdUntil}. */
    private volatile boolean paused = true;
    /** Guarded by {@code lock}: paused only by the start hold, not by a pause(). */
    private boolean held = true;
    private long holdUntil;
    private volatile double speed;
    /** Guarded by {@code lock}. */
    private long seekTarget = NO_SEEK;
    private volatile boolean seekPending;
    /** Guarded by {@code lock}. */
    private final PlaybackClock clock = new PlaybackClock();

    PlaybackGate(double speed, LongSupplier position) {
        this.speed = speed;
        this.position = position;
    }

    /** Starts the start hold: paused, unless resumed or paused first, for {@code nanos} from now. */
    void hold(long nanos) {
        synchronized (lock) {
            holdUntil = System.nanoTime() + nanos;
        }
    }

    boolean closed() {
        return closed;
    }

    boolean paused() {
        return paused;
    }

    boolean seekPending() {
        return seekPending;
    }

    double speed() {
        return speed;
    }

    // ---- the player thread -------------------------------------------------------------------

    /** The log time a seek asked for, taken (asked no more); {@link #NO_SEEK} when none. */
    long takeSeek() {
        if (!seekPending) {
            return NO_SEEK;
        }
        synchronized (lock) {
            long t = seekTarget;
            seekTarget = NO_SEEK;
            seekPending = false;
            return t;
        }
    }

    /** After a seek or a loop: the clock restarts at the next frame. */
    void unsetClock() {
        synchronized (lock) {
            clock.unset();
        }
    }

    /**
     * Waits while paused (while held at the start, until the hold ends); true when woken by
     * something other than a resume (close, seek).
     */
    boolean awaitResume() {
        synchronized (lock) {
            while (paused && !closed && !seekPending) {
                long wait = 0;
                if (held) {
                    wait = holdUntil - System.nanoTime();
                    if (wait <= 0) {
                        held = false;
                        paused = false;
                        break;
                    }
                }
                try {
                    lock.wait(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return closed || seekPending;
        }
    }

    /** Waits until {@code frame} is due; false when a pause, seek or close came first. */
    boolean due(CanFrame frame) {
        if (Double.isInfinite(speed) || !frame.hasTimestamp()) {
            return !(closed || paused || seekPending);
        }
        long t = frame.timestampMicros();
        synchronized (lock) {
            while (true) {
                if (closed || paused || seekPending) {
                    return false;
                }
                double s = speed;
                if (Double.isInfinite(s)) {
                    return true;
                }
                long wait = clock.nanosUntil(t, position.getAsLong(), s, System.nanoTime());
                if (wait <= 0) {
                    return true;
                }
                try {
                    lock.wait(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    // ---- the controls: any thread ------------------------------------------------------------

    void pause() {
        synchronized (lock) {
            held = false;
            if (!paused) {
                clock.pause(speed, position.getAsLong(), System.nanoTime());
                paused = true;
                lock.notifyAll();
            }
        }
    }

    void resume() {
        synchronized (lock) {
            held = false;
            if (paused) {
                clock.resume(System.nanoTime());
                paused = false;
                lock.notifyAll();
            }
        }
    }

    void setSpeed(double newSpeed) {
        if (!(newSpeed > 0)) {
            throw new IllegalArgumentException("speed " + newSpeed + " is not positive");
        }
        synchronized (lock) {
            if (!paused) { // while paused the clock stands where the pause stopped it, whatever the speed
                clock.speedChanging(speed, position.getAsLong(), System.nanoTime());
            }
            speed = newSpeed;
            lock.notifyAll();
        }
    }

    void seek(long target) {
        synchronized (lock) {
            seekTarget = target;
            seekPending = true;
            lock.notifyAll();
        }
    }

    /** Closes the gate and wakes the player; false when it was closed already. */
    boolean close() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            lock.notifyAll();
            return true;
        }
    }
}
