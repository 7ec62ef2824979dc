package org.bmsworkbench.transport.slcan.internal;

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
 * The {@code slcan:} transport: SLCAN (LAWICEL) adapters on serial ports — CANable, CANtact,
 * USBtin, Lawicel CANUSB and their clones — through jSerialComm.
 */
@Component(name = "org.bmsworkbench.transport.slcan", service = CanTransportProvider.class)
@TransportScheme(SlcanTransport.SCHEME)
public final class SlcanTransport implements CanTransportProvider {
    static final String SCHEME = "slcan";

    private final SerialPorts ports;
    private final SlcanChannel.Timing timing;
    private final Set<SlcanChannel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    @Activate
    public SlcanTransport() {
        this(new JSerialCommPorts(), SlcanChannel.Timing.DEFAULT);
    }

    SlcanTransport(SerialPorts ports, SlcanChannel.Timing timing) {
        this.ports = ports;
        this.timing = timing;
    }

    /** Closes what is still open (the connections normally close their channels first). */
    @Deactivate
    void deactivate() {
        stopped = true;
        List<SlcanChannel> all = new ArrayList<>(open);
        all.forEach(SlcanChannel::close);
    }

    @Override
    public String description() {
        return "SLCAN serial adapters: CANable, CANtact, USBtin, Lawicel CANUSB and clones"
                + " (slcan:PORT?bitrate=500000&mode=normal|listen-only&timestamps=off|on&baud=115200)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        SlcanSettings.of(uri);
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        SlcanSettings settings = SlcanSettings.of(uri);
        if (stopped) {
            throw new IOException("the slcan transport is stopped; cannot open " + uri);
        }
        SlcanChannel channel = new SlcanChannel(settings, ports, listener, timing, open::remove);
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
            String description = describe(p.description(), p.name());
            found.add(new DiscoveredAdapter(SCHEME, SCHEME + ":" + p.path(), p.path(), description, p.vendorId(),
                    p.productId(), KnownAdapters.recognise(p.vendorId(), p.productId(), description)));
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
