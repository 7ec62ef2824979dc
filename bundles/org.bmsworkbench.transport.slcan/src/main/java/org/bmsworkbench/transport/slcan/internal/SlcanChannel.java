package org.bmsworkbench.transport.slcan.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.spi.Reconnection;
import org.bmsworkbench.serialport.Parity;
import org.bmsworkbench.serialport.SerialLine;
import org.bmsworkbench.serialport.SerialPorts;
import org.bmsworkbench.transport.slcan.internal.protocol.AdapterClock;
import org.bmsworkbench.transport.slcan.internal.protocol.SlcanDecoder;
import org.bmsworkbench.transport.slcan.internal.protocol.SlcanEncoder;
import org.bmsworkbench.transport.slcan.internal.protocol.StatusFlags;

/**
 * One SLCAN adapter on one serial port. The reader thread ({@code bmswb-slcan-NAME}) decodes
 * what the adapter sends, asks for its status flags ({@code F}) about once a second, and, when
 * the port fails (unplugged), reports {@link ConnectionState#RECONNECTING} and reopens it with
 * back-off until it is back, then initialises the adapter again and reports
 * {@link ConnectionState#CONNECTED} (the loop is the can SPI's {@link Reconnection}). {@link #send}
 * writes from the caller's thread.
 */
final class SlcanChannel implements CanChannel, SlcanDecoder.Handler {
    static final long STATUS_INTERVAL_NANOS = 1_000_000_000L;
    /** Status requests left unanswered before polling stops (adapters without {@code F}, e.g. CANable). */
    static final int STATUS_UNANSWERED_LIMIT = 3;

    /** Timing of one channel: retry back-off and how long replies to the set-up commands are read and dropped. */
    /** The set-up commands that each get a reply: C, S, Z, O (or L). */
    static final int SETUP_COMMANDS = 4;

    record Timing(long retryInitialMillis, long retryMaxMillis, long settleMillis) {
        static final Timing DEFAULT = new Timing(500, 5000, 100);
    }

    private final SlcanSettings settings;
    private final SerialPorts ports;
    private final Listener listener;
    private final Timing timing;
    private final Reconnection reconnection;
    private final Consumer<SlcanChannel> onClose;
    private final SlcanDecoder decoder = new SlcanDecoder(this);
    private final String busName;
    private final long epochMicrosAtNanoZero = System.currentTimeMillis() * 1000 - System.nanoTime() / 1000;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object writeLock = new Object();
    /** Guarded by {@link #writeLock}. */
    private final byte[] sendBuffer = new byte[SlcanEncoder.MAX_FRAME_LINE];
    /** The open port; null while reconnecting. Guarded by {@link #writeLock}. */
    private SerialLine line;
    private Thread reader;

    // reader-thread state (the first connect runs on the opening thread, before the reader starts)
    private AdapterClock clock = new AdapterClock();
    private boolean initialising;
    /**
     * Replies to the set-up commands (C, S, Z, O) not yet seen: on a busy machine they may come
     * after the settle time, and C's BEL on a closed adapter is then no error.
     */
    private int setupReplies;
    private volatile boolean statusPolling;
    private int statusUnanswered;
    private volatile long statusReports;

    SlcanChannel(SlcanSettings settings, SerialPorts ports, Listener listener, Timing timing,
            Consumer<SlcanChannel> onClose) {
        this.settings = settings;
        this.ports = ports;
        this.listener = listener;
        this.timing = timing;
        this.reconnection = new Reconnection(timing.retryInitialMillis(), timing.retryMaxMillis(), listener,
                (why, first, retryIn) -> "port " + settings.port() + (first ? " gone" : " still gone") + " (" + why
                        + "), retrying in " + retryIn);
        this.onClose = onClose;
        this.busName = settings.busName();
    }

