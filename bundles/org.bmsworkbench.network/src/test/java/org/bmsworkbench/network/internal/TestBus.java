package org.bmsworkbench.network.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.Subscription;

/**
 * A bus driven by the test: frames the workbench sends are kept and delivered back as TX, then
 * shown to the other {@link #devices} (which may answer with {@link #receive}); {@link #receive}
 * delivers a frame from another device on the calling thread.
 */
final class TestBus implements Connection {
    private final ConnectionUri uri;
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<ConnectionState, String>> stateListeners = new CopyOnWriteArrayList<>();
    final List<CanFrame> sent = new CopyOnWriteArrayList<>();
    final List<Consumer<CanFrame>> devices = new CopyOnWriteArrayList<>();
    private final List<CanFrame> recent = new CopyOnWriteArrayList<>();
    volatile ConnectionState state = ConnectionState.CONNECTED;
    /** Sends refused, as by a connection that cannot send. */
    final java.util.concurrent.atomic.AtomicInteger refuse = new java.util.concurrent.atomic.AtomicInteger();

    TestBus(String uri) {
        this.uri = ConnectionUri.parse(uri);
    }

    void receive(CanFrame frame) {
        recent.add(frame);
        for (FrameListener l : subscribers) {
            l.onFrame(frame);
        }
    }

    void close(String why) {
        state = ConnectionState.CLOSED;
        for (BiConsumer<ConnectionState, String> l : stateListeners) {
            l.accept(ConnectionState.CLOSED, why);
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
        return state;
    }

    @Override
    public String stateDetail() {
        return "";
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        if (listenOnly()) {
            throw new IOException("listen-only");
        }
        if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("not connected yet: the channel is still opening");
        }
        CanFrame tx = frame.withDirection(Direction.TX).withTimestamp(System.currentTimeMillis() * 1000);
        sent.add(tx);
        recent.add(tx);
        for (FrameListener l : subscribers) {
            l.onFrame(tx);
        }
        for (Consumer<CanFrame> d : devices) {
            d.accept(tx);
        }
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
        return new ConnectionStatistics(recent.size(), sent.size(), 0, 0, 0, 0);
    }

    @Override
    public List<CanFrame> recentFrames() {
        return List.copyOf(recent);
    }

    @Override
    public int recentCapacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public <T> Optional<T> control(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public void close() {
        close("closed");
    }
}
