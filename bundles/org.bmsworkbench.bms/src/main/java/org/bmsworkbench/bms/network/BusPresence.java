package org.bmsworkbench.bms.network;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.bmsworkbench.can.Connection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The workbench's own presence on a 29-bit (NMEA 2000 / J1939) bus: before it transmits it
 * claims an address with its own NAME (PGN 60928), waits the contention time, yields and moves
 * to another address when a device with a higher-priority NAME holds it, and from then on
 * answers ISO Requests for its address claim. Nothing is sent until {@link #claim} is called,
 * and never on a listen-only connection. A service.
 */
@ProviderType
public interface BusPresence {

    /**
     * The address the workbench holds on {@code connection}, claiming one first when it holds
     * none. Completes with the address, or exceptionally with a {@link PresenceException} whose
     * message is one line for the user (listen-only connection, no free address, connection
     * closed).
     *
     * @param preferred the address to try first (another is taken when it is held by a device
     *                  with a higher-priority NAME), or -1 for the default
     */
    CompletableFuture<Integer> claim(Connection connection, int preferred);

    /** The address held on {@code connection} now, if any. */
    OptionalInt claimedAddress(Connection connection);

    /** The workbench's 64-bit ISO NAME. */
    long name();

    /**
     * Sends an ISO Request (PGN 59904) for {@code pgn} to {@code destination} (255: all),
     * from the claimed address, claiming one first.
     */
    CompletableFuture<Void> request(Connection connection, int pgn, int destination);

    /** Why the workbench cannot take part on a bus. */
    final class PresenceException extends Exception {
        private static final long serialVersionUID = 1L;

        public PresenceException(String message) {
            super(message);
        }
    }
}
