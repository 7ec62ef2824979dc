package org.bmsworkbench.can;

/** Where a {@link Connection} stands; every change is shown to the user. */
public enum ConnectionState {
    /** The URI's scheme has no transport installed yet; opens as soon as one arrives. */
    WAITING_FOR_TRANSPORT,
    CONNECTING,
    CONNECTED,
    /** The adapter or peer went away; the transport retries with back-off. */
    RECONNECTING,
    /** Could not open, and will not retry; {@link Connection#stateDetail()} says why. */
    FAILED,
    /** Closed by the user, or the end of a finite source (a log replayed once). */
    CLOSED
}
