package org.bmsworkbench.can;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Offered by a channel whose far end is a byte stream to one BMS (a serial line, RS485, a
 * simulated JBD or Daly) rather than a CAN bus: its frames are {@linkplain CanFrame#chunk()
 * chunks}. Obtained with {@code connection.control(StreamLink.class)}.
 *
 * <p>Such a BMS speaks only when asked. The live session of the protocol chosen for the link
 * polls it every {@link #pollPeriod()} (unless the connection is listen-only); anything else that
 * sends a request and waits for its answer (switching MOSFETs) holds {@link #exchangeLock()} for
 * the request and its answer, so that two requests never share the half-duplex line.
 *
 * @param port       the port as chunks name it ({@code ttyUSB0}, {@code COM4}, {@code jbd0})
 * @param protocol   the protocol the URI names ({@code ?protocol=jbd}), or null when it names none
 * @param pollPeriod time between the starts of two poll cycles
 */
public record StreamLink(String port, String protocol, Duration pollPeriod, ReentrantLock exchangeLock) {

    /** The poll period when the URI gives none. */
    public static final Duration DEFAULT_POLL_PERIOD = Duration.ofSeconds(1);

    public StreamLink {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(pollPeriod, "pollPeriod");
        Objects.requireNonNull(exchangeLock, "exchangeLock");
        if (pollPeriod.isNegative() || pollPeriod.isZero()) {
            throw new IllegalArgumentException("poll period " + pollPeriod + " is not positive");
        }
    }

    /** A link with its own exchange lock. */
    public StreamLink(String port, String protocol, Duration pollPeriod) {
        this(port, protocol, pollPeriod, new ReentrantLock());
    }

    /**
     * The link a URI describes: its {@code protocol} option and its {@code poll} option in
     * milliseconds (100..3600000, default 1000).
     *
     * @throws InvalidUriException when {@code poll} is not a whole number of milliseconds in range
     */
    public static StreamLink of(String port, ConnectionUri uri) {
        Duration period = Duration.ofMillis(uri.longOption("poll", DEFAULT_POLL_PERIOD.toMillis(), 100, 3_600_000));
        return new StreamLink(port, uri.option("protocol").orElse(null), period);
    }
}
