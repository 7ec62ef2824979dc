package org.bmsworkbench.can;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Control of a recorded source played as a live bus (a replayed log, a reopened snapshot):
 * pause, speed and seek. Obtained with {@code connection.control(PlaybackControl.class)}.
 * Thread-safe; every method returns at once.
 */
@ProviderType
public interface PlaybackControl {

    /** Speed factor that plays as fast as the consumers take frames. */
    double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;

    void pause();

    void resume();

    boolean isPaused();

    /** 1 for real time, N for N times faster, {@link #AS_FAST_AS_POSSIBLE}. */
    double speed();

    /** @throws IllegalArgumentException for a speed that is not positive */
    void setSpeed(double speed);

    boolean isLooping();

    void setLooping(boolean loop);

    /** Time of the first frame of the source, in microseconds as in {@link CanFrame#timestampMicros()}. */
    long startMicros();

    /** Time of the last frame of the source, in microseconds; equal to start for an empty source. */
    long endMicros();

    /** Time of the last frame delivered, in microseconds. */
    long positionMicros();

    /** Frames delivered since the start or the last seek. */
    long framesPlayed();

    /** Total frames of the source, or -1 while still unknown. */
    long totalFrames();

    /**
     * Continues from the first frame at or after {@code micros} (clamped to the source);
     * consumers that keep state should clear it, as frames jump.
     */
    void seek(long micros);
}
