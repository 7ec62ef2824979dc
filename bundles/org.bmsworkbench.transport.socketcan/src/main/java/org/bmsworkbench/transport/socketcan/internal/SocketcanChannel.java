package org.bmsworkbench.transport.socketcan.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.spi.Reconnection;

/**
 * One SocketCAN interface. Its reader thread receives frames; when the interface goes down or
 * away it reports {@link ConnectionState#RECONNECTING} with the reason, looks at the interface
 * again after a back-off (the can SPI's {@link Reconnection}), and reopens the socket when the
 * interface is up again.
 */
final class SocketcanChannel implements CanChannel {
    private final String name;
    private final Listener listener;
    private final CanInterfaces interfaces;
    private final RawSocket.Opener opener;
    private final SocketcanTransport.Timing timing;
    private final int bitrate;
    private final Consumer<SocketcanChannel> onClose;
    private final Object lock = new Object();
    private final Reconnection reconnection;
    private final Thread reader;
    private volatile RawSocket socket;
    private volatile boolean closed;

    SocketcanChannel(String name, RawSocket first, Listener listener, CanInterfaces interfaces, RawSocket.Opener opener,
            SocketcanTransport.Timing timing, int bitrate, Consumer<SocketcanChannel> onClose) {
        this.name = name;
        this.socket = first;
        this.listener = listener;
        this.interfaces = interfaces;
        this.opener = opener;
        this.timing = timing;
        this.bitrate = bitrate;
        this.onClose = onClose;
        this.reconnection = new Reconnection(timing.firstDelayMillis(), timing.maxDelayMillis(), listener,
                (why, isFirst, retryIn) -> "socketcan " + why + ", retrying in " + retryIn);
        this.reader = new Thread(this::run, "bmswb-socketcan-" + name);
        reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    private void run() {
        RawSocket current = socket;
        while (current != null) {
            String lost = pump(current);
            socket = null;
            current.close();
            if (closed) {
                return;
            }
            current = reopen(lost);
            if (current != null) {
                socket = current;
                listener.onState(ConnectionState.CONNECTED, "interface " + name + " is up again");
            }
        }
    }

    /** Receives until the socket fails (returns why) or the channel is closed (returns null). */
    private String pump(RawSocket s) {
        while (!closed) {
            try {
                CanFrame frame = s.receive();
                int dropped = s.takeDropped();
                if (dropped > 0) {
                    listener.onTransportError("socketcan " + name + ": the kernel dropped " + dropped
                            + (dropped == 1 ? " frame" : " frames") + " (the receive queue was full)");
                }
                if (frame != null) {
                    listener.onFrame(frame);
                }
            } catch (IOException e) {
                return describe(e);
            }
        }
        return null;
    }

    private String describe(IOException e) {
        String m = String.valueOf(e.getMessage());
        Optional<CanInterfaces.NetInterface> now = interfaces.lookup(name);
        if (now.isEmpty()) {
            return "interface " + name + " is gone";
        }
        if (!now.get().isUp()) {
            return "interface " + name + " went down";
        }
        return "interface " + name + " failed (" + m + ")";
    }

    /** Looks at the interface after each back-off; reopens when it is up. Null when closed. */
    private RawSocket reopen(String lost) {
        return reconnection.retry(lost, () -> {
            Optional<CanInterfaces.NetInterface> now = interfaces.lookup(name);
            if (now.isEmpty()) {
                throw new IOException("interface " + name + " is gone");
            }
            if (!now.get().isUp()) {
                throw new IOException("interface " + name + " is down");
            }
            try {
                return opener.open(name);
            } catch (IOException e) {
                throw new IOException("interface " + name + " does not open (" + e.getMessage() + ")", e);
            }
        });
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        if (frame.error()) {
            throw new IOException("socketcan " + name + ": an error frame cannot be sent (" + frame + ")");
        }
        RawSocket s = socket;
        if (s == null || closed) {
            throw new IOException("socketcan " + name + ": " + (closed ? "channel closed" : "interface not up (reconnecting)")
                    + "; cannot send " + frame);
        }
        try {
            s.send(frame);
        } catch (IOException e) {
            throw new IOException("socketcan " + name + ": cannot send " + frame + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int bitrate() {
        return bitrate;
    }

    /** Stops the reader (it notices within the socket's receive timeout) and closes the socket. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        reconnection.close();
        if (Thread.currentThread() != reader && reader.isAlive()) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!reader.isAlive()) {
            RawSocket s = socket;
            if (s != null) {
                s.close(); // never started, or the reader ended without closing it
            }
        }
        onClose.accept(this);
    }

    Thread reader() {
        return reader;
    }

    @Override
    public String toString() {
        return "socketcan:" + name;
    }
}
