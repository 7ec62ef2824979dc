package org.bmsworkbench.transport.replay.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.PlaybackControl;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.log.LogFormat;

/**
 * A recorded log played as a live bus, and its {@link PlaybackControl}. The player thread reads
 * the log, waits for each frame's time scaled by the speed, and hands the frame over with its
 * original timestamp; a second thread indexes the log for seeks ({@link LogIndex}). Both threads
 * are owned by the channel and end with it; at the end of the log the channel reports
 * {@link ConnectionState#CLOSED} ("end of log, N frames") and stops, unless it loops.
 *
 * <p>Control methods set a field under a short lock and wake the player; none waits for it
 * (the {@link PlaybackGate}).
 */
final class ReplayChannel implements CanChannel, PlaybackControl {
    private static final long JOIN_MILLIS = 2_000;
    /** How long a new replay waits, paused, for its consumer to {@link #resume()} it. */
    static final long START_HOLD_NANOS = 1_000_000_000L;

    private final String label;
    private final LogSource source;
    private final LogLayout layout;
    /** Offered for a serial trace: its chunks are a byte stream's (no polling happens on a replay). */
    private final StreamLink streamLink;
    private final LogIndex index;
    private final Listener listener;
    private final Thread player;
    private final Thread indexer;
    private final Consumer<ReplayChannel> finished;

    /** Pause, speed, seek, close and the player's waits; held paused at first, at most {@link #START_HOLD_NANOS}. */
    private final PlaybackGate gate;
    private volatile boolean looping;

    private volatile long position;
    private volatile long played;
    private volatile long completeLapFrames = -1;

    /**
     * @param label    what {@link #send} and the thread names call the channel ({@code replay:x.log})
     * @param finished told once the player has stopped for good (end of log, failure or close)
     */
    ReplayChannel(String label, LogSource source, LogLayout layout, Listener listener, double speed, boolean loop,
            Consumer<ReplayChannel> finished) {
        this(label, source, layout, listener, speed, loop, finished, LogIndex.BLOCK_SIZE);
    }

    /** @param indexBlockSize bytes between two seek checkpoints (small in tests) */
    ReplayChannel(String label, LogSource source, LogLayout layout, Listener listener, double speed, boolean loop,
            Consumer<ReplayChannel> finished, int indexBlockSize) {
        this.finished = finished;
        this.label = label;
        this.source = source;
        this.layout = layout;
        this.streamLink = layout.format() == LogFormat.SERIAL_TRACE && layout.firstBus() != null
                ? new StreamLink(layout.firstBus(), null, StreamLink.DEFAULT_POLL_PERIOD) : null;
        this.index = new LogIndex(source, layout, indexBlockSize);
        this.listener = listener;
        this.gate = new PlaybackGate(speed, this::positionMicros);
        this.looping = loop;
        this.position = layout.startMicros();
        this.player = new Thread(this::play, "bmswb-replay-" + label);
        this.indexer = new Thread(index, "bmswb-replay-index-" + label);
        player.setDaemon(true);
        indexer.setDaemon(true);
    }

    /** Starts both threads; called once. */
    void start() {
        gate.hold(START_HOLD_NANOS);
        indexer.start();
        player.start();
    }

    // ---- the player thread -------------------------------------------------------------------

