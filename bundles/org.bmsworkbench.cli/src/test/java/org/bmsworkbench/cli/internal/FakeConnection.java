package org.bmsworkbench.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.Subscription;

/**
 * A connection driven by the test: {@link #change} moves its state and tells listeners,
 * {@link #receive} delivers a frame on the calling thread. {@link #awaitSeenConnected} lets a
 * test act only once the command has seen the connection up (three times: the check for a
 * transport, the wait, then its loop).
 */
final class FakeConnection implements Connection {
    private final ConnectionUri uri;
    private volatile ConnectionState state;
    private volatile String detail;
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<ConnectionState, String>> stateListeners = new CopyOnWriteArrayList<>();
    final List<CanFrame> sent = new CopyOnWriteArrayList<>();
    private final Object seen = new Object();
    private int connectedReads;
    volatile boolean closed;
    private long rx;
    private final List<CanFrame> recent = new CopyOnWriteArrayList<>();

    FakeConnection(String uri, ConnectionState state, String detail) {
        this.uri = ConnectionUri.parse(uri);
        this.state = state;
        this.detail = detail;
    }

    void change(ConnectionState newState, String newDetail) {
        state = newState;
        detail = newDetail;
        for (BiConsumer<ConnectionState, String> l : stateListeners) {
            l.accept(newState, newDetail);
        }
    }

    void receive(CanFrame frame) {
        rx++;
        recent.add(frame);
        for (FrameListener l : subscribers) {
            l.onFrame(frame);
        }
    }

    /** Waits (10 s at most) until {@link #state()} has returned CONNECTED {@code n} times. */
    void awaitSeenConnected(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (seen) {
            while (connectedReads < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the command never saw the connection up");
                }
                seen.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    int subscribers() {
        return subscribers.size();
    }

    @Override
    public ConnectionUri uri() {
        return uri;
    }

    @Override
    public ConnectionState state() {
        ConnectionState s = state;
        if (s == ConnectionState.CONNECTED) {
            synchronized (seen) {
                connectedReads++;
                seen.notifyAll();
            }
        }
        return s;
    }

    @Override
    public String stateDetail() {
        return detail;
    }

    @Override
    public void send(CanFrame frame) {
        sent.add(frame);
    }

    @Override
    public Subscription subscribe(FrameListener listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override
    public Subscription onStateChange(BiConsumer<ConnectionState, String> listener) {
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    @Override
    public ConnectionStatistics statistics() {
        return new ConnectionStatistics(rx, sent.size(), 0, 0, 22.0, -1);
    }

    @Override
    public List<CanFrame> recentFrames() {
        return new ArrayList<>(recent);
    }

    @Override
    public int recentCapacity() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
        if (state != ConnectionState.CLOSED) {
            change(ConnectionState.CLOSED, "");
        }
    }

    @Override
    public <T> java.util.Optional<T> control(Class<T> type) {
        if (type == org.bmsworkbench.can.StreamLink.class && uri.scheme().equals("serial")) {
            return java.util.Optional.of(type.cast(org.bmsworkbench.can.StreamLink.of("ttyUSB0", uri))); // a serial line
        }
        return java.util.Optional.empty();
    }
}
