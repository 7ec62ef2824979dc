package org.bmsworkbench.protocol.vreg.internal;

import java.io.IOException;
import java.util.List;
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
import org.bmsworkbench.can.Subscription;

/**
 * A connection for tests with a device on the other end: a sent frame goes to the subscribers
 * as TX (as a real connection does) and to the device, whose answers arrive as RX on the bus's
 * own "transport" thread, as they would from an adapter.
 */
final class FakeBus implements Connection {
    final List<CanFrame> sent = new CopyOnWriteArrayList<>();
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService transport = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-transport"));
    private volatile Consumer<CanFrame> device = f -> { };
    volatile boolean failSends;

    void attach(Consumer<CanFrame> newDevice) {
        device = newDevice;
    }

    /** A frame from the bus, delivered on the transport thread. */
    void receive(CanFrame frame) {
        transport.execute(() -> {
            for (FrameListener l : subscribers) {
                l.onFrame(frame);
            }
        });
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        if (failSends) {
            throw new IOException("not connected: state CLOSED");
        }
        CanFrame tx = frame.withDirection(Direction.TX);
        sent.add(tx);
        for (FrameListener l : subscribers) {
            l.onFrame(tx);
        }
        transport.execute(() -> device.accept(frame));
    }

    @Override
    public Subscription subscribe(FrameListener listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override public ConnectionUri uri() { return ConnectionUri.parse("sim:"); }
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
    public <T> java.util.Optional<T> control(Class<T> type) {
        return java.util.Optional.empty();
    }
}
