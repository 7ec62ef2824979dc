package org.bmsworkbench.can.spi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.ConnectionUri;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The channels a transport has open, so that its component's deactivation closes them: no channel
 * opens once the transport is {@linkplain #stop() stopped}, and one that was being opened meanwhile
 * is closed at once. Thread-safe.
 *
 * @param <C> the transport's channel
 */
@ProviderType
public final class OpenChannels<C extends CanChannel> {
    private final String scheme;
    /** Guarded by itself. */
    private final Set<C> channels = new HashSet<>();
    private boolean stopped;

    /** @param scheme the transport's URI scheme, for the messages: {@code pcan} */
    public OpenChannels(String scheme) {
        this.scheme = scheme;
    }

    /** Refuses to open {@code uri} once stopped: {@code the pcan transport is stopped; cannot open pcan:…}. */
    public void checkOpen(ConnectionUri uri) throws IOException {
        synchronized (channels) {
            if (stopped) {
                throw new IOException("the " + scheme + " transport is stopped; cannot open " + uri);
            }
        }
    }

    /**
     * Keeps a channel just opened for {@code uri}; when the transport stopped meanwhile, closes it
     * and says so: {@code the pcan transport stopped while opening pcan:…}.
     */
    public void add(C channel, ConnectionUri uri) throws IOException {
        boolean keep;
        synchronized (channels) {
            keep = !stopped && channels.add(channel);
        }
        if (!keep) {
            channel.close();
            throw new IOException("the " + scheme + " transport stopped while opening " + uri);
        }
    }

    /** Forgets a channel that was closed (its close tells this). */
    public void remove(CanChannel channel) {
        synchronized (channels) {
            channels.remove(channel);
        }
    }

    /** Opens no more channels and closes the open ones (outside the lock: their close calls {@link #remove}). */
    public void stop() {
        List<C> open;
        synchronized (channels) {
            stopped = true;
            open = new ArrayList<>(channels);
        }
        open.forEach(CanChannel::close);
    }

    /** How many channels are open. */
    public int size() {
        synchronized (channels) {
            return channels.size();
        }
    }
}
