package org.bmsworkbench.transport.replay.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;

/** A channel listener that keeps what it is told, and waits for conditions. */
final class Recorder implements CanChannel.Listener {
    private final List<CanFrame> frames = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    volatile ConnectionState state;

    @Override
    public synchronized void onFrame(CanFrame frame) {
        frames.add(frame);
    }

    @Override
    public synchronized void onState(ConnectionState s, String detail) {
        state = s;
        states.add(s + " " + detail);
    }

    @Override
    public synchronized void onTransportError(String message) {
        errors.add(message);
    }

    synchronized List<CanFrame> frames() {
        return List.copyOf(frames);
    }

    synchronized int count() {
        return frames.size();
    }

    synchronized List<String> states() {
        return List.copyOf(states);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** Waits (at most 20 s) until the channel reports CLOSED or FAILED. */
    void awaitEnd() {
        await(() -> state == ConnectionState.CLOSED || state == ConnectionState.FAILED, "the end of the replay");
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
