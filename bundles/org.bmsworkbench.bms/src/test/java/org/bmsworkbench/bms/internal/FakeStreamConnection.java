package org.bmsworkbench.bms.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
 * A byte-stream connection for tests, with a device at its far end: a sent chunk goes to the
 * subscribers as TX (as a real connection does, on the sender's thread), then the device's answer,
 * if any, arrives {@code answerDelayMillis} later as an RX chunk on a thread of its own. Every
 * chunk either way is logged in {@link #events} ({@code tx DDA5...}, {@code rx DD03...}) with the
 * time it passed.
 */
final class FakeStreamConnection implements Connection {
    record Event(long nanos, CanFrame frame) {
        @Override
        public String toString() {
            return (frame.direction() == Direction.TX ? "tx " : "rx ") + frame.dataHex();
        }
    }

    private final ConnectionUri uri;
    private final StreamLink link;
    private final boolean playback;
    private final Function<byte[], byte[]> device;
    private final long answerDelayMillis;
    private final ScheduledExecutorService deviceThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-stream-device");
        t.setDaemon(true);
        return t;
    });
    final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();
    final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<ConnectionState, String>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<CanFrame> recent = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state;

    /**
     * @param device answers a request's bytes with the answer's, or null for none
     */
    FakeStreamConnection(String uri, StreamLink link, boolean playback, Function<byte[], byte[]> device,
            long answerDelayMillis, boolean connected) {
        this.uri = ConnectionUri.parse(uri);
        this.link = link;
        this.playback = playback;
        this.device = device;
        this.answerDelayMillis = answerDelayMillis;
        this.state = connected ? ConnectionState.CONNECTED : ConnectionState.CONNECTING;
    }

    /** Connects (a channel that was opening is open now): tells the state listeners. */
    /** Set: the first {@link #subscribe} connects the link first. */
    volatile boolean connectOnSubscribe;

    void connect() {
        state = ConnectionState.CONNECTED;
        stateListeners.forEach(l -> l.accept(ConnectionState.CONNECTED, ""));
    }

    /** The chunks sent so far. */
    List<Event> sent() {
        return events.stream().filter(e -> e.frame().direction() == Direction.TX).toList();
    }

    private void deliver(CanFrame frame) {
        events.add(new Event(System.nanoTime(), frame));
        recent.add(frame);
        for (FrameListener l : subscribers) {
            l.onFrame(frame);
        }
    }

    /** The device sends bytes of its own (not an answer). */
    void deviceSends(byte[] bytes) {
        deliver(CanFrame.chunk(System.currentTimeMillis() * 1000, link.port(), Direction.RX, bytes));
    }

    @Override
    public void send(CanFrame frame) throws java.io.IOException {
        if (listenOnly()) {
            throw new java.io.IOException("listen-only: " + uri + " does not transmit");
        }
        if (state != ConnectionState.CONNECTED) {
            throw new java.io.IOException("not connected");
        }
        deliver(frame.withDirection(Direction.TX));
        byte[] answer = device == null ? null : device.apply(frame.data());
        if (answer != null) {
            deviceThread.schedule(() -> deviceSends(answer), answerDelayMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override public ConnectionUri uri() { return uri; }
    @Override public ConnectionState state() { return state; }
    @Override public String stateDetail() { return ""; }

    @Override
    public Subscription subscribe(FrameListener listener) {
        if (connectOnSubscribe) {
            connectOnSubscribe = false;
            connect(); // the link comes up just as the session subscribes, after its first choice
        }
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override
    public Subscription onStateChange(BiConsumer<ConnectionState, String> listener) {
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    @Override public ConnectionStatistics statistics() { return new ConnectionStatistics(0, 0, 0, 0, 0, -1); }
    @Override public List<CanFrame> recentFrames() { return List.copyOf(recent); }
    @Override public int recentCapacity() { return 100_000; }

    @Override
    public void close() {
        subscribers.clear();
        deviceThread.shutdownNow();
    }

    @Override
    public <T> Optional<T> control(Class<T> type) {
        if (state != ConnectionState.CONNECTED) {
            return Optional.empty(); // as a real connection: no channel, no controls
        }
        if (type == StreamLink.class) {
            return Optional.of(type.cast(link));
        }
        if (type == PlaybackControl.class && playback) {
            return Optional.of(type.cast(Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {PlaybackControl.class}, (proxy, method, args) -> {
                        Class<?> r = method.getReturnType();
                        return r == boolean.class ? false : r == double.class ? 1.0 : r == long.class ? 0L : null;
                    })));
        }
        return Optional.empty();
    }
}
