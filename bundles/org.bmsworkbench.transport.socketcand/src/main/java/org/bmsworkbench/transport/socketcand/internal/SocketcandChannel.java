package org.bmsworkbench.transport.socketcand.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.spi.Reconnection;
import org.bmsworkbench.transport.socketcand.internal.wire.SocketcandCommands;

/**
 * A bus on a socketcand server, in raw mode. Its reader thread reads frames; when the server goes
 * away it reports {@link ConnectionState#RECONNECTING} with the reason and the next try, retries
 * with back-off (the can SPI's {@link Reconnection}), and reports {@link ConnectionState#CONNECTED}
 * when the server is back.
 */
final class SocketcandChannel implements CanChannel {
    private final SocketcandEndpoint endpoint;
    private final Listener listener;
    private final SocketcandTransport.Timing timing;
    private final Consumer<SocketcandChannel> onClose;
    private final Object lock = new Object();
    private final Reconnection reconnection;
    private final Thread reader;
    /** The link frames are read from and sent to; null while reconnecting. */
    private volatile SocketcandLink link;
    /** Guarded by {@link #lock}: the socket being connected, so that {@link #close} can abort it. */
    private Socket connecting;
    private volatile boolean closed;

    private SocketcandChannel(SocketcandEndpoint endpoint, Listener listener, SocketcandTransport.Timing timing,
            Consumer<SocketcandChannel> onClose) {
        this.endpoint = endpoint;
        this.listener = listener;
        this.timing = timing;
        this.onClose = onClose;
        this.reconnection = new Reconnection(timing.firstDelayMillis(), timing.maxDelayMillis(), listener,
                (why, first, retryIn) -> endpoint.server() + " " + why + ", retrying in " + retryIn);
        this.reader = new Thread(this::run, "bmswb-socketcand-" + endpoint.host() + ":" + endpoint.port() + "/"
                + endpoint.bus());
        reader.setDaemon(true);
    }

    /**
     * Connects and completes the handshake on the calling thread, then starts the reader.
     *
     * @throws IOException when the server cannot be reached or refuses the bus; the message says which and why
     */
    static SocketcandChannel open(SocketcandEndpoint endpoint, Listener listener, SocketcandTransport.Timing timing,
            Consumer<SocketcandChannel> onClose) throws IOException {
        SocketcandChannel channel = new SocketcandChannel(endpoint, listener, timing, onClose);
        try {
            channel.link = SocketcandLink.connect(endpoint, timing, listener, channel::connecting);
        } catch (SocketcandLink.LinkFailure e) {
            throw new IOException(endpoint.server() + " " + e.getMessage(), e);
        }
        channel.reader.start();
        return channel;
    }

    private void connecting(Socket socket) {
        synchronized (lock) {
            connecting = socket;
            if (closed) {
                closeQuietly(socket);
            }
        }
    }

    private void run() {
        SocketcandLink current = link;
        while (current != null) {
            String lost = current.pump();
            current.close();
            link = null;
            if (closed) {
                return;
            }
            current = reconnect(lost);
            if (current != null && !closed) {
                link = current;
                listener.onState(ConnectionState.CONNECTED, "reconnected to " + endpoint);
            }
        }
    }

    /** Retries with back-off until connected (the link) or closed (null). */
    private SocketcandLink reconnect(String lost) {
        return reconnection.retry(lost, () -> SocketcandLink.connect(endpoint, timing, listener, this::connecting));
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        byte[] command;
        try {
            command = SocketcandCommands.send(frame);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        SocketcandLink l = link;
        if (l == null || closed) {
            throw new IOException(endpoint.server() + ": " + (closed ? "channel closed" : "not connected (reconnecting)")
                    + "; cannot send " + frame);
        }
        try {
            l.write(command);
        } catch (IOException e) {
            throw new IOException(endpoint.server() + ": cannot send " + frame + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int bitrate() {
        return endpoint.bitrate();
    }

    @Override
    public void close() {
        Socket aborted;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            aborted = connecting;
        }
        reconnection.close();
        closeQuietly(aborted);
        SocketcandLink l = link;
        if (l != null) {
            l.close();
        }
        if (Thread.currentThread() != reader && reader.isAlive()) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        onClose.accept(this);
    }

    /** The reader thread (for tests). */
    Thread reader() {
        return reader;
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
