package org.bmsworkbench.can;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The transport side of a connection: what a {@link CanTransportProvider} opens. The channel
 * reads on a thread it owns and reports to its {@link Listener}.
 */
@ConsumerType
public interface CanChannel extends AutoCloseable {

    void send(CanFrame frame) throws IOException;

    /** Nominal bit rate in bit/s, or 0 when unknown (used for the bus load estimate). */
    default int bitrate() { return 0; }

    /**
     * An optional control the channel offers, such as {@link PlaybackControl} for a replayed
     * log; empty when it offers none of that type.
     */
    default <T> java.util.Optional<T> control(Class<T> type) {
        return java.util.Optional.empty();
    }

    /** Stops the reader thread and releases the port or socket; returns promptly. */
    @Override
    void close();

    /** What a channel reports. Called from the channel's own thread; must not block. */
    @ConsumerType
    interface Listener {
        void onFrame(CanFrame frame);

        /** {@link ConnectionState#CONNECTED}, {@link ConnectionState#RECONNECTING}, {@link ConnectionState#CLOSED}, ... */
        void onState(ConnectionState state, String detail);

        /** A recoverable problem: a garbled adapter line, a dropped frame. Counted, shown, not fatal. */
        void onTransportError(String message);
    }
}
