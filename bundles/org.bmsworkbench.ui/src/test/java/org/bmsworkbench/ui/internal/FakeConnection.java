package org.bmsworkbench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.Subscription;

/** A connection the test drives: state, statistics and frames are set by hand. */
final class FakeConnection implements Connection {
    private final ConnectionUri uri;
    volatile ConnectionState state = ConnectionState.CONNECTED;
    volatile String detail = "";
    volatile ConnectionStatistics statistics = new ConnectionStatistics(0, 0, 0, 0, 0, -1);
    volatile Object control;
    volatile boolean closed;
    /** Every frame sent on this connection, in order. */
    final List<CanFrame> sent = new CopyOnWriteArrayList<>();
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<ConnectionState, String>> stateListeners = new CopyOnWriteArrayList<>();

    FakeConnection(String uri) {
        this.uri = ConnectionUri.parse(uri);
    }

    void receive(CanFrame frame) {
        subscribers.forEach(s -> s.onFrame(frame));
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
        return detail;
    }

    @Override
    public void send(CanFrame frame) {
        sent.add(frame);
        receive(frame);
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

    /** Changes the state and tells the listeners, as a transport thread would. */
    void changeState(ConnectionState newState) {
        state = newState;
        stateListeners.forEach(l -> l.accept(newState, ""));
    }

    @Override
    public ConnectionStatistics statistics() {
        return statistics;
    }

    @Override
    public List<CanFrame> recentFrames() {
        return new ArrayList<>();
    }

    @Override
    public int recentCapacity() {
        return 0;
    }

    @Override
    public <T> Optional<T> control(Class<T> type) {
        return type.isInstance(control) ? Optional.of(type.cast(control)) : Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        state = ConnectionState.CLOSED;
    }
}
