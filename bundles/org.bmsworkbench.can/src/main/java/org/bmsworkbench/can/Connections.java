package org.bmsworkbench.can;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens connections by URI, choosing the transport by scheme. A URI whose scheme has no
 * transport yet gives a connection in {@link ConnectionState#WAITING_FOR_TRANSPORT} that opens
 * when one arrives; a transport that leaves closes its connections cleanly, and they wait again.
 */
@ProviderType
public interface Connections {

    /**
     * Opens in the background and returns at once; watch {@link Connection#state()}.
     *
     * @throws InvalidUriException when the URI is malformed, or its transport rejects it
     */
    Connection open(String uri);

    /** Schemes with an installed transport, sorted. */
    Set<String> schemes();

    /** Description of the transport of each scheme. */
    java.util.Map<String, String> transports();

    /**
     * The adapters every installed transport finds on this machine, by scheme then name. Blocks
     * while ports are enumerated: call it off the UI thread. A transport that fails to
     * enumerate is left out (its failure is logged).
     */
    List<DiscoveredAdapter> discoverAdapters();

    /**
     * The installed transports that cannot open anything on this machine, by scheme, with the
     * reason ({@link CanTransportProvider#unavailable()}). May load native libraries: call it off
     * the UI thread.
     */
    default java.util.Map<String, String> unavailableTransports() {
        return java.util.Map.of();
    }

    /** The connections not yet closed. */
    List<Connection> active();
}
