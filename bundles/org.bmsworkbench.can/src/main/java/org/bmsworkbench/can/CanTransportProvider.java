package org.bmsworkbench.can;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of CAN adapter or source, registered as a service with the {@link TransportScheme}
 * property naming the URI scheme it opens ({@code sim}, {@code slcan}, {@code socketcand}, ...).
 */
@ConsumerType
public interface CanTransportProvider {

    /** One line for {@code bmswb adapters} and the connect dialog. */
    String description();

    /** Checks path and options; throws {@link InvalidUriException} naming what is wrong. Does no I/O. */
    void validate(ConnectionUri uri);

    /**
     * Opens the channel and starts its reader thread. May block for the time it takes to open
     * a port; callers do not call it from DS methods or the UI thread.
     *
     * @throws IOException when the device or peer cannot be opened; the message says which and why
     */
    CanChannel open(ConnectionUri uri, CanChannel.Listener listener) throws IOException;

    /**
     * The adapters of this kind present on this machine, for {@code bmswb adapters} and the
     * connect dialog. May take a moment (it enumerates ports); never called from the UI thread.
     * Transports with nothing to discover (a simulator, a log) return an empty list.
     */
    default java.util.List<DiscoveredAdapter> discover() {
        return java.util.List.of();
    }

    /**
     * Why this transport cannot open anything on this machine, in one line that says what to
     * install (a vendor library that is absent: "PCANBasic.dll not found — install PEAK's ..."),
     * or empty when it can. The transport stays installed and listed either way. May load a
     * native library on first call, so it is asked only when a user looks ({@code bmswb adapters},
     * the connect dialog), never at start-up; never called from the UI thread.
     */
    default java.util.Optional<String> unavailable() {
        return java.util.Optional.empty();
    }
}
