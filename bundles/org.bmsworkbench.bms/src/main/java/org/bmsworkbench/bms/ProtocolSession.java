package org.bmsworkbench.bms;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The decoding and encoding state of one protocol on one connection (fast-packet reassembly,
 * sequence counters, VREG transactions). Used from one thread at a time.
 */
@ConsumerType
public interface ProtocolSession {

    /**
     * Decodes one frame.
     *
     * @return the message this frame completes, or null when the frame is not this protocol's
     *         or only part of a message
     * @throws MalformedFrameException when the frame has this protocol's id but cannot be decoded
     */
    DecodedMessage decode(CanFrame frame) throws MalformedFrameException;

    /**
     * Encodes one message from model values, the reverse of {@link #decode(CanFrame)}: a key
     * that is absent or null is sent as the field's not-available marker.
     *
     * @param message  a message name this protocol decodes to
     * @param signals  model keys to values
     * @param bus      the bus name for the frames
     * @param timestampMicros the frames' time
     * @return the frames, in sending order (several for a fast packet)
     * @throws IllegalArgumentException for an unknown message or a value out of the field's range
     */
    List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros);
}
