package org.bmsworkbench.can.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.can.internal.StateNotifications.Status;

/**
 * One connection: holds the channel of the transport it is attached to, fans frames out to
 * subscribers, keeps statistics and the ring of recent frames.
 *
 * <p>Each attachment to a transport is a new generation; events of a channel from an older
 * generation (a channel being closed, a late open) are ignored ({@link ChannelEvents}). The
 * check is not atomic with the delivery: a frame the old channel's thread was already handing
 * over when the generation changed may still reach subscribers, once, while
 * {@link #detachFrom} or {@link #close()} runs; no frame or state the old channel reports after
 * the change is delivered. The hot path ({@link #receive}) takes two short uncontended locks
 * and allocates nothing.
 *
 * <p>State changes are made under {@code lock} and reach the state listeners in the order they
 * were made, never under {@code lock} ({@link StateNotifications}).
 */
final class BusConnection implements Connection {
    static final int DEFAULT_RECENT_CAPACITY = 100_000;
    private static final FrameListener[] NO_SUBSCRIBERS = {};

    private final ConnectionUri uri;
    private final LongSupplier clockMillis;
    private final Consumer<BusConnection> onClosed;
    private final RecentFrames recent;
    private final TrafficCounters counters = new TrafficCounters();
    private final int uriBitrate;
    private final StateNotifications notifications = new StateNotifications(counters::transportError);
    private final Object lock = new Object();

    /** Copy-on-write array of subscribers: iterating it on the hot path allocates nothing. */
    private volatile FrameListener[] subscribers = NO_SUBSCRIBERS;
    private volatile Status status;
    private volatile int generation;
    private volatile CanChannel channel;
    /** What the channel said when it reported CONNECTED from inside open(); guarded by lock. */
    private String openingDetail;
    private volatile int channelBitrate;
    /** Guarded by {@link #lock}. */
    private CanTransportProvider provider;
    private boolean closed;

