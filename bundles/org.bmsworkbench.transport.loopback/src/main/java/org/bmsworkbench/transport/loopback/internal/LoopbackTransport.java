package org.bmsworkbench.transport.loopback.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.TransportScheme;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code loop:} transport: virtual CAN buses inside this JVM, one per name, like Linux
 * {@code vcan}. Every channel on a bus receives what any other channel on it sends.
 */
@Component(name = "org.bmsworkbench.transport.loopback", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(LoopbackTransport.SCHEME)
public final class LoopbackTransport implements CanTransportProvider {
    static final String SCHEME = "loop";
    static final String DEFAULT_BUS = "loop0";
    static final int DEFAULT_BITRATE = 500_000;
    private static final Set<String> OPTIONS = Set.of("bitrate", "echo");
    private static final Pattern BUS_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** Settings of one channel, from its URI. */
    record Settings(String bus, int bitrate, boolean echo) {
    }

    private final int queueCapacity;
    /** Guarded by itself. */
    private final Map<String, VirtualBus> buses = new HashMap<>();
    private boolean stopped;

    @Activate
    public LoopbackTransport() {
        this(VirtualBus.DEFAULT_QUEUE_CAPACITY);
    }

    LoopbackTransport(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    @Deactivate
    void deactivate() {
        List<VirtualBus> all;
        synchronized (buses) {
            stopped = true;
            all = new ArrayList<>(buses.values());
            buses.clear();
        }
        all.forEach(VirtualBus::stop);
    }

    @Override
    public String description() {
        return "Virtual loopback CAN bus in this JVM, like Linux vcan (loop:NAME?bitrate=500000&echo=false)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        settings(uri);
    }

    static Settings settings(ConnectionUri uri) {
        uri.requireOnly(OPTIONS);
        if (uri.authority() != null) {
            throw new InvalidUriException("'" + uri + "': a loopback bus has no host; write loop:NAME, e.g. loop:"
                    + DEFAULT_BUS);
        }
        String name = uri.path().isEmpty() ? DEFAULT_BUS : uri.path();
        if (!BUS_NAME.matcher(name).matches()) {
            throw new InvalidUriException("'" + uri + "': bus name '" + name
                    + "' must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        int bitrate = uri.intOption("bitrate", DEFAULT_BITRATE, 1_000, 1_000_000);
        boolean echo = uri.booleanOption("echo", false);
        return new Settings(name, bitrate, echo);
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        Settings settings = settings(uri);
        LoopbackChannel channel;
        synchronized (buses) {
            if (stopped) {
                throw new IOException("the loopback transport is stopped; cannot open " + uri);
            }
            VirtualBus bus = buses.computeIfAbsent(settings.bus(), name -> new VirtualBus(name, queueCapacity));
            channel = new LoopbackChannel(bus, listener, settings, this::release);
            bus.join(channel);
        }
        listener.onState(ConnectionState.CONNECTED, "on virtual bus " + SCHEME + ":" + settings.bus());
        return channel;
    }

    /** A channel closed: a bus nobody is on any more stops its thread. */
    private void release(LoopbackChannel channel) {
        VirtualBus bus = channel.bus();
        boolean idle;
        synchronized (buses) {
            idle = bus.leave(channel) && buses.remove(bus.name(), bus);
        }
        if (idle) {
            bus.stop();
        }
    }

    /** Names of the buses with at least one channel (for tests). */
    Set<String> busNames() {
        synchronized (buses) {
            return Set.copyOf(buses.keySet());
        }
    }
}
