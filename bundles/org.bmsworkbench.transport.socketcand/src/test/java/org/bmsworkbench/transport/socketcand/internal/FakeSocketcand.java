package org.bmsworkbench.transport.socketcand.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A socketcand server for tests, on loopback: each accepted client is handed to a script (by
 * default socketcand's handshake for bus can0), then to the test as a {@link Peer}.
 */
final class FakeSocketcand implements AutoCloseable {
    /** What happens on a new connection before the test takes it; return false to hang up. */
    interface Script {
        boolean run(Peer peer) throws IOException;
    }

    /** socketcand's greeting and the two ok's, for bus can0. */
    static final Script HANDSHAKE = peer -> {
        peer.write("< hi >");
        if (!peer.element().equals("< open can0 >")) {
            peer.write("< error could not open bus >");
            return false;
        }
        peer.write("< ok >");
        if (!peer.element().equals("< rawmode >")) {
            return false;
        }
        peer.write("< ok >");
        return true;
    };

    private final ServerSocket server;
    private final Script script;
    private final Thread acceptor;
    private final BlockingQueue<Peer> peers = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    FakeSocketcand(int port, Script script) throws IOException {
        this.script = script;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        acceptor = new Thread(this::accept, "fake-socketcand-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    FakeSocketcand() throws IOException {
        this(0, HANDSHAKE);
    }

    int port() {
        return server.getLocalPort();
    }

    String uri() {
        return "socketcand://127.0.0.1:" + port() + "/can0";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Peer peer = new Peer(s);
                s.setSoTimeout(20_000);
                if (script.run(peer)) {
                    peers.add(peer);
                } else {
                    s.close();
                }
            } catch (IOException e) {
                // closed, or a client that went away during the script
            }
        }
    }

    /** The next client that went through the script. */
    Peer nextPeer() throws InterruptedException {
        Peer p = peers.poll(20, TimeUnit.SECONDS);
        if (p == null) {
            throw new AssertionError("no client connected to the fake socketcand within 20 s");
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connected client, seen from the server. */
    static final class Peer {
        final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** The next {@code < … >} element the client sent. */
        String element() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '<') {
                    sb.setLength(0);
                }
                sb.append((char) c);
                if (c == '>') {
                    return sb.toString();
                }
            }
            throw new IOException("the client closed the connection after '" + sb + "'");
        }

        void close() throws IOException {
            socket.close();
        }
    }
}
