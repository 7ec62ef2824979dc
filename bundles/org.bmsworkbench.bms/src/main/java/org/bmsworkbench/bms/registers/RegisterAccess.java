package org.bmsworkbench.bms.registers;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bmsworkbench.can.Connection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes a device's registers over a {@link Connection}, without blocking the
 * caller: every method returns at once with a future that completes with a
 * {@link RegisterResult} for every outcome (answer, error ACK, timeout, refusal); it never
 * completes exceptionally. Dependent actions run on the service's own thread unless an
 * {@code ...Async} variant is used; they must not block.
 */
@ProviderType
public interface RegisterAccess {

    /** The register table this service checks against. */
    RegisterCatalogue catalogue();

    /** The configured defaults: node, our source address, timeout, tries. */
    RequestOptions defaults();

    /**
     * The defaults for requests on {@code connection}: the node is the BMS identified on that
     * bus from what it has carried so far (on NMEA 2000 the MG Master LV by its address claim or
     * its traffic), else the configured node. Does not wait and sends nothing.
     */
    default RequestOptions defaults(Connection connection) {
        return defaults();
    }

    /** Reads one register from the default node. */
    default CompletableFuture<RegisterResult> read(Connection connection, int register) {
        return read(connection, register, defaults());
    }

    /**
     * Reads one register: sends a request, waits for the value (broadcast or addressed to us),
     * or an error ACK from the node; sends again after each timeout, up to {@code tries}.
     * A register outside the catalogue may be read: the result has the raw bytes only.
     */
    CompletableFuture<RegisterResult> read(Connection connection, int register, RequestOptions options);

    /** Reads registers one after the other; the results are in the order asked. */
    CompletableFuture<List<RegisterResult>> readAll(Connection connection, List<Integer> registers,
            RequestOptions options);

    /**
     * Writes a value to a writable register and confirms it: a value outside the catalogue's
     * range, a read-only or unknown register, or a value that is not a whole number is
     * {@link Outcome#REFUSED} before anything is sent. The write is sent once; the device
     * confirms by broadcasting the new value, or rejects with an error ACK. Without either
     * within the timeout, the register is read back ({@code tries} requests) and compared.
     */
    CompletableFuture<RegisterResult> write(Connection connection, int register, Number value, RequestOptions options);
}
