package org.bmsworkbench.bms.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.Subscription;

/** A connection for tests: {@link #receive} delivers a frame to the subscribers and keeps it in the ring. */
final class FakeConnection implements Connection {
    private final int capacity;
    private final ArrayDeque<CanFrame> recent = new ArrayDeque<>();
    final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();

    FakeConnection(int capacity) {
        this.capacity = capacity;
    }

    /** Delivers on the calling thread, as a transport's reader thread would. */
    void receive(CanFrame frame) {
        synchronized (recent) {
            recent.addLast(frame);
            if (recent.size() > capacity) {
                recent.removeFirst();
            }
        }
        for (FrameListener l : subscribers) {
            l.onFrame(frame);
        }
    }

    @Override public ConnectionUri uri() { return ConnectionUri.parse("sim:"); }
    @Override public ConnectionState state() { return ConnectionState.CONNECTED; }
    @Override public String stateDetail() { return ""; }
    @Override public void send(CanFrame frame) { receive(frame); }

    @Override
    public Subscription subscribe(FrameListener listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override public Subscription onStateChange(BiConsumer<ConnectionState, String> listener) { return () -> { }; }
    @Override public ConnectionStatistics statistics() { return new ConnectionStatistics(0, 0, 0, 0, 0, -1); }

    @Override
    public List<CanFrame> recentFrames() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    @Override public int recentCapacity() { return capacity; }
    @Override public void close() { subscribers.clear(); }

    @Override
    public <T> java.util.Optional<T> control(Class<T> type) {
        return java.util.Optional.empty();
    }
}
