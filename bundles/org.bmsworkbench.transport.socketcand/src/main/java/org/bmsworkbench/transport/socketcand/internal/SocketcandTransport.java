package org.bmsworkbench.transport.socketcand.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanTransportProvider;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.TransportScheme;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code socketcand:} transport: a CAN bus offered over TCP by a socketcand server
 * (linux-can/socketcand, the protocol Kayak and python-can speak), used in raw mode.
 */
@Component(name = "org.bmsworkbench.transport.socketcand", service = CanTransportProvider.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@TransportScheme(SocketcandTransport.SCHEME)
public final class SocketcandTransport implements CanTransportProvider {
    static final String SCHEME = "socketcand";

    /**
     * Timeouts and the reconnection back-off: {@code firstDelayMillis}, doubled on each failed
     * try up to {@code maxDelayMillis}.
     */
    public record Timing(int connectMillis, int handshakeMillis, long firstDelayMillis, long maxDelayMillis) {
        static final Timing DEFAULT = new Timing(5_000, 5_000, 1_000, 5_000);
    }

    private final Timing timing;
    /** Guarded by itself. */
    private final Set<SocketcandChannel> channels = new HashSet<>();
    private boolean stopped;

    @Activate
    public SocketcandTransport() {
        this(Timing.DEFAULT);
    }

    /** With other timeouts and back-off (tests, benchmarks). */
    public SocketcandTransport(Timing timing) {
        this.timing = timing;
    }

    @Deactivate
    void deactivate() {
        List<SocketcandChannel> open;
        synchronized (channels) {
            stopped = true;
            open = new ArrayList<>(channels);
        }
        open.forEach(SocketcandChannel::close);
    }

    @Override
    public String description() {
        return "socketcand server over TCP, raw mode (socketcand://HOST:29536/can0?bitrate=N)";
    }

    @Override
    public void validate(ConnectionUri uri) {
        SocketcandEndpoint.of(uri);
    }

    @Override
    public CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException {
        SocketcandEndpoint endpoint = SocketcandEndpoint.of(uri);
        synchronized (channels) {
            if (stopped) {
                throw new IOException("the socketcand transport is stopped; cannot open " + uri);
            }
        }
        SocketcandChannel channel = SocketcandChannel.open(endpoint, listener, timing, this::closed);
        boolean keep;
        synchronized (channels) {
            keep = !stopped && channels.add(channel);
        }
        if (!keep) {
            channel.close();
            throw new IOException("the socketcand transport stopped while opening " + uri);
        }
        return channel;
    }

    private void closed(SocketcandChannel channel) {
        synchronized (channels) {
            channels.remove(channel);
        }
    }

    /** Channels open now (for tests). */
    int openChannels() {
        synchronized (channels) {
            return channels.size();
        }
    }
}
