package org.bmsworkbench.transport.socketcand.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;

/** Keeps what a channel reports; {@link #await} waits on a condition with a deadline. */
final class RecordingListener implements CanChannel.Listener {
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

    boolean stateStartsWith(String prefix) {
        return states.stream().anyMatch(s -> s.startsWith(prefix));
    }

    /** Waits for a condition; 20 s is a limit for a hung test, not a timing assertion. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    /** Waits for a condition; {@code what} is asked for only on a time-out. */
    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(5);
        }
    }
}
