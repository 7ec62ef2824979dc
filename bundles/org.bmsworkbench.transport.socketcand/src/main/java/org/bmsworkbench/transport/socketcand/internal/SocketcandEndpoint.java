package org.bmsworkbench.transport.socketcand.internal;

import java.util.Set;
import java.util.regex.Pattern;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;

/**
 * Where a {@code socketcand://HOST[:PORT][/BUS][?bitrate=N]} URI points: the server, the bus it
 * offers, and the nominal bit rate for the bus load estimate (socketcand does not say it).
 */
record SocketcandEndpoint(String host, int port, String bus, int bitrate) {
    static final int DEFAULT_PORT = 29536;
    static final String DEFAULT_BUS = "can0";
    private static final Set<String> OPTIONS = Set.of("bitrate");
    /** socketcand accepts bus names of at most 16 characters. */
    private static final Pattern BUS = Pattern.compile("[A-Za-z0-9_.-]{1,16}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.-]+|\\[[0-9A-Fa-f:.%A-Za-z]+]");
    private static final String EXAMPLE = "socketcand://192.168.1.10:29536/can0";

    /** Checks the URI without any I/O; the messages quote it and name the part at fault. */
    static SocketcandEndpoint of(ConnectionUri uri) {
        uri.requireOnly(OPTIONS);
        String authority = uri.authority();
        if (authority == null) {
            throw new InvalidUriException("'" + uri + "': missing server; write socketcand://HOST:PORT/BUS, e.g. " + EXAMPLE);
        }
        String host = authority;
        int port = DEFAULT_PORT;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && authority.indexOf(']', colon) < 0) {
            host = authority.substring(0, colon);
            port = port(uri, authority.substring(colon + 1));
        }
        if (host.isEmpty() || !HOST.matcher(host).matches()) {
            throw new InvalidUriException("'" + uri + "': '" + host + "' is not a host name or address (e.g. "
                    + EXAMPLE + ", IPv6 in brackets: socketcand://[::1]:29536/can0)");
        }
        String path = uri.path();
        String bus = path.isEmpty() || path.equals("/") ? DEFAULT_BUS : path.substring(path.startsWith("/") ? 1 : 0);
        if (!BUS.matcher(bus).matches()) {
            throw new InvalidUriException("'" + uri + "': bus name '" + bus
                    + "' must be 1 to 16 letters, digits, '_', '.' or '-' (e.g. can0)");
        }
        int bitrate = uri.intOption("bitrate", 0, 1_000, 1_000_000);
        return new SocketcandEndpoint(host, port, bus, bitrate);
    }

    private static int port(ConnectionUri uri, String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65_535) {
            throw new InvalidUriException("'" + uri + "': port '" + text + "' is not a number 1..65535 (socketcand's is "
                    + DEFAULT_PORT + ")");
        }
        return Integer.parseInt(text);
    }

    /** The host without IPv6 brackets, for connecting. */
    String hostName() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** {@code socketcand HOST:PORT}, the start of every message about this server. */
    String server() {
        return "socketcand " + host + ":" + port;
    }

    @Override
    public String toString() {
        return "socketcand://" + host + ":" + port + "/" + bus;
    }
}
