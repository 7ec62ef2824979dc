package org.bmsworkbench.simulator.internal.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain socketcand client for tests: writes commands, reads one {@code < … >} element at a time. */
final class SocketcandClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SocketcandClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The next element, or null at the end of the stream. */
    String next() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '<') {
            // between elements
        }
        if (c < 0) {
            return null;
        }
        sb.append('<');
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (c == '>') {
                return sb.toString();
            }
        }
        return null;
    }

    /** The next element that is not a frame. */
    String nextReply() throws IOException {
        String e;
        while ((e = next()) != null && e.startsWith("< frame ")) {
            // skip frames
        }
        return e;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
