package org.bmsworkbench.cli.internal.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.cli.CommandFailure;

/**
 * A connection opened for one command line: a URI that cannot be used is an {@link UnusableUri}
 * (the command exits 2 with that one line), one that does not connect a {@link CommandFailure}
 * (exit 1) with the transport's reason; state changes after the connection came up are kept for
 * the command to show.
 */
public final class LiveConnection implements AutoCloseable {
    /** How long a command waits for {@link ConnectionState#CONNECTED}. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** One state change, as the connection reported it. */
    public record StateChange(ConnectionState state, String detail) {
        /** {@code RECONNECTING (port unplugged)}, or just the state without a detail. */
        @Override
        public String toString() {
            return detail == null || detail.isEmpty() ? state.name() : state + " (" + detail + ")";
        }
    }

    /**
     * A URI that cannot be opened: malformed, rejected by its transport, or a scheme no installed
     * transport serves. The message is the one line the user sees.
     */
    public static final class UnusableUri extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableUri(String message) {
            super(message);
        }
    }

    private final String uri;
    private final Connection connection;
    private final Object lock = new Object();
    private final Queue<StateChange> changes = new ConcurrentLinkedQueue<>();
    private final Subscription stateSubscription;
    private volatile boolean connected;
    /** The connection reported CONNECTED (a short replay may be CLOSED by the time it is looked at). */
    private volatile boolean sawConnected;
    private volatile long connectedNanos;
    /** When the source ended by itself (CLOSED not asked for by {@link #close()}), or 0. */
    private volatile long endedNanos;
    /** Set by the state listener once it has queued a CLOSED or FAILED change. */
    private volatile boolean endReported;
    private volatile boolean closing;
    private volatile boolean replay;

    private LiveConnection(String uri, Connection connection) {
        this.uri = uri;
        this.connection = connection;
        this.replay = REPLAY_SCHEMES.contains(connection.uri().scheme());
        this.stateSubscription = connection.onStateChange(this::changed);
    }

    /** Schemes of recorded sources: their end is said with the frames replayed per second. */
    private static final java.util.Set<String> REPLAY_SCHEMES = java.util.Set.of("replay", "snapshot");

    /**
     * Opens {@code uri}.
     *
     * @throws UnusableUri when the URI is malformed, its transport rejects it, or no transport
     *                      serves its scheme
     */
    public static LiveConnection open(Connections connections, String uri) throws UnusableUri {
        Connection c;
        try {
            c = connections.open(uri);
        } catch (InvalidUriException e) {
            throw new UnusableUri(e.getMessage());
        }
        if (c.state() == ConnectionState.WAITING_FOR_TRANSPORT) {
            String detail = c.stateDetail();
            c.close();
            throw new UnusableUri("cannot open '" + uri + "': " + detail);
        }
        return new LiveConnection(uri, c);
    }

    private void changed(ConnectionState state, String detail) {
        if (connected || sawConnected) {
            changes.add(new StateChange(state, detail));
        }
        long now = System.nanoTime();
        if (state == ConnectionState.CONNECTED && !sawConnected) {
            connectedNanos = now;
            sawConnected = true;
        } else if (state == ConnectionState.CLOSED && !closing && sawConnected && endedNanos == 0) {
            endedNanos = now;
        }
        if (state == ConnectionState.CLOSED || state == ConnectionState.FAILED) {
            endReported = true;
        }
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    public Connection connection() {
        return connection;
    }

    /** The URI as the user gave it. */
    public String uri() {
        return uri;
    }

    /**
     * Waits until the connection is {@link ConnectionState#CONNECTED}; returns false when
     * {@code stop} ends the wait first. Call it once the command has subscribed: a replayed log
     * or snapshot ({@link PlaybackControl}) is held paused until then and resumed here, so no
     * frame of it is missed.
     *
     * @throws CommandFailure when it fails or closes, or is not connected within {@code timeout}
     */
    public boolean awaitConnected(Duration timeout, StopSignal stop) throws CommandFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                ConnectionState state = connection.state();
                switch (state) {
                    case CONNECTED -> {
                        if (connectedNanos == 0) {
                            connectedNanos = System.nanoTime();
                        }
                        connected = true;
                        sawConnected = true;
                        // a replay waits, paused, until its consumers have subscribed: they have now
                        connection.control(PlaybackControl.class).ifPresent(playback -> {
                            replay = true;
                            connectedNanos = System.nanoTime(); // the replay's time runs from here
                            playback.resume();
                        });
                        return true;
                    }
                    case FAILED -> throw new CommandFailure("cannot connect to " + uri + ": " + connection.stateDetail());
                    case CLOSED -> {
                        if (sawConnected) { // a short replay that has already ended
                            connected = true;
                            return true;
                        }
                        throw new CommandFailure("cannot connect to " + uri + ": closed before it connected"
                            + detail(connection.stateDetail()));
                    }
                    default -> {
                        // CONNECTING, RECONNECTING, WAITING_FOR_TRANSPORT: wait
                    }
                }
                if (stop.stopped()) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new CommandFailure("cannot connect to " + uri + ": still " + state + " after "
                            + text(timeout) + detail(connection.stateDetail()));
                }
                try {
                    lock.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String detail(String detail) {
        return detail == null || detail.isEmpty() ? "" : " (" + detail + ")";
    }

    /** The state changes since the connection came up, oldest first, each returned once. */
    public List<StateChange> takeChanges() {
        List<StateChange> taken = new ArrayList<>();
        StateChange c;
        while ((c = changes.poll()) != null) {
            taken.add(c);
        }
        return taken;
    }

    /**
     * True when the connection will deliver no more frames: closed (a finite source ended) or failed.
     * The state is set before its listeners hear of it: this waits (at most 1 s) for this object's
     * listener, so that the end's {@link #takeChanges() change} and {@link #replaySummary() summary}
     * are there when it returns true.
     */
    public boolean ended() throws InterruptedException {
        ConnectionState s = connection.state();
        if (s != ConnectionState.CLOSED && s != ConnectionState.FAILED) {
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        synchronized (lock) {
            while (!endReported && System.nanoTime() < deadline) {
                lock.wait(10);
            }
        }
        return true;
    }

    /**
     * {@code replayed N frames in T s (R frames/s)} once a replayed log or snapshot has ended by
     * itself (not when the command stopped it); the time runs from CONNECTED to CLOSED.
     */
    public Optional<String> replaySummary() {
        long ended = endedNanos;
        if (!replay || ended == 0 || connectedNanos == 0) {
            return Optional.empty();
        }
        long frames = connection.statistics().rxFrames();
        double seconds = Math.max(ended - connectedNanos, 1) / 1e9;
        return Optional.of(String.format(Locale.ROOT, "replayed %d %s in %.2f s (%,d frames/s)", frames,
                frames == 1 ? "frame" : "frames", seconds, Math.round(frames / seconds)));
    }

    @Override
    public void close() {
        closing = true;
        stateSubscription.close();
        connection.close();
    }
}
