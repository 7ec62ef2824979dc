package org.bmsworkbench.can.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;

/**
 * A channel listener that keeps everything it is told, for tests of transports: the frames, the
 * states as {@code "STATE: detail"}, the transport errors. Thread-safe (a channel reports on its
 * own thread); the lists may be read at any time.
 */
public class RecordingListener implements CanChannel.Listener {
    /** How long {@link #await} waits: a limit for a hung test, not a timing assertion. */
    public static final long AWAIT_SECONDS = 20;

    public final List<CanFrame> frames = new CopyOnWriteArrayList<>();
    /** {@code "CONNECTED: …"}, {@code "RECONNECTING: …"}, {@code "CLOSED: end of log, 4 frames"}. */
    public final List<String> states = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile ConnectionState last;

    @Override
    public void onFrame(CanFrame frame) {
        frames.add(frame);
    }

    @Override
    public void onState(ConnectionState state, String detail) {
        states.add(state + ": " + detail);
        last = state; // after the list: a test that sees the state also sees its line
    }

    @Override
    public void onTransportError(String message) {
        errors.add(message);
    }

    /** The state reported last, or null before any. */
    public ConnectionState lastState() {
        return last;
    }

    public boolean stateStartsWith(String prefix) {
        return states.stream().anyMatch(s -> s.startsWith(prefix));
    }

    /** How many states were reported that start with {@code prefix} ({@code "CONNECTED:"}). */
    public long count(String prefix) {
        return states.stream().filter(s -> s.startsWith(prefix)).count();
    }

    /** Whether a frame with this id and these data ({@code "C01485FFD700"}) came. */
    public boolean hasFrame(int id, String dataHex) {
        return frames.stream().anyMatch(f -> f.id() == id && f.dataHex().equals(dataHex));
    }

    /** Waits until the channel reports CLOSED or FAILED. */
    public void awaitEnd() {
        await(() -> last == ConnectionState.CLOSED || last == ConnectionState.FAILED, () -> "the end: " + states);
    }

    /** Waits for a condition, failing with "timed out waiting for WHAT" after {@value #AWAIT_SECONDS} s. */
    public static void await(BooleanSupplier condition, String what) {
        await(condition, () -> what);
    }

    /** As {@link #await(BooleanSupplier, String)}; {@code what} is asked for only on a time-out. */
    public static void await(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + AWAIT_SECONDS * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what.get(), e);
            }
        }
    }
}
