package org.bmsworkbench.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.BmsSession;
import org.bmsworkbench.bms.BmsSessions;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Connections;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.Subscription;

/**
 * The services of the window, faked: URIs with scheme {@code fake}, {@code replay}, {@code loop} or {@code slcan}
 * open a {@link FakeConnection} (kept in {@link #opened}); anything else is rejected as the real
 * registry would reject a URI its transport finds invalid. Sessions decode nothing: tests put
 * values into the model by hand.
 */
final class FakeServices implements Connections, BmsSessions, ProtocolRegistry {
    final Map<String, FakeConnection> opened = new ConcurrentHashMap<>();
    final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    final ViewCatalog catalog = new ViewCatalog();
    volatile List<DiscoveredAdapter> adapters = List.of();
    volatile Map<String, String> unavailable = Map.of();
    volatile Map<String, String> transports = new TreeMap<>(Map.of("fake", "a fake bus", "loop", "a loopback bus",
            "replay", "a log replayed", "slcan", "a serial-line CAN adapter"));
    final List<Throwable> problems = new CopyOnWriteArrayList<>();

    WorkbenchServices services(Path userDir) {
        return new WorkbenchServices(this, this, this, catalog, userDir, "0.1.0-test",
                () -> List.<String[]>of(new String[] {"org.bmsworkbench.ui", "0.1.0", "active"}),
                (m, e) -> problems.add(new AssertionError(m, e)));
    }

    @Override
    public Connection open(String uri) {
        ConnectionUri u = ConnectionUri.parse(uri);
        if (!Set.of("fake", "replay", "loop", "slcan").contains(u.scheme())) {
            throw new InvalidUriException("'" + uri + "': no transport for " + u.scheme() + " (installed: fake, loop, replay, slcan)");
        }
        if (u.option("bitrate").isPresent()) {
            u.longOption("bitrate", 0, 10_000, 1_000_000);
        }
        FakeConnection c = new FakeConnection(uri);
        opened.put(uri, c);
        return c;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("fake", "loop", "replay", "slcan");
    }

    @Override
    public Map<String, String> transports() {
        return transports;
    }

    @Override
    public Map<String, String> unavailableTransports() {
        return unavailable;
    }

    @Override
    public List<DiscoveredAdapter> discoverAdapters() {
        return adapters;
    }

    @Override
    public List<Connection> active() {
        return new ArrayList<>(opened.values());
    }

    @Override
    public BmsSession attach(Connection connection, String protocol) {
        FakeSession s = new FakeSession(connection, protocol);
        sessions.add(s);
        return s;
    }

    @Override
    public List<BmsProtocol> protocols() {
        return List.of();
    }

    @Override
    public Optional<BmsProtocol> find(String id) {
        return Optional.empty();
    }

    @Override
    public Subscription onChange(Consumer<List<BmsProtocol>> listener) {
        return () -> { };
    }

    @Override
    public List<SignalDescriptor> signals() {
        return StandardSignals.all();
    }

    /** A session whose model the test fills. */
    static final class FakeSession implements BmsSession {
        final Connection connection;
        final String protocol;
        final DefaultBmsModel model = new DefaultBmsModel(100);
        volatile List<String> active = List.of();
        volatile org.bmsworkbench.bms.DeviceChoice choice = org.bmsworkbench.bms.DeviceChoice.NONE;
        volatile boolean closed;

        FakeSession(Connection connection, String protocol) {
            this.connection = connection;
            this.protocol = protocol;
        }

        void put(Map<String, Object> signals) {
            put("sma", signals);
        }

        void put(String protocolId, Map<String, Object> signals) {
            model.apply(DecodedMessage.of(protocolId, "test", CanFrame.of(1_600_000_000_000_000L, "can0", 0x356, false), signals));
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public BmsModel model() {
            return model;
        }

        @Override
        public String requestedProtocol() {
            return protocol;
        }

        @Override
        public List<String> activeProtocols() {
            return active;
        }

        @Override
        public String detectionEvidence() {
            return "";
        }

        @Override
        public long decodedMessages() {
            return 0;
        }

        @Override
        public long malformedFrames() {
            return 0;
        }

        @Override
        public String lastProblem() {
            return null;
        }

        @Override
        public org.bmsworkbench.bms.DeviceChoice deviceChoice() {
            return choice;
        }

        @Override
        public void follow(Integer address, Integer instance) {
        }

        @Override
        public Subscription onMessage(Consumer<DecodedMessage> listener) {
            return () -> { };
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
