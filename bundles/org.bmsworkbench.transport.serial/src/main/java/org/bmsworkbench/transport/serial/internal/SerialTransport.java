package org.bmsworkbench.transport.serial.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.TransportScheme;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code serial:} transport: a BMS that speaks a byte-stream protocol on a serial line or an
 * RS485 bus (JBD, Daly) through jSerialComm. Its connections carry chunks of bytes and offer
 * {@link org.bmsworkbench.can.StreamLink}.
 */
@Component(name = "org.bmsworkbench.transport.serial", service = CanTransportProvider.class)
@TransportScheme(SerialTransport.SCHEME)
public final class SerialTransport implements CanTransportProvider {
    static final String SCHEME = "serial";

    private final SerialPorts ports;
    private final SerialChannel.Timing timing;
    private final Set<SerialChannel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    @Activate
    public SerialTransport() {
        this(new JSerialCommPorts(), SerialChannel.Timing.DEFAULT);
    }

    SerialTransport(SerialPorts ports, SerialChannel.Timing timing) {
        this.ports = ports;
        this.timing = timing;
    }

    /** Closes what is still open (the connections normally close their channels first). */
    @Deactivate
    void deactivate() {
        stopped = true;
        List<SerialChannel> all = new ArrayList<>(open);
        all.forEach(SerialChannel::close);
    }

    @Override
    public String description() {
        return "BMSes on serial lines and RS485: JBD, Daly (serial:PORT?protocol=jbd|daly&baud=9600"
                + "&parity=none|even|odd&stopbits=1|2&poll=1000&mode=normal|listen-only)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        SerialSettings.of(uri);
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        SerialSettings settings = SerialSettings.of(uri);
        if (stopped) {
            throw new IOException("the serial transport is stopped; cannot open " + uri);
        }
        SerialChannel channel = new SerialChannel(settings, ports, listener, timing, open::remove);
        open.add(channel);
        try {
            channel.start();
        } catch (IOException | RuntimeException e) {
            open.remove(channel);
            throw e;
        }
        return channel;
    }

    @Override
    public List<DiscoveredAdapter> discover() {
        List<DiscoveredAdapter> found = new ArrayList<>();
        for (SerialPorts.PortInfo p : ports.list()) {
            found.add(new DiscoveredAdapter(SCHEME, SCHEME + ":" + p.path(), p.path(),
                    describe(p.description(), p.name()), p.vendorId(), p.productId(), ""));
        }
        return found;
    }

    /** The port's description and its descriptive name, once when they are the same. */
    static String describe(String description, String name) {
        String d = description == null ? "" : description.strip();
        String n = name == null ? "" : name.strip();
        if (d.isEmpty() || n.contains(d)) {
            return n;
        }
        if (n.isEmpty() || d.contains(n)) {
            return d;
        }
        return d + " (" + n + ")";
    }

    /** Channels not yet closed (for tests). */
    int openChannels() {
        return open.size();
    }
}
