package org.bmsworkbench.bms;

import java.util.List;
import java.util.function.Consumer;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.Subscription;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Live decoding of one connection into one {@link BmsModel}. Follows protocols as they are
 * installed and removed: a requested protocol that arrives later starts decoding at once, one
 * that leaves stops (its session is dropped), and in {@code auto} mode detection runs again.
 */
@ProviderType
public interface BmsSession extends AutoCloseable {

    Connection connection();

    BmsModel model();

    /** A protocol id, or {@code auto}. */
    String requestedProtocol();

    /** The protocol ids decoding now, in order; empty while waiting for a protocol or detecting. */
    List<String> activeProtocols();

    /** In auto mode, why the active protocols were chosen; otherwise empty. */
    String detectionEvidence();

    long decodedMessages();

    /** Frames that had a protocol's id but could not be decoded. */
    long malformedFrames();

    /** The last malformed-frame message, or null. */
    String lastProblem();

    /** Each decoded message, on the transport thread, after the model has it. Must not block. */
    Subscription onMessage(Consumer<DecodedMessage> listener);

    /** Stops decoding; the connection stays open. */
    @Override
    void close();
}
