package org.bmsworkbench.transport.slcan.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;

/** A channel listener that keeps everything, and waits on conditions. */
final class Recorder implements CanChannel.Listener {
    final List<CanFrame> frames = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onFrame(CanFrame frame) {
        frames.add(frame);
    }

    @Override
    public void onState(ConnectionState state, String detail) {
        states.add(state + ": " + detail);
    }

    @Override
    public void onTransportError(String message) {
        errors.add(message);
    }

    ConnectionState lastState() {
        return states.isEmpty() ? null : ConnectionState.valueOf(states.get(states.size() - 1).split(":")[0]);
    }

    /** Waits for a condition; 20 s is a limit for a hung test, not a timing assertion. */
    static void await(BooleanSupplier condition, String what) {
        await(condition, () -> what);
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
