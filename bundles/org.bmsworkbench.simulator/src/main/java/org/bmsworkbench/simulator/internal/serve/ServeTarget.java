package org.bmsworkbench.simulator.internal.serve;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code bmswb simulate --serve} offers the device: {@code slcan:PATH} (one end of a
 * pseudo-terminal pair, relative paths against the working directory), {@code serial:PATH} (the
 * UART of a simulated JBD or Daly on one end of a pseudo-terminal pair) or
 * {@code socketcand://HOST:PORT[/BUS]} (port 0 = any free port, bus {@code can0} unless named).
 */
public sealed interface ServeTarget {
    /** socketcand's usual port. */
    int SOCKETCAND_PORT = 29536;
    String DEFAULT_BUS = "can0";
    String USAGE = "expected slcan:PATH, serial:PATH or socketcand://HOST:PORT[/BUS]";

    /** An endpoint for this target, not yet started. */
    ServedEndpoint endpoint(Path workingDirectory, int busBitrate, ServedEndpoint.Bus bus);

    /** Whether it carries a byte stream (a UART) rather than CAN frames. */
    default boolean byteStream() {
        return false;
    }

    /** A simulated JBD's or Daly's UART on the pseudo-terminal at {@code path}. */
    record Serial(String path) implements ServeTarget {
        @Override
        public ServedEndpoint endpoint(Path workingDirectory, int busBitrate, ServedEndpoint.Bus bus) {
            Path pty = workingDirectory.resolve(path);
            String port = pty.getFileName() == null ? "pty" : pty.getFileName().toString();
            return new SerialPtyEndpoint(pty, "serial:" + path, port, bus);
        }

        @Override
        public boolean byteStream() {
            return true;
        }
    }

    /** SLCAN on the pseudo-terminal at {@code path}. */
    record Slcan(String path) implements ServeTarget {
        @Override
        public ServedEndpoint endpoint(Path workingDirectory, int busBitrate, ServedEndpoint.Bus bus) {
            return new SlcanPtyEndpoint(workingDirectory.resolve(path), "slcan:" + path, busBitrate, bus);
        }
    }

    /** A socketcand server on {@code host:port} offering bus {@code bus}. */
    record Socketcand(String host, int port, String bus) implements ServeTarget {
        @Override
        public ServedEndpoint endpoint(Path workingDirectory, int busBitrate, ServedEndpoint.Bus listener) {
            return new SocketcandServer(new InetSocketAddress(host, port), bus, listener);
        }
    }

    /**
     * Reads a {@code --serve} value.
     *
     * @throws IllegalArgumentException with a one-line message naming what is wrong
     */
    static ServeTarget parse(String text) {
        String t = text.strip();
        if (t.startsWith("slcan:")) {
            String path = t.substring("slcan:".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("'" + t + "': missing the pseudo-terminal's path, e.g. slcan:/tmp/bms");
            }
            if (path.indexOf('?') >= 0) {
                throw new IllegalArgumentException("'" + t + "': slcan takes a path only, no options (the host sets the bit rate)");
            }
            return new Slcan(path);
        }
        if (t.startsWith("serial:")) {
            String path = t.substring("serial:".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("'" + t + "': missing the pseudo-terminal's path, e.g. serial:/tmp/bms");
            }
            if (path.indexOf('?') >= 0) {
                throw new IllegalArgumentException("'" + t + "': serial takes a path only, no options (a pty has no baud rate)");
            }
            return new Serial(path);
        }
        if (t.startsWith("socketcand://")) {
            return socketcand(t, t.substring("socketcand://".length()));
        }
        throw new IllegalArgumentException("'" + t + "': " + USAGE);
    }

    private static Socketcand socketcand(String t, String rest) {
        Matcher m = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:/\\[\\]]+)(?::([0-9]{1,5}))?(?:/(.*))?").matcher(rest);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + t + "': " + USAGE + ", e.g. socketcand://127.0.0.1:29536/can0");
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        int port = m.group(2) == null ? SOCKETCAND_PORT : Integer.parseInt(m.group(2));
        if (port > 65535) {
            throw new IllegalArgumentException("'" + t + "': port " + port + " is outside 0..65535");
        }
        String bus = m.group(3) == null || m.group(3).isEmpty() ? DEFAULT_BUS : m.group(3);
        if (!bus.matches("[A-Za-z0-9_.-]{1,16}")) {
            throw new IllegalArgumentException("'" + t + "': bus name '" + bus
                    + "' must be 1 to 16 letters, digits, '_', '.' or '-' (e.g. can0)");
        }
        return new Socketcand(host, port, bus);
    }
}
