package org.bmsworkbench.ui.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.Subscription;

/**
 * A connected {@code sim:?protocol=nmea2000} connection in memory: the test {@link #deliver}s the
 * frames, on whatever thread plays the transport's reader, and subscribers are called synchronously,
 * in order. What is sent is recorded in {@link #sent} and comes back as a TX frame at once.
 */
public class InMemoryConnection implements Connection {
    /** Every frame sent, in order. */
    public final List<CanFrame> sent = new CopyOnWriteArrayList<>();
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();

    /** Gives {@code frame} to every subscriber, on the caller's thread. */
    public void deliver(CanFrame frame) {
        for (FrameListener l : subscribers) {
            l.onFrame(frame);
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void send(CanFrame frame) {
        sent.add(frame);
        deliver(frame.withDirection(Direction.TX));
    }

    @Override
    public Subscription subscribe(FrameListener listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override public ConnectionUri uri() { return ConnectionUri.parse("sim:?protocol=nmea2000"); }
    @Override public ConnectionState state() { return ConnectionState.CONNECTED; }
    @Override public String stateDetail() { return ""; }
    @Override public Subscription onStateChange(BiConsumer<ConnectionState, String> listener) { return () -> { }; }
    @Override public ConnectionStatistics statistics() { return new ConnectionStatistics(0, sent.size(), 0, 0, 0, -1); }
    @Override public List<CanFrame> recentFrames() { return List.of(); }
    @Override public int recentCapacity() { return 0; }
    @Override public <T> Optional<T> control(Class<T> type) { return Optional.empty(); }

    @Override
    public void close() {
        subscribers.clear();
    }
}
