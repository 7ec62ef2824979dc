package org.bmsworkbench.bms.fets;

import java.util.concurrent.CompletableFuture;
import org.bmsworkbench.can.Connection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Switches the MOSFETs of one make of BMS, registered as a service by the protocol bundle of
 * that make with the {@link org.bmsworkbench.bms.ProtocolId} property. It only sends and
 * confirms: whether switching is safe (no protection still active, the user has confirmed) is
 * the caller's decision, and the caller writes the audit record.
 */
@ConsumerType
public interface FetControl {

    /** The protocol id this control speaks for ({@code jbd}, {@code daly}). */
    String protocol();

    /** Whether this make can switch the charge MOSFET ({@code charge}) or the discharge one. */
    boolean canSwitch(boolean charge);

    /**
     * Sends what switches the MOSFETs as asked and confirms the result from the BMS's answer or a
     * read-back. On a byte-stream link it holds {@code StreamLink.exchangeLock()} while a request
     * waits for its answer. Refuses a listen-only connection or a replay without sending. Returns
     * at once; the future never completes exceptionally.
     */
    CompletableFuture<FetResult> apply(Connection connection, FetCommand command);
}
