package org.bmsworkbench.protocol.daly.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.Subscription;

/**
 * A connection for tests with a device at the other end: a serial line (offering a
 * {@link StreamLink}) or a CAN bus. A sent frame goes to the subscribers as TX and to the device,
 * whose answers arrive as RX on the link's own "transport" thread.
 */
final class FakeLink implements Connection {
    final List<CanFrame> sent = new CopyOnWriteArrayList<>();
    final StreamLink link;
    private final ConnectionUri uri;
    private final boolean replay;
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService transport = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-transport"));
    private volatile Consumer<CanFrame> device = f -> { };

    /** A serial line ({@code serial} true) or a CAN bus, live or replayed, with the URI's options. */
    FakeLink(boolean serial, String uri, boolean replay) {
        this.uri = ConnectionUri.parse(uri);
        this.link = serial ? new StreamLink("ttyUSB0", "daly", Duration.ofSeconds(1)) : null;
        this.replay = replay;
    }

    void attach(Consumer<CanFrame> newDevice) {
        device = newDevice;
    }

    /** Bytes or a frame from the device, delivered on the transport thread. */
    void receive(CanFrame frame) {
        transport.execute(() -> subscribers.forEach(l -> l.onFrame(frame)));
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        if (listenOnly()) {
            throw new IOException("listen-only");
        }
        CanFrame tx = frame.withDirection(Direction.TX);
        sent.add(tx);
        subscribers.forEach(l -> l.onFrame(tx));
        transport.execute(() -> device.accept(tx));
    }

    @Override
    public Subscription subscribe(FrameListener listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @Override public ConnectionUri uri() { return uri; }
    @Override public ConnectionState state() { return ConnectionState.CONNECTED; }
    @Override public String stateDetail() { return ""; }
    @Override public Subscription onStateChange(BiConsumer<ConnectionState, String> listener) { return () -> { }; }
    @Override public ConnectionStatistics statistics() { return new ConnectionStatistics(0, 0, 0, 0, 0, -1); }
    @Override public List<CanFrame> recentFrames() { return List.of(); }
    @Override public int recentCapacity() { return 0; }

    @Override
    public void close() {
        subscribers.clear();
        transport.shutdownNow();
    }

    @Override
    public <T> Optional<T> control(Class<T> type) {
        if (type == StreamLink.class && link != null) {
            return Optional.of(type.cast(link));
        }
        if (type == PlaybackControl.class && replay) {
            return Optional.of(type.cast(Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {PlaybackControl.class}, (p, m, a) -> {
                        throw new UnsupportedOperationException(m.getName());
                    })));
        }
        return Optional.empty();
    }
}
