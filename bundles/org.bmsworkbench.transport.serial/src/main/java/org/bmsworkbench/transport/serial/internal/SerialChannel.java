package org.bmsworkbench.transport.serial.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.can.spi.Reconnection;
import org.bmsworkbench.serialport.SerialLine;
import org.bmsworkbench.serialport.SerialPorts;

/**
 * One serial line to a BMS. The reader thread ({@code bmswb-serial-NAME}) reports each read as
 * a {@linkplain CanFrame#chunk chunk} ({@code RX}, the port's file name as its bus, the host time of
 * arrival) and, when the port fails (unplugged), reports {@link ConnectionState#RECONNECTING} and
 * reopens it with back-off until it is back, then reports {@link ConnectionState#CONNECTED} (the
 * loop is the can SPI's {@link Reconnection}). {@link #send} writes a chunk's bytes from the
 * caller's thread. The channel offers {@link StreamLink} through {@link #control}.
 */
final class SerialChannel implements CanChannel {

    /** Retry back-off of one channel. */
    record Timing(long retryInitialMillis, long retryMaxMillis) {
        static final Timing DEFAULT = new Timing(500, 5000);
    }

    private final SerialSettings settings;
    private final SerialPorts ports;
    private final Listener listener;
    private final Reconnection reconnection;
    private final Consumer<SerialChannel> onClose;
    private final String portName;
    private final long epochMicrosAtNanoZero = System.currentTimeMillis() * 1000 - System.nanoTime() / 1000;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object writeLock = new Object();
    /** The open port; null while reconnecting. Guarded by {@link #writeLock}. */
    private SerialLine line;
    private Thread reader;

    SerialChannel(SerialSettings settings, SerialPorts ports, Listener listener, Timing timing,
            Consumer<SerialChannel> onClose) {
        this.settings = settings;
        this.ports = ports;
        this.listener = listener;
        this.reconnection = new Reconnection(timing.retryInitialMillis(), timing.retryMaxMillis(), listener,
                (why, first, retryIn) -> "port " + settings.port() + (first ? " gone" : " still gone") + " (" + why
                        + "), retrying in " + retryIn);
        this.onClose = onClose;
        this.portName = settings.link().port();
    }

    /** Opens the port, then starts the reader. */
    void start() throws IOException {
        connect();
        reader = new Thread(this::run, "bmswb-serial-" + portName);
        reader.setDaemon(true);
        reader.start();
    }

    private SerialLine connect() throws IOException {
        SerialLine l = ports.open(settings.port(), settings.baud(), settings.parityBit(), settings.stopBits());
        synchronized (writeLock) {
            if (closed.get()) {
                l.close();
                throw new IOException("serial:" + settings.port() + " was closed while opening");
            }
            line = l;
        }
        return l;
    }

    private void run() {
        SerialLine l;
        synchronized (writeLock) {
            l = line;
        }
        byte[] buffer = new byte[CanFrame.MAX_CHUNK_LENGTH];
        while (l != null && !closed.get()) {
            try {
                while (!closed.get()) {
                    int n = l.read(buffer);
                    if (n > 0) {
                        deliver(Arrays.copyOf(buffer, n));
                    }
                }
            } catch (IOException e) {
                release(l);
                l = closed.get() ? null : reconnection.retry(e.getMessage(), this::connect);
                if (l != null) {
                    listener.onState(ConnectionState.CONNECTED, "reconnected to " + settings.port() + " at "
                            + settings.lineLabel());
                }
            }
        }
        if (l != null) {
            release(l);
        }
    }

    private void deliver(byte[] bytes) {
        long now = epochMicrosAtNanoZero + System.nanoTime() / 1000;
        CanFrame chunk = CanFrame.chunk(now, portName, Direction.RX, bytes);
        try {
            listener.onFrame(chunk);
        } catch (RuntimeException e) {
            listener.onTransportError(settings.port() + ": a receiver failed on " + chunk + ": " + e);
        }
    }

    private void release(SerialLine l) {
        synchronized (writeLock) {
            if (line == l) {
                line = null;
            }
        }
        l.close();
    }

    /** Writes a chunk's bytes; a CAN frame is refused (a serial line carries bytes, not frames). */
    @Override
    public void send(CanFrame frame) throws IOException {
        if (!frame.chunk()) {
            throw new IOException("serial:" + settings.port() + " carries bytes, not CAN frames; cannot send " + frame);
        }
        if (settings.listenOnly()) {
            throw new IOException("serial:" + settings.port() + " is open listen-only (mode=listen-only); cannot send "
                    + frame);
        }
        synchronized (writeLock) {
            if (closed.get()) {
                throw new IOException("serial:" + settings.port() + " is closed; cannot send " + frame);
            }
            if (line == null) {
                throw new IOException("port " + settings.port() + " is gone (reconnecting); cannot send " + frame);
            }
            line.write(frame.data(), frame.length());
        }
    }

    @Override
    public <T> Optional<T> control(Class<T> type) {
        return type == StreamLink.class ? Optional.of(type.cast(settings.link())) : Optional.empty();
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
                release(l);
            }
        }
        onClose.accept(this);
    }

    /** Whether the reader thread still runs (for tests). */
    boolean readerAlive() {
        Thread r = reader;
        return r != null && r.isAlive();
    }

    @Override
    public String toString() {
        return "serial:" + settings.port();
    }
}