    /** Opens and initialises the adapter, then starts the reader. */
    void start() throws IOException {
        connect();
        reader = new Thread(this::run, "bmswb-slcan-" + busName);
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the port and sets the adapter up: close, bit rate, timestamps, open. */
    private SerialLine connect() throws IOException {
        SerialLine l = ports.open(settings.port(), settings.baud(), Parity.NONE, 1);
        decoder.reset();
        clock = new AdapterClock();
        statusPolling = true;
        statusUnanswered = 0;
        initialising = true;
        setupReplies = SETUP_COMMANDS;
        try {
            write(l, SlcanEncoder.FLUSH);
            write(l, SlcanEncoder.CLOSE);
            write(l, SlcanEncoder.bitrate(settings.bitrate()));
            write(l, settings.timestamps() ? SlcanEncoder.TIMESTAMPS_ON : SlcanEncoder.TIMESTAMPS_OFF);
            write(l, settings.listenOnly() ? SlcanEncoder.LISTEN_ONLY : SlcanEncoder.OPEN);
            settle(l);
        } catch (IOException e) {
            l.close();
            throw new IOException("cannot set up the adapter on " + settings.port() + ": " + e.getMessage(), e);
        } finally {
            initialising = false;
        }
        synchronized (writeLock) {
            if (closed.get()) {
                l.close();
                throw new IOException("slcan:" + settings.port() + " was closed while opening");
            }
            line = l;
        }
        return l;
    }

    /** Reads (and drops the replies to the set-up commands) for the settle time; frames pass. */
    private void settle(SerialLine l) throws IOException {
        byte[] buffer = new byte[1024];
        long end = System.nanoTime() + timing.settleMillis() * 1_000_000;
        while (System.nanoTime() < end && !closed.get()) {
            int n = l.read(buffer);
            if (n > 0) {
                decoder.feed(buffer, 0, n);
            }
        }
    }

    private void write(SerialLine l, byte[] bytes) throws IOException {
        synchronized (writeLock) {
            l.write(bytes, bytes.length);
        }
    }

    private void run() {
        SerialLine l;
        synchronized (writeLock) {
            l = line;
        }
        byte[] buffer = new byte[4096];
        while (l != null && !closed.get()) {
            try {
                readUntilClosed(l, buffer);
            } catch (IOException e) {
                release(l, false);
                l = closed.get() ? null : reconnect(e.getMessage());
                if (l != null) {
                    listener.onState(ConnectionState.CONNECTED, "reconnected to " + settings.port() + " at "
                            + settings.bitrate().label());
                }
            }
        }
        if (l != null) {
            release(l, true);
        }
    }

    private void readUntilClosed(SerialLine l, byte[] buffer) throws IOException {
        long nextStatus = System.nanoTime() + STATUS_INTERVAL_NANOS;
        while (!closed.get()) {
            int n = l.read(buffer);
            if (n > 0) {
                decoder.feed(buffer, 0, n);
            }
            long now = System.nanoTime();
            if (statusPolling && now - nextStatus >= 0) {
                nextStatus = now + STATUS_INTERVAL_NANOS;
                if (statusUnanswered >= STATUS_UNANSWERED_LIMIT) {
                    statusPolling = false; // the adapter does not know F
                } else {
                    statusUnanswered++;
                    write(l, SlcanEncoder.STATUS);
                }
            }
        }
    }

    /** Retries with back-off until the port opens again (returns it) or the channel is closed (null). */
    private SerialLine reconnect(String reason) {
        return reconnection.retry(reason, this::connect);
    }

    /** Forgets the port; on an orderly close tells the adapter to close its channel first. */
    private void release(SerialLine l, boolean orderly) {
        synchronized (writeLock) {
            if (line == l) {
                line = null;
            }
            if (orderly) {
                try {
                    l.write(SlcanEncoder.CLOSE, SlcanEncoder.CLOSE.length);
                } catch (IOException e) {
                    // the port is going away anyway
                }
            }
        }
        l.close();
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        if (settings.listenOnly()) {
            throw new IOException("slcan:" + settings.port() + " is open listen-only (mode=listen-only); cannot send "
                    + frame);
        }
        if (frame.error()) {
            throw new IOException("an error frame cannot be sent through an SLCAN adapter: " + frame);
        }
        synchronized (writeLock) {
            if (closed.get()) {
                throw new IOException("slcan:" + settings.port() + " is closed; cannot send " + frame);
            }
            if (line == null) {
                throw new IOException("port " + settings.port() + " is gone (reconnecting); cannot send " + frame);
            }
            int n = SlcanEncoder.frame(frame, sendBuffer);
            line.write(sendBuffer, n);
        }
    }

    @Override
    public int bitrate() {
        return settings.bitrate().bitsPerSecond();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        reconnection.close();
        Thread r = reader;
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (r == null) {
            SerialLine l;
            synchronized (writeLock) {
                l = line;
            }
            if (l != null) {
                release(l, true);
            }
        }
        onClose.accept(this);
    }

    /** Status reports with flags set, so far (for tests). */
    long statusReports() {
        return statusReports;
    }

    boolean statusPolling() {
        return statusPolling;
    }

    // ---- SlcanDecoder.Handler, on the reader thread --------------------------------------

    @Override
    public void frame(int id, boolean extended, boolean remote, int dlc, byte[] data, int timestamp) {
        setupReplies = 0; // frames flow: the channel is open, the set-up is over
        long host = epochMicrosAtNanoZero + System.nanoTime() / 1000;
        long time = settings.timestamps() && timestamp != SlcanDecoder.NO_TIMESTAMP ? clock.toMicros(timestamp, host) : host;
        CanFrame frame = remote ? CanFrame.remote(time, busName, id, extended, dlc)
                : CanFrame.wrap(time, busName, id, extended, data);
        try {
            listener.onFrame(frame);
        } catch (RuntimeException e) {
            listener.onTransportError(settings.port() + ": a receiver failed on " + frame + ": " + e);
        }
    }

    @Override
    public void ok() {
        if (setupReplies > 0) {
            setupReplies--;
        }
    }

    @Override
    public void bell() {
        if (initialising) {
            setupReplies = Math.max(0, setupReplies - 1);
            return; // e.g. C on a closed channel: expected
        }
        if (statusUnanswered > 0) {
            statusPolling = false; // the refused command was F: this adapter does not report status
            statusUnanswered = 0;
            return;
        }
        if (setupReplies > 0) {
            setupReplies--;
            return; // a late reply to the set-up, e.g. C on a closed channel
        }
        listener.onTransportError("the adapter on " + settings.port() + " refused a command (BEL)");
    }

    @Override
    public void status(int flags) {
        statusUnanswered = 0;
        if (flags != 0) {
            statusReports++;
            listener.onTransportError(String.format("the adapter on %s reports %s (F%02X)", settings.port(),
                    StatusFlags.describe(flags), flags));
        }
    }

    @Override
    public void problem(String reason) {
        if (!initialising) {
            listener.onTransportError(settings.port() + ": " + reason);
        }
    }

    @Override
    public String toString() {
        return "slcan:" + settings.port();
    }
}