    BusConnection(ConnectionUri uri, int recentCapacity, LongSupplier clockMillis, String waitingDetail,
            Consumer<BusConnection> onClosed) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.recent = new RecentFrames(recentCapacity);
        this.clockMillis = clockMillis;
        this.onClosed = onClosed;
        this.uriBitrate = bitrateOption(uri);
        this.status = new Status(ConnectionState.WAITING_FOR_TRANSPORT, waitingDetail);
    }

    private static int bitrateOption(ConnectionUri uri) {
        try {
            return uri.intOption("bitrate", 0, 1, Integer.MAX_VALUE);
        } catch (InvalidUriException e) {
            return 0; // the transport reports a bad bit rate; here it only means "unknown"
        }
    }

    // ---- lifecycle, driven by the registry --------------------------------------------------

    /**
     * Attaches to {@code transport} if this connection waits for one, and opens the channel on
     * {@code executor}. Returns at once.
     */
    boolean attachIfWaiting(CanTransportProvider transport, Executor executor) {
        synchronized (lock) {
            if (closed || status.state() != ConnectionState.WAITING_FOR_TRANSPORT) {
                return false;
            }
            String invalid = null;
            try {
                transport.validate(uri);
            } catch (InvalidUriException e) {
                invalid = e.getMessage();
            }
            if (invalid != null) {
                setStatus(ConnectionState.FAILED, invalid);
            } else {
                int gen = ++generation;
                provider = transport;
                openingDetail = null;
                setStatus(ConnectionState.CONNECTING, "opening " + uri);
                try {
                    executor.execute(() -> openChannel(transport, gen));
                } catch (RejectedExecutionException e) {
                    generation++;
                    provider = null;
                    setStatus(ConnectionState.FAILED, "the connections service is stopping");
                }
            }
        }
        notifications.deliver();
        return true;
    }

    /** Runs on the registry's executor: may block as long as the transport takes to open. */
    private void openChannel(CanTransportProvider transport, int gen) {
        CanChannel opened;
        try {
            opened = transport.open(uri, new ChannelEvents(this, gen));
            if (opened == null) {
                throw new IOException("the transport for " + uri.scheme() + ": returned no channel");
            }
        } catch (IOException e) {
            failIfCurrent(gen, e.getMessage() != null ? e.getMessage() : "cannot open " + uri + ": " + e);
            return;
        } catch (RuntimeException e) {
            failIfCurrent(gen, "cannot open " + uri + ": " + e);
            return;
        }
        boolean current;
        synchronized (lock) {
            current = gen == generation;
            if (current) {
                channel = opened;
                channelBitrate = Math.max(0, opened.bitrate());
                if (status.state() == ConnectionState.CONNECTING) {
                    setStatus(ConnectionState.CONNECTED, openingDetail != null ? openingDetail : "connected to " + uri);
                }
                openingDetail = null;
            }
        }
        if (!current) {
            closeQuietly(opened); // closed or detached while opening
        }
        notifications.deliver();
    }

    private void failIfCurrent(int gen, String detail) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            generation++;
            provider = null;
            setStatus(ConnectionState.FAILED, detail);
        }
        notifications.deliver();
    }

    boolean isAttachedTo(CanTransportProvider transport) {
        synchronized (lock) {
            return provider == transport;
        }
    }

    /**
     * Closes the channel opened by {@code transport} (synchronously: the transport is leaving)
     * and waits for a transport again.
     */
    void detachFrom(CanTransportProvider transport, String detail) {
        CanChannel old;
        synchronized (lock) {
            if (closed || provider != transport) {
                return;
            }
            generation++;
            provider = null;
            old = channel;
            channel = null;
            setStatus(ConnectionState.WAITING_FOR_TRANSPORT, detail);
        }
        closeQuietly(old);
        notifications.deliver();
    }

    @Override
    public void close() {
        CanChannel old;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            provider = null;
            old = channel;
            channel = null;
            setStatus(ConnectionState.CLOSED, "closed");
        }
        closeQuietly(old);
        notifications.deliver();
        onClosed.accept(this);
    }

    /** Under {@code lock}: the new state, queued for the listeners in the order of the changes. */
    private void setStatus(ConnectionState state, String detail) {
        Status s = new Status(state, detail == null ? "" : detail);
        status = s;
        notifications.queue(s);
    }

    private static void closeQuietly(CanChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (RuntimeException e) {
                // the channel is gone either way
            }
        }
    }

    // ---- the hot path ----------------------------------------------------------------------

    /** A received frame: statistics, ring, subscribers. No allocation, no logging. */
    void receive(CanFrame frame) {
        counters.record(frame, false, clockMillis.getAsLong());
        recent.add(frame);
        deliver(frame);
    }

    private void deliver(CanFrame frame) {
        for (FrameListener l : subscribers) {
            try {
                l.onFrame(frame);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                counters.transportError(); // isolated: the other subscribers and the reader go on
            }
        }
    }

    // ---- what a channel reports (ChannelEvents); stale generations are ignored ---------------

    void channelFrame(int gen, CanFrame frame) {
        if (generation == gen) {
            receive(frame);
        }
    }

    void channelError(int gen) {
        if (generation == gen) {
            counters.transportError();
        }
    }

    void channelState(int gen, ConnectionState state, String detail) {
        boolean ended = false;
        synchronized (lock) {
            if (gen != generation || closed || state == null) {
                return;
            }
            if (state == ConnectionState.CONNECTED && channel == null && status.state() == ConnectionState.CONNECTING) {
                // said from inside open(): CONNECTED is published once the channel can take frames,
                // so that whoever sees CONNECTED can send at once
                openingDetail = detail;
                return;
            }
            if (state == ConnectionState.CLOSED) {
                // the source ended (a log replayed once): the channel is done, the connection too
                closed = true;
                ended = true;
                generation++;
                provider = null;
                channel = null;
            }
            setStatus(state, detail);
        }
        notifications.deliver();
        if (ended) {
            onClosed.accept(this);
        }
    }

    // ---- Connection ------------------------------------------------------------------------

    @Override
    public ConnectionUri uri() {
        return uri;
    }

    @Override
    public ConnectionState state() {
        return status.state();
    }

    @Override
    public String stateDetail() {
        return status.detail();
    }

    @Override
    public <T> java.util.Optional<T> control(Class<T> type) {
        CanChannel ch = channel;
        return ch == null ? java.util.Optional.empty() : ch.control(type);
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        Objects.requireNonNull(frame, "frame");
        if (listenOnly()) {
            throw new IOException("listen-only: " + uri + " does not transmit; cannot send " + frame);
        }
        CanChannel ch = channel;
        Status s = status;
        if (ch == null && s.state() == ConnectionState.CONNECTED) {
            throw new IOException("not connected yet: the channel to " + uri + " is still opening; cannot send " + frame);
        }
        if (ch == null || s.state() != ConnectionState.CONNECTED) {
            throw new IOException("not connected: state " + s.state()
                    + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")") + "; cannot send " + frame);
        }
        try {
            ch.send(frame);
        } catch (IOException e) {
            counters.transportError();
            throw e;
        }
        long now = clockMillis.getAsLong();
        CanFrame sent = frame.direction() == Direction.TX ? frame : frame.withDirection(Direction.TX);
        if (!sent.hasTimestamp()) {
            sent = sent.withTimestamp(now * 1000);
        }
        counters.record(sent, true, now);
        recent.add(sent);
        deliver(sent);
    }

    @Override
    public Subscription subscribe(FrameListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            FrameListener[] old = subscribers;
            FrameListener[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = listener;
            subscribers = grown;
        }
        return () -> unsubscribe(listener);
    }

    private void unsubscribe(FrameListener listener) {
        synchronized (lock) {
            FrameListener[] old = subscribers;
            for (int i = 0; i < old.length; i++) {
                if (old[i] == listener) {
                    FrameListener[] shrunk = new FrameListener[old.length - 1];
                    System.arraycopy(old, 0, shrunk, 0, i);
                    System.arraycopy(old, i + 1, shrunk, i, old.length - i - 1);
                    subscribers = shrunk;
                    return;
                }
            }
        }
    }

    @Override
    public Subscription onStateChange(BiConsumer<ConnectionState, String> listener) {
        return notifications.add(listener);
    }

    @Override
    public ConnectionStatistics statistics() {
        int bitrate = channelBitrate > 0 ? channelBitrate : uriBitrate;
        return counters.snapshot(clockMillis.getAsLong(), bitrate);
    }

    @Override
    public List<CanFrame> recentFrames() {
        return recent.snapshot();
    }

    @Override
    public int recentCapacity() {
        return recent.capacity();
    }

    @Override
    public String toString() {
        Status s = status;
        return "Connection[" + uri + ", " + s.state() + (s.detail().isEmpty() ? "" : ": " + s.detail()) + "]";
    }
}
