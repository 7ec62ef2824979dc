package org.bmsworkbench.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Connections;

/**
 * Opens {@link FakeConnection}s: {@code sim:} and {@code loop:} connect at once, {@code fail:}
 * fails, {@code slcan:} has no transport; anything the URI parser rejects throws as the real
 * service does. {@link #onOpen} runs for each connection opened.
 */
final class FakeConnections implements Connections {
    final List<FakeConnection> opened = new ArrayList<>();
    Consumer<FakeConnection> onOpen = c -> { };
    final Map<String, String> transports = new java.util.TreeMap<>();
    final List<org.bmsworkbench.can.DiscoveredAdapter> adapters = new ArrayList<>();
    final Map<String, String> unavailable = new java.util.TreeMap<>();

    @Override
    public Connection open(String uri) {
        ConnectionUri parsed = ConnectionUri.parse(uri);
        FakeConnection c = switch (parsed.scheme()) {
            case "sim", "loop", "replay", "serial" -> new FakeConnection(uri, ConnectionState.CONNECTED, "");
            case "fail" -> new FakeConnection(uri, ConnectionState.FAILED, "port /dev/x: no such port");
            case "slow" -> new FakeConnection(uri, ConnectionState.CONNECTING, "");
            default -> new FakeConnection(uri, ConnectionState.WAITING_FOR_TRANSPORT,
                    "no transport for " + parsed.scheme() + ": installed: fail, loop, sim, slow");
        };
        opened.add(c);
        onOpen.accept(c);
        return c;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("fail", "loop", "sim", "slow");
    }

    @Override
    public Map<String, String> transports() {
        return Map.copyOf(transports);
    }

    @Override
    public List<Connection> active() {
        return List.copyOf(opened);
    }

    @Override
    public Map<String, String> unavailableTransports() {
        return Map.copyOf(unavailable);
    }

    @Override
    public java.util.List<org.bmsworkbench.can.DiscoveredAdapter> discoverAdapters() {
        return List.copyOf(adapters);
    }
}
