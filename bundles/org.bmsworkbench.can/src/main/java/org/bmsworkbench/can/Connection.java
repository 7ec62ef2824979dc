package org.bmsworkbench.can;

import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One open bus: the frames of a transport fanned out to subscribers, with statistics and a
 * bounded ring buffer of recent raw frames. Thread-safe.
 */
@ProviderType
public interface Connection extends AutoCloseable {

    ConnectionUri uri();

    ConnectionState state();

    /** A short human-readable reason for the current state ("port /dev/ttyACM0 unplugged, retry in 2 s"). */
    String stateDetail();

    /**
     * Whether this connection must never transmit: its URI says {@code mode=listen-only}.
     * {@link #send} then fails, and nothing that sends on its own (an address claim, a request)
     * is attempted.
     */
    default boolean listenOnly() {
        return uri().option("mode").map("listen-only"::equals).orElse(false);
    }

    /** Sends a frame; it is also delivered to subscribers with direction TX. */
    void send(CanFrame frame) throws IOException;

    /** Frames from now on, received and sent, on the transport thread. */
    Subscription subscribe(FrameListener listener);

    /** State changes, on the thread that causes them. */
    Subscription onStateChange(BiConsumer<ConnectionState, String> listener);

    ConnectionStatistics statistics();

    /** The most recent frames, oldest first, at most {@link #recentCapacity()}. */
    List<CanFrame> recentFrames();

    int recentCapacity();

    /**
     * A control offered by the channel open now ({@link PlaybackControl} for a replayed log or
     * snapshot); empty when not connected or when the transport offers none of that type.
     */
    <T> java.util.Optional<T> control(Class<T> type);

    /** Closes the transport channel; subscribers get no more frames. Idempotent. */
    @Override
    void close();
}
