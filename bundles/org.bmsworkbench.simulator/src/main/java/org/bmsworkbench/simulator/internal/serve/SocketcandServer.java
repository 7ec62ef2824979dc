package org.bmsworkbench.simulator.internal.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanFrame;

/**
 * A socketcand server offering one bus with the served device on it: any number of clients,
 * each with its own {@link SocketcandSession}. Frames of the device go to every client that
 * takes them; a frame a client sends goes to the device and, as on a real bus, to the other
 * clients (not back to its sender). A client that leaves does not stop the server.
 *
 * <p>Threads: the acceptor ({@code bmswb-serve-socketcand}); per client a reader
 * ({@code bmswb-serve-socketcand-N}) and a writer ({@code bmswb-serve-socketcand-N-writer}),
 * which drops frames for a client that does not read.
 */
public final class SocketcandServer implements ServedEndpoint {
    /** Frame elements that may wait for one client that does not read. */
    static final int FRAME_BACKLOG = 4000;

    private final InetSocketAddress bind;
    private final String busName;
    private final Bus bus;
    private final Set<Client> clients = new CopyOnWriteArraySet<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicInteger clientNumbers = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private ServerSocket server;
    private Thread acceptor;

    /**
     * @param bind    where to listen (port 0: any free port, see {@link #port()})
     * @param busName the bus clients open (e.g. {@code can0})
     */
    public SocketcandServer(InetSocketAddress bind, String busName, Bus bus) {
        this.bind = bind;
        this.busName = busName;
        this.bus = bus;
    }

    @Override
    public void start() throws IOException {
        if (bind.isUnresolved()) {
            throw new IOException("unknown host " + bind.getHostString());
        }
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(bind);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot listen on " + bind.getHostString() + ":" + bind.getPort() + ": "
                    + e.getMessage(), e);
        }
        server = s;
        acceptor = new Thread(this::acceptLoop, "bmswb-serve-socketcand");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port listened on (the chosen one when bound to port 0). */
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closing.get()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closing.get()) {
                    bus.failed("socketcand server on " + address() + " stopped accepting: " + e.getMessage());
                }
                return;
            }
            try {
                socket.setTcpNoDelay(true);
                Client c = new Client(socket, clientNumbers.incrementAndGet());
                clients.add(c);
                c.start();
                bus.event("client " + c.peer + " connected");
            } catch (IOException e) {
                bus.event("client " + socket.getRemoteSocketAddress() + " could not be served: " + e.getMessage());
                closeQuietly(socket);
            }
        }
    }

    @Override
    public void deliver(CanFrame frame) {
        for (Client c : clients) {
            c.offer(frame);
        }
    }

    private void fromClient(Client sender, CanFrame frame) {
        received.incrementAndGet();
        bus.fromPeer(frame);
        for (Client c : clients) {
            if (c != sender) {
                c.offer(frame);
            }
        }
    }

    @Override
    public String address() {
        String host = bind.getAddress() != null && bind.getAddress().getHostAddress().contains(":")
                ? "[" + bind.getAddress().getHostAddress() + "]" : bind.getHostString();
        return "socketcand://" + host + ":" + (server != null ? port() : bind.getPort()) + "/" + busName;
    }

    @Override
    public String summary() {
        return address() + ": " + clientNumbers.get() + " clients, " + sent.get() + " frames sent to them, "
                + received.get() + " received from them"
                + (dropped.get() > 0 ? ", " + dropped.get() + " dropped (a client did not read)" : "");
    }

    /** Clients connected now (for tests). */
    int clientCount() {
        return clients.size();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
        for (Client c : clients) {
            c.close();
        }
        if (acceptor != null) {
            try {
                acceptor.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    /** One connected client: its session, reader thread and writer. */
    private final class Client {
        final Socket socket;
        final String peer;
        final SocketcandSession session;
        final OutboundLines out;
        final Thread reader;
        final AtomicBoolean closed = new AtomicBoolean();

        Client(Socket socket, int number) throws IOException {
            this.socket = socket;
            this.peer = String.valueOf(socket.getRemoteSocketAddress()).replaceFirst("^/", "");
            this.session = new SocketcandSession(busName);
            String name = "bmswb-serve-socketcand-" + number;
            this.out = new OutboundLines(socket.getOutputStream(), FRAME_BACKLOG, name + "-writer",
                    e -> disconnect("cannot write to it: " + e.getMessage()));
            this.reader = new Thread(this::readLoop, name);
            reader.setDaemon(true);
        }

        void start() {
            out.start();
            out.reply(SocketcandSession.greeting());
            reader.start();
        }

        /** Under the client's lock, so that no frame slips in between a mode switch and its {@code < ok >}. */
        synchronized void offer(CanFrame frame) {
            byte[] line = session.frameLine(frame);
            if (line == null) {
                return;
            }
            if (out.offerFrame(line)) {
                sent.incrementAndGet();
            } else if (!closed.get()) {
                dropped.incrementAndGet();
            }
        }

        private synchronized SocketcandSession.Output take(byte[] buffer, int n) {
            SocketcandSession.Output output = session.receive(buffer, 0, n);
            out.reply(output.replies());
            return output;
        }

        private void readLoop() {
            byte[] buffer = new byte[1024];
            try (InputStream in = socket.getInputStream()) {
                while (!closed.get()) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        disconnect("disconnected");
                        return;
                    }
                    SocketcandSession.Output output = take(buffer, n);
                    output.frames().forEach(frame -> fromClient(this, frame));
                    if (output.hangUp()) {
                        // let the writer send the error before the socket closes
                        out.awaitDrained(1000);
                        disconnect("refused: it asked for a bus other than " + busName);
                        return;
                    }
                }
            } catch (SocketException e) {
                disconnect("disconnected");
            } catch (IOException e) {
                disconnect("disconnected: " + e.getMessage());
            }
        }

        void disconnect(String why) {
            if (close() && !closing.get()) {
                bus.event("client " + peer + " " + why);
            }
        }

        /** True for the call that closed it. */
        boolean close() {
            if (!closed.compareAndSet(false, true)) {
                return false;
            }
            clients.remove(this);
            out.close();
            closeQuietly(socket);
            return true;
        }
    }
}
