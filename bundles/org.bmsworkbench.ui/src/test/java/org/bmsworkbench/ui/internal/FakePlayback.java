package org.bmsworkbench.ui.internal;

import org.bmsworkbench.can.PlaybackControl;

/** A playback control that remembers what it was told. */
final class FakePlayback implements PlaybackControl {
    volatile boolean paused;
    volatile double speed = 1;
    volatile long seekedTo = -1;

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    @Override
    public double speed() {
        return speed;
    }

    @Override
    public void setSpeed(double s) {
        speed = s;
    }

    @Override
    public boolean isLooping() {
        return false;
    }

    @Override
    public void setLooping(boolean loop) {
    }

    @Override
    public long startMicros() {
        return 1_000_000_000L;
    }

    @Override
    public long endMicros() {
        return 1_060_000_000L;
    }

    @Override
    public long positionMicros() {
        return 1_010_000_000L;
    }

    @Override
    public long framesPlayed() {
        return 1234;
    }

    @Override
    public long totalFrames() {
        return 9000;
    }

    @Override
    public void seek(long micros) {
        seekedTo = micros;
    }
}