    private void play() {
        Cursor cursor = null;
        try {
            cursor = open(index.before(Long.MIN_VALUE));
            boolean fromStart = true;
            CanFrame next = null;
            while (!gate.closed()) {
                long target = gate.takeSeek();
                if (target != PlaybackGate.NO_SEEK) {
                    cursor.close();
                    cursor = open(index.before(target));
                    next = skipTo(cursor, target);
                    restart(target);
                    fromStart = false;
                    if (gate.closed()) {
                        return;
                    }
                }
                if (gate.paused() && gate.awaitResume()) {
                    continue;
                }
                if (next == null) {
                    next = cursor.next();
                }
                if (next == null) {
                    if (fromStart) {
                        completeLapFrames = played;
                    }
                    if (looping && (played > 0 || !fromStart)) { // a log without frames ends even so
                        cursor.close();
                        cursor = open(index.before(Long.MIN_VALUE));
                        restart(layout.startMicros());
                        fromStart = true;
                        continue;
                    }
                    index.stop();
                    listener.onState(ConnectionState.CLOSED, "end of log, " + played + (played == 1 ? " frame" : " frames"));
                    return;
                }
                if (!gate.due(next)) {
                    continue; // paused, seeking or closed meanwhile: the frame waits
                }
                listener.onFrame(next);
                if (next.hasTimestamp()) {
                    position = next.timestampMicros();
                }
                played++;
                next = null;
            }
        } catch (IOException | RuntimeException e) {
            if (!gate.closed()) {
                index.stop();
                listener.onState(ConnectionState.FAILED, "cannot read " + source.name() + ": " + e.getMessage());
            }
        } finally {
            if (cursor != null) {
                try {
                    cursor.close();
                } catch (IOException e) {
                    // nothing more is read from it
                }
            }
            finished.accept(this);
        }
    }

    private Cursor open(Checkpoint at) throws IOException {
        return Cursor.open(source, layout, at, listener::onTransportError);
    }

    /** Reads, without telling bad lines, up to the first frame at or after {@code target}; null at the end. */
    private CanFrame skipTo(Cursor cursor, long target) throws IOException {
        cursor.reporting(false);
        try {
            CanFrame f;
            long n = 0;
            while ((f = cursor.next()) != null) {
                if (!f.hasTimestamp() || f.timestampMicros() >= target
                        || (++n & 0xFFF) == 0 && (gate.closed() || gate.seekPending())) {
                    return f;
                }
            }
            return null;
        } finally {
            cursor.reporting(true);
        }
    }

    /** After a seek or a loop: frames count from zero, the clock restarts at the next frame. */
    private void restart(long at) {
        gate.unsetClock();
        played = 0;
        position = at;
    }

    // ---- PlaybackControl ---------------------------------------------------------------------

    @Override
    public void pause() {
        gate.pause();
    }

    @Override
    public void resume() {
        gate.resume();
    }

    @Override
    public boolean isPaused() {
        return gate.paused();
    }

    @Override
    public double speed() {
        return gate.speed();
    }

    @Override
    public void setSpeed(double newSpeed) {
        gate.setSpeed(newSpeed);
    }

    @Override
    public boolean isLooping() {
        return looping;
    }

    @Override
    public void setLooping(boolean loop) {
        looping = loop;
    }

    @Override
    public long startMicros() {
        return layout.startMicros();
    }

    @Override
    public long endMicros() {
        return Math.max(Math.max(index.lastMicros(), position), layout.startMicros());
    }

    @Override
    public long positionMicros() {
        return position;
    }

    @Override
    public long framesPlayed() {
        return played;
    }

    @Override
    public long totalFrames() {
        long total = index.totalFrames();
        return total >= 0 ? total : completeLapFrames;
    }

    @Override
    public void seek(long micros) {
        gate.seek(Math.min(Math.max(micros, startMicros()), endMicros()));
    }

    // ---- CanChannel --------------------------------------------------------------------------

    @Override
    public void send(CanFrame frame) throws IOException {
        throw new IOException(label + " is a recorded log: nothing is sent");
    }

    @Override
    public <T> Optional<T> control(Class<T> type) {
        if (type == StreamLink.class && streamLink != null) {
            return Optional.of(type.cast(streamLink));
        }
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    public void close() {
        if (!gate.close()) {
            return;
        }
        index.stop();
        join(player);
        join(indexer);
    }

    private static void join(Thread t) {
        if (t == Thread.currentThread() || !t.isAlive()) {
            return;
        }
        try {
            t.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Seek checkpoints found so far (for tests). */
    int checkpoints() {
        return index.size();
    }

    /** True while either thread runs (for tests). */
    boolean threadsAlive() {
        return player.isAlive() || indexer.isAlive();
    }

    @Override
    public String toString() {
        return "ReplayChannel[" + label + "]";
    }
}
