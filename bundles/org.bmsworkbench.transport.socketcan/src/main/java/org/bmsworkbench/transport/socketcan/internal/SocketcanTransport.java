package org.bmsworkbench.transport.socketcan.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.TransportScheme;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code socketcan:} transport: a Linux SocketCAN interface ({@code can0}, {@code vcan0},
 * {@code slcan0}, ...) through a raw CAN socket (JavaCAN). Listen-only, bit rate and restart
 * are properties of the interface, set with {@code ip link}; a raw socket has no option for them.
 */
@Component(name = "org.bmsworkbench.transport.socketcan", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(SocketcanTransport.SCHEME)
public final class SocketcanTransport implements CanTransportProvider {
    static final String SCHEME = "socketcan";
    private static final Set<String> OPTIONS = Set.of("bitrate");
    /** Linux interface names: at most 15 characters, no '/' or blanks. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");

    /** The back-off between looks at an interface that went down: first delay, doubled up to the longest. */
    record Timing(long firstDelayMillis, long maxDelayMillis) {
        static final Timing DEFAULT = new Timing(1_000, 5_000);
    }

    /** Settings from a URI. */
    record Settings(String name, int bitrate) {
    }

    private final CanInterfaces interfaces;
    private final RawSocket.Opener opener;
    private final boolean linux;
    private final Timing timing;
    /** Guarded by itself. */
    private final Set<SocketcanChannel> channels = new HashSet<>();
    private boolean stopped;

    @Activate
    public SocketcanTransport() {
        this(new CanInterfaces(CanInterfaces.SYSFS), JavacanSocket::open,
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), Timing.DEFAULT);
    }

    SocketcanTransport(CanInterfaces interfaces, RawSocket.Opener opener, boolean linux, Timing timing) {
        this.interfaces = interfaces;
        this.opener = opener;
        this.linux = linux;
        this.timing = timing;
    }

    @Deactivate
    void deactivate() {
        List<SocketcanChannel> open;
        synchronized (channels) {
            stopped = true;
            open = new ArrayList<>(channels);
        }
        open.forEach(SocketcanChannel::close);
    }

    @Override
    public String description() {
        return "Linux SocketCAN interface through a raw CAN socket (socketcan:can0?bitrate=N)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        settings(uri);
    }

    static Settings settings(ConnectionUri uri) {
        uri.requireOnly(OPTIONS);
        if (uri.authority() != null) {
            throw new InvalidUriException("'" + uri + "': a SocketCAN interface has no host; write socketcan:NAME, e.g. socketcan:can0");
        }
        String name = uri.path();
        if (name.isEmpty()) {
            throw new InvalidUriException("'" + uri + "': missing interface name (e.g. socketcan:can0)");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidUriException("'" + uri + "': '" + name
                    + "' is not a Linux interface name (1 to 15 letters, digits, '_', '.', ':', '@' or '-', e.g. can0)");
        }
        return new Settings(name, uri.intOption("bitrate", 0, 1_000, 1_000_000));
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        Settings settings = settings(uri);
        String name = settings.name();
        if (!linux) {
            throw new IOException("SocketCAN is Linux only; this is " + System.getProperty("os.name")
                    + " (use an slcan: adapter or a socketcand:// server instead)");
        }
        Optional<CanInterfaces.NetInterface> found = interfaces.lookup(name);
        if (found.isEmpty()) {
            throw new IOException("no CAN interface " + name + ": ip link show " + name + " finds nothing — set it up with"
                    + " `ip link set " + name + " up type can bitrate 500000`" + (name.startsWith("vcan")
                            ? " (a virtual one: `ip link add dev " + name + " type vcan && ip link set " + name + " up`)" : ""));
        }
        CanInterfaces.NetInterface itf = found.get();
        if (!itf.isCan()) {
            throw new IOException(name + " is not a CAN interface (its type is " + itf.type() + ", CAN is "
                    + CanInterfaces.ARPHRD_CAN + "); 'bmswb adapters' lists the CAN interfaces");
        }
        if (!itf.isUp()) {
            throw new IOException("CAN interface " + name + " is " + itf.state() + ": set it up with `ip link set " + name
                    + " up type can bitrate 500000`");
        }
        synchronized (channels) {
            if (stopped) {
                throw new IOException("the socketcan transport is stopped; cannot open " + uri);
            }
        }
        RawSocket socket = opener.open(name);
        SocketcanChannel channel = new SocketcanChannel(name, socket, listener, interfaces, opener, timing,
                settings.bitrate(), this::closed);
        boolean keep;
        synchronized (channels) {
            keep = !stopped && channels.add(channel);
        }
        if (!keep) {
            channel.close();
            throw new IOException("the socketcan transport stopped while opening " + uri);
        }
        channel.start();
        return channel;
    }

    private void closed(SocketcanChannel channel) {
        synchronized (channels) {
            channels.remove(channel);
        }
    }

    /** The CAN interfaces in {@code /sys/class/net}, up or down; empty when not on Linux. */
    @Override
    public List<DiscoveredAdapter> discover() {
        if (!linux) {
            return List.of();
        }
        List<DiscoveredAdapter> found = new ArrayList<>();
        for (CanInterfaces.NetInterface itf : interfaces.list()) {
            String kind = itf.name().startsWith("vcan") ? "virtual CAN interface" : "SocketCAN interface";
            found.add(new DiscoveredAdapter(SCHEME, SCHEME + ":" + itf.name(), itf.name(), kind + ", " + itf.state(),
                    -1, -1, "SocketCAN"));
        }
        return found;
    }

    int openChannels() {
        synchronized (channels) {
            return channels.size();
        }
    }
}
