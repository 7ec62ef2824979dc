package org.bmsworkbench.transport.replay.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bmsworkbench.can.CanChannel;

/**
 * Opens replay channels for a transport component and closes those still open when it stops.
 * Shared by the {@code replay:} and {@code snapshot:} schemes: one engine over a {@link LogSource}.
 */
final class OpenChannels {
    private final Set<ReplayChannel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /**
     * Reads the start of {@code source} and starts the channel's threads. The channel reports no
     * state of its own at open: the connection is CONNECTED once it holds the channel, so that
     * {@code control(PlaybackControl.class)} is there when CONNECTED is seen. The player starts
     * paused, held for the consumer's {@code resume()} (after it subscribed) for at most
     * {@link ReplayChannel#START_HOLD_NANOS}, then plays anyway.
     */
    CanChannel open(String label, LogSource source, PlaybackSettings settings, CanChannel.Listener listener)
            throws IOException {
        if (stopped) {
            throw new IOException("the replay transport is stopped; cannot open " + label);
        }
        LogLayout layout = LogLayout.read(source);
        ReplayChannel channel = new ReplayChannel(label, source, layout, listener, settings.speed(), settings.loop(),
                open::remove);
        open.add(channel);
        if (stopped) {
            open.remove(channel);
            throw new IOException("the replay transport is stopped; cannot open " + label);
        }
        channel.start();
        return channel;
    }

    /** Closes every channel still open; later opens fail. */
    void stop() {
        stopped = true;
        List<ReplayChannel> all = new ArrayList<>(open);
        open.clear();
        all.forEach(ReplayChannel::close);
    }

    int size() {
        return open.size();
    }
}
