package org.bmsworkbench.transport.serial.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.Subscription;

/**
 * The least of a {@code Connection} over one channel of this transport, for the end-to-end test:
 * received chunks and state changes go to the subscribers as the channel reports them; a sent
 * chunk goes to the channel, then to the subscribers as TX (as the can bundle's connections do).
 */
final class ChannelConnection implements Connection, CanChannel.Listener {
    private final ConnectionUri uri;
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<ConnectionState, String>> stateListeners = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();
    private volatile CanChannel channel;
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile String detail = "";

    ChannelConnection(SerialTransport transport, String uri) throws IOException {
        this.uri = ConnectionUri.parse(uri);
        channel = transport.open(this.uri, this);
        onState(ConnectionState.CONNECTED, "");
    }

    @Override
    public void onFrame(CanFrame frame) {
        subscribers.forEach(s -> s.onFrame(frame));
    }

    @Override
    public void onState(ConnectionState s, String d) {
        state = s;
        detail = d;
        states.add(s + (d.isEmpty() ? "" : " (" + d + ")"));
        stateListeners.forEach(l -> l.accept(s, d));
    }

    @Override
    public void onTransportError(String message) {
        states.add("error: " + message);
    }

    @Override public ConnectionUri uri() { return uri; }
    @Override public ConnectionState state() { return state; }
    @Override public String stateDetail() { return detail; }

    @Override
    public void send(CanFrame frame) throws IOException {
        if (state != ConnectionState.CONNECTED) {
            throw new IOException("not connected: " + state);
        }
        channel.send(frame);
        onFrame(frame.withDirection(Direction.TX).withTimestamp(System.currentTimeMillis() * 1000));
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

    @Override public ConnectionStatistics statistics() { return new ConnectionStatistics(0, 0, 0, 0, 0, -1); }
    @Override public List<CanFrame> recentFrames() { return List.of(); }
    @Override public int recentCapacity() { return 0; }

    @Override
    public <T> Optional<T> control(Class<T> type) {
        return state == ConnectionState.CONNECTED ? channel.control(type) : Optional.empty();
    }

    @Override
    public void close() {
        channel.close();
        subscribers.clear();
    }
}
