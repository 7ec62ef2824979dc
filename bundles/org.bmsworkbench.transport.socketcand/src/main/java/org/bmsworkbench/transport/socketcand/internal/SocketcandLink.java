package org.bmsworkbench.transport.socketcand.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.transport.socketcand.internal.wire.SocketcandCommands;
import org.bmsworkbench.transport.socketcand.internal.wire.SocketcandParser;

/**
 * One TCP connection to a socketcand server: connect, the handshake ({@code < hi >},
 * {@code < open BUS >} → {@code < ok >}, {@code < rawmode >} → {@code < ok >}), then frames until
 * the connection ends. Runs on the channel's reader thread; {@link #write} may be called from others.
 */
final class SocketcandLink implements SocketcandParser.Handler {
    private enum Stage { GREETING, OPENING, RAWMODE, RAW }

    /** The connection could not be made or ended; the message is the reason, e.g. "refused the connection". */
    static final class LinkFailure extends IOException {
        private static final long serialVersionUID = 1L;

        LinkFailure(String reason) {
            super(reason);
        }
    }

    private final SocketcandEndpoint endpoint;
    private final CanChannel.Listener listener;
    private final Socket socket;
    private final SocketcandParser parser;
    private final byte[] buffer = new byte[16 * 1024];
    private final Object writeLock = new Object();
    private Stage stage = Stage.GREETING;
    private String failure;

    private SocketcandLink(SocketcandEndpoint endpoint, CanChannel.Listener listener, Socket socket) {
        this.endpoint = endpoint;
        this.listener = listener;
        this.socket = socket;
        this.parser = new SocketcandParser(endpoint.bus(), this);
    }

    /**
     * Connects and completes the handshake within the timeouts.
     *
     * @param register told of the socket before connecting, so that a close from another thread can abort it
     * @throws LinkFailure with the reason, when it cannot
     */
    static SocketcandLink connect(SocketcandEndpoint endpoint, SocketcandTransport.Timing timing,
            CanChannel.Listener listener, Consumer<Socket> register) throws LinkFailure {
        Socket socket = new Socket();
        register.accept(socket);
        SocketcandLink link = new SocketcandLink(endpoint, listener, socket);
        try {
            InetSocketAddress address = new InetSocketAddress(endpoint.hostName(), endpoint.port());
            if (address.isUnresolved()) {
                throw new LinkFailure("is unknown: no address for host " + endpoint.hostName());
            }
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(address, timing.connectMillis());
            socket.setSoTimeout(timing.handshakeMillis());
            link.handshake();
            socket.setSoTimeout(0);
            return link;
        } catch (LinkFailure e) {
            link.close();
            throw e;
        } catch (ConnectException e) {
            link.close();
            throw new LinkFailure("refused the connection");
        } catch (SocketTimeoutException e) {
            link.close();
            throw new LinkFailure(link.stage == Stage.GREETING && !socket.isConnected()
                    ? "did not answer within " + seconds(timing.connectMillis())
                    : "did not complete the handshake within " + seconds(timing.handshakeMillis())
                            + " (waiting for " + link.awaited() + "; is it a socketcand server?)");
        } catch (NoRouteToHostException | UnknownHostException e) {
            link.close();
            throw new LinkFailure("is unreachable (" + e.getMessage() + ")");
        } catch (IOException e) {
            link.close();
            throw new LinkFailure(reason(e));
        }
    }

    private void handshake() throws IOException {
        InputStream in = socket.getInputStream();
        while (stage != Stage.RAW) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new LinkFailure("closed the connection during the handshake (waiting for " + awaited() + ")");
            }
            parser.feed(buffer, 0, n);
            if (failure != null) {
                throw new LinkFailure(failure);
            }
        }
    }

    private String awaited() {
        return switch (stage) {
            case GREETING -> "'< hi >'";
            case OPENING -> "'< ok >' to '< open " + endpoint.bus() + " >'";
            case RAWMODE -> "'< ok >' to '< rawmode >'";
            case RAW -> "frames";
        };
    }

    /**
     * Reads frames until the connection ends.
     *
     * @return why it ended ("closed the connection", "reset the connection", ...)
     */
    String pump() {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    return "closed the connection";
                }
                parser.feed(buffer, 0, n);
            }
        } catch (IOException e) {
            return reason(e);
        }
    }

    void write(byte[] command) throws IOException {
        synchronized (writeLock) {
            OutputStream out = socket.getOutputStream();
            out.write(command);
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    private static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof SocketException && m.toLowerCase(java.util.Locale.ROOT).contains("reset")) {
            return "reset the connection";
        }
        if (m.toLowerCase(java.util.Locale.ROOT).contains("broken pipe")) {
            return "closed the connection";
        }
        return "connection lost (" + m + ")";
    }

    private static String seconds(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    // ---- what the parser finds ----------------------------------------------------------------

    @Override
    public void frame(CanFrame frame) {
        if (stage == Stage.RAW) {
            listener.onFrame(frame);
        }
    }

    @Override
    public void reply(String word, String rest) {
        switch (stage) {
            case GREETING -> expect(word.equals("hi"), word, rest, "'< hi >'", Stage.OPENING, SocketcandCommands.open(endpoint.bus()));
            case OPENING -> expect(word.equals("ok"), word, rest, "'< ok >' to '< open " + endpoint.bus() + " >'",
                    Stage.RAWMODE, SocketcandCommands.RAWMODE);
            case RAWMODE -> expect(word.equals("ok"), word, rest, "'< ok >' to '< rawmode >'", Stage.RAW, null);
            case RAW -> {
                if (word.equals("error")) {
                    listener.onTransportError(endpoint.server() + " answered an error: " + rest);
                } else if (!word.equals("ok") && !word.equals("echo") && !word.equals("stat")) {
                    listener.onTransportError(endpoint.server() + " sent an unexpected element '< " + word
                            + (rest.isEmpty() ? "" : " " + rest) + " >'");
                }
            }
        }
    }

    private void expect(boolean ok, String word, String rest, String what, Stage next, byte[] command) {
        if (failure != null) {
            return;
        }
        if (!ok) {
            failure = word.equals("error")
                    ? (stage == Stage.OPENING ? "refused bus " + endpoint.bus() + ": " : "answered an error: ") + rest
                    : "sent '< " + word + (rest.isEmpty() ? "" : " " + rest) + " >' where " + what
                            + " was expected (is it a socketcand server?)";
            return;
        }
        stage = next;
        if (command != null) {
            try {
                write(command);
            } catch (IOException e) {
                failure = reason(e);
            }
        }
    }

    @Override
    public void malformed(String problem) {
        if (stage == Stage.RAW) {
            listener.onTransportError(endpoint.server() + ": " + problem);
        } else if (failure == null) {
            failure = "sent something that is not socketcand's protocol during the handshake: " + problem;
        }
    }
}
