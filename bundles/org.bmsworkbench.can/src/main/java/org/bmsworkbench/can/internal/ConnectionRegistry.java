package org.bmsworkbench.can.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Connections;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link Connections} service: opens connections by URI on the transport registered for
 * the scheme, and follows transports as they come and go.
 *
 * <p>Channels are opened on an executor owned by this component (daemon threads named
 * {@code bmswb-connection-open-N}), so {@link #open} and the bind methods return at once.
 * Unbinding a transport closes its channels synchronously (a channel's {@code close()} returns
 * promptly), so nothing of the leaving bundle runs after its service is gone.
 */
@Component(name = "org.bmsworkbench.can.connections", service = Connections.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class ConnectionRegistry implements Connections {
    static final String SCHEME_PROPERTY = "transport.scheme";

    /** Transports by scheme; the first bound serves the scheme, the others stand by. Guarded by {@link #lock}. */
    private final Map<String, List<CanTransportProvider>> transports = new HashMap<>();
    private final CopyOnWriteArrayList<BusConnection> connections = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final LongSupplier clockMillis;
    private final int recentCapacity;
    private final ExecutorService opener;
    /** Guarded by {@link #lock}. */
    private boolean stopped;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    @Activate
    public ConnectionRegistry() {
        this(System::currentTimeMillis, BusConnection.DEFAULT_RECENT_CAPACITY);
    }

    ConnectionRegistry(LongSupplier clockMillis, int recentCapacity) {
        this.clockMillis = clockMillis;
        this.recentCapacity = recentCapacity;
        this.opener = Executors.newCachedThreadPool(namedDaemons("bmswb-connection-open-"));
    }

    static ThreadFactory namedDaemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Deactivate
    void deactivate() {
        List<BusConnection> open;
        synchronized (lock) {
            stopped = true;
            open = new ArrayList<>(connections);
        }
        open.forEach(BusConnection::close);
        opener.shutdownNow();
    }

    @Reference(name = "transport", service = CanTransportProvider.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindTransport(CanTransportProvider transport, Map<String, Object> properties) {
        Set<String> schemes = schemesOf(properties);
        if (schemes.isEmpty()) {
            debug("ignoring a transport without a {} property: {}", SCHEME_PROPERTY, transport);
            return;
        }
        synchronized (lock) {
            for (String scheme : schemes) {
                transports.computeIfAbsent(scheme, s -> new ArrayList<>()).add(transport);
            }
        }
        debug("transport for {} bound", schemes);
        schemes.forEach(this::attachWaiting);
    }

    void unbindTransport(CanTransportProvider transport, Map<String, Object> properties) {
        Set<String> schemes = schemesOf(properties);
        List<BusConnection> affected = new ArrayList<>();
        synchronized (lock) {
            for (String scheme : schemes) {
                List<CanTransportProvider> list = transports.get(scheme);
                if (list != null && list.remove(transport) && list.isEmpty()) {
                    transports.remove(scheme);
                }
            }
            for (BusConnection c : connections) {
                if (c.isAttachedTo(transport)) {
                    affected.add(c);
                }
            }
        }
        debug("transport for {} unbound; {} connection(s) wait again", schemes, affected.size());
        for (BusConnection c : affected) {
            c.detachFrom(transport, "transport for " + c.uri().scheme() + ": was removed");
        }
        // a stand-by transport for the same scheme, or one bound meanwhile, takes over at once
        schemes.forEach(this::attachWaiting);
    }

    private void attachWaiting(String scheme) {
        synchronized (lock) {
            CanTransportProvider transport = serving(scheme);
            if (stopped || transport == null) {
                return;
            }
            for (BusConnection c : connections) {
                if (c.uri().scheme().equals(scheme)) {
                    c.attachIfWaiting(transport, opener);
                }
            }
        }
    }

    /** Guarded by {@link #lock}. */
    private CanTransportProvider serving(String scheme) {
        List<CanTransportProvider> list = transports.get(scheme);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    static Set<String> schemesOf(Map<String, Object> properties) {
        Object value = properties.get(SCHEME_PROPERTY);
        Set<String> schemes = new TreeSet<>();
        if (value instanceof String s) {
            add(schemes, s);
        } else if (value instanceof String[] array) {
            for (String s : array) {
                add(schemes, s);
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object o : collection) {
                add(schemes, String.valueOf(o));
            }
        }
        return schemes;
    }

    private static void add(Set<String> schemes, String s) {
        if (s != null && !s.isBlank()) {
            schemes.add(s.strip().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public Connection open(String uri) {
        ConnectionUri parsed = ConnectionUri.parse(uri);
        BusConnection connection;
        synchronized (lock) {
            if (stopped) {
                throw new IllegalStateException("the connections service is stopped; cannot open " + parsed);
            }
            CanTransportProvider transport = serving(parsed.scheme());
            if (transport != null) {
                transport.validate(parsed);
            }
            connection = new BusConnection(parsed, recentCapacity, clockMillis, waitingDetail(parsed.scheme()),
                    connections::remove);
            connections.add(connection);
            if (transport != null) {
                connection.attachIfWaiting(transport, opener);
            }
        }
        debug("opening {}", parsed);
        return connection;
    }

    /** Guarded by {@link #lock}. */
    private String waitingDetail(String scheme) {
        Set<String> installed = new TreeSet<>(transports.keySet());
        return "no transport for " + scheme + ": installed"
                + (installed.isEmpty() ? " none" : ": " + String.join(", ", installed));
    }

    @Override
    public Set<String> schemes() {
        synchronized (lock) {
            return Collections.unmodifiableSet(new TreeSet<>(transports.keySet()));
        }
    }

    @Override
    public Map<String, String> transports() {
        Map<String, CanTransportProvider> serving = new TreeMap<>();
        synchronized (lock) {
            for (String scheme : transports.keySet()) {
                serving.put(scheme, serving(scheme));
            }
        }
        Map<String, String> out = new TreeMap<>();
        serving.forEach((scheme, t) -> {
            String description;
            try {
                description = t.description();
            } catch (RuntimeException e) {
                description = t.getClass().getName();
            }
            out.put(scheme, description);
        });
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Map<String, String> unavailableTransports() {
        Map<String, CanTransportProvider> serving = new TreeMap<>();
        synchronized (lock) {
            for (String scheme : transports.keySet()) {
                serving.put(scheme, serving(scheme));
            }
        }
        Map<String, String> out = new TreeMap<>();
        serving.forEach((scheme, t) -> {
            try {
                t.unavailable().ifPresent(reason -> out.put(scheme, reason));
            } catch (RuntimeException e) {
                out.put(scheme, "cannot tell whether it is usable: " + e);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    @Override
    public List<org.bmsworkbench.can.DiscoveredAdapter> discoverAdapters() {
        List<CanTransportProvider> providers = new java.util.ArrayList<>();
        synchronized (lock) {
            for (String scheme : transports.keySet()) {
                providers.add(serving(scheme));
            }
        }
        List<org.bmsworkbench.can.DiscoveredAdapter> found = new java.util.ArrayList<>();
        for (CanTransportProvider provider : providers) {
            try {
                found.addAll(provider.discover());
            } catch (RuntimeException e) {
                Logger l = logger;
                if (l != null) {
                    l.warn("adapter discovery of {} failed: {}", provider.description(), e.toString());
                }
            }
        }
        found.sort(java.util.Comparator.comparing(org.bmsworkbench.can.DiscoveredAdapter::scheme)
                .thenComparing(org.bmsworkbench.can.DiscoveredAdapter::name));
        return List.copyOf(found);
    }

    @Override
    public List<Connection> active() {
        return List.copyOf(connections);
    }

    private void debug(String format, Object... args) {
        Logger l = logger;
        if (l != null) {
            l.debug(format, args);
        }
    }
}
