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

    /**
     * Which device the model follows on a bus of many devices (see {@link DeviceChoice}): the
     * one the user chose, else the BMS a protocol identified, else the only battery sender;
     * when several could be the one, none, and the choice says so. {@link DeviceChoice#NONE} on
     * an 11-bit bus.
     */
    DeviceChoice deviceChoice();

    /**
     * Follows the device at {@code address} from now on (the user's choice, like
     * {@code --device}); {@code instance} picks one battery of a source that sends several (null:
     * all its messages). {@code address} null goes back to the automatic choice. The model is
     * cleared when the followed device changes.
     */
    void follow(Integer address, Integer instance);

    /** Each decoded message, on the transport thread, after the model has it (whichever device sent it). Must not block. */
    Subscription onMessage(Consumer<DecodedMessage> listener);

    /** Stops decoding; the connection stays open. */
    @Override
    void close();
}
