package org.bmsworkbench.serialport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.DiscoveredAdapter;

/**
 * What a serial port transport component keeps besides its protocol: the channels it has open
 * (closed together when it stops) and the ports it lists for discovery.
 *
 * @param <C> the transport's channel
 */
public final class PortChannels<C extends CanChannel> {
    /** Starts a channel just made: opens its port and starts its threads. */
    public interface Starter<C> {
        void start(C channel) throws IOException;
    }

    private final String scheme;
    private final Set<C> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /** @param scheme the transport's URI scheme ({@code slcan}, {@code serial}), for messages and URIs */
    public PortChannels(String scheme) {
        this.scheme = scheme;
    }

    /**
     * Makes a channel with {@code make} (given what the channel calls when it closes) and starts
     * it; a channel that fails to start is forgotten.
     *
     * @throws IOException when the transport is stopped, or the start's
     */
    public C open(ConnectionUri uri, Function<Consumer<C>, C> make, Starter<C> starter) throws IOException {
        if (stopped) {
            throw new IOException("the " + scheme + " transport is stopped; cannot open " + uri);
        }
        C channel = make.apply(open::remove);
        open.add(channel);
        try {
            starter.start(channel);
        } catch (IOException | RuntimeException e) {
            open.remove(channel);
            throw e;
        }
        return channel;
    }

    /** Closes what is still open (the connections normally close their channels first); later opens fail. */
    public void stop() {
        stopped = true;
        List<C> all = new ArrayList<>(open);
        all.forEach(CanChannel::close);
    }

    /** Channels not yet closed. */
    public int size() {
        return open.size();
    }

    /**
     * The ports {@code ports} lists, as {@code SCHEME:PATH} with their {@link SerialPorts.PortInfo#label()}
     * and USB ids.
     *
     * @param recognise the known adapter a port's info names, or "" (see {@link DiscoveredAdapter})
     */
    public List<DiscoveredAdapter> discover(SerialPorts ports, Function<SerialPorts.PortInfo, String> recognise) {
        List<DiscoveredAdapter> found = new ArrayList<>();
        for (SerialPorts.PortInfo p : ports.list()) {
            found.add(new DiscoveredAdapter(scheme, scheme + ":" + p.path(), p.path(), p.label(), p.vendorId(),
                    p.productId(), recognise.apply(p)));
        }
        return found;
    }
}
