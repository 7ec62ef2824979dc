package org.bmsworkbench.bms;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
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
     * Decodes one frame into {@code sink}, the allocation-free counterpart of {@link #decode(CanFrame)}
     * for the decoder's hot path: the same message, signals and order, sent field by field. The view
     * is valid during this call only: a session that keeps bytes copies them, one that keeps the frame
     * keeps {@link FrameView#toFrame()}.
     *
     * <p>The default decodes {@code frame.toFrame()} and {@linkplain MessageSink#replay replays} the
     * message; protocols on the hot path override it to decode without objects a frame.
     *
     * @return true when the frame completed a message and the sink received all of it (begin,
     *         signals, end); false, with nothing sent, when it is not this protocol's or only part of a
     *         message
     * @throws MalformedFrameException as {@link #decode(CanFrame)}; the sink may then hold the start of
     *         a message, which its owner discards
     */
    default boolean decodeTo(FrameView frame, MessageSink sink) throws MalformedFrameException {
        DecodedMessage message = decode(frame.toFrame());
        if (message == null) {
            return false;
        }
        MessageSink.replay(message, sink);
        return true;
    }

    /**
     * Decodes one frame into every message it completes, in order. A CAN frame completes at most
     * one (the default wraps {@link #decode}); a {@linkplain CanFrame#chunk() chunk} of a byte
     * stream may complete none (a message spans chunks) or several (messages share a chunk), so
     * byte-stream protocols override this and keep the bytes of an unfinished message.
     *
     * @return the messages, empty when the frame completes none or is not this protocol's
     * @throws MalformedFrameException when the frame is this protocol's but cannot be decoded; bytes
     *         a stream protocol skips are reported this way after the messages before them are kept
     */
    default List<DecodedMessage> decodeAll(CanFrame frame) throws MalformedFrameException {
        DecodedMessage m = decode(frame);
        return m == null ? List.of() : List.of(m);
    }

    /**
     * The requests of one poll cycle, for a protocol whose device speaks only when asked (a JBD
     * or Daly BMS on a serial line, a Daly on CAN): the live session sends them one after the
     * other, each when the answer to the one before has been decoded or has timed out, once every
     * poll period (see {@code StreamLink}), and never on a listen-only connection or a replay.
     * Empty (the default) for a protocol that only listens. It is also called once to learn
     * whether the protocol polls at all, so it must not change the session's state.
     *
     * @param bus             the bus or port name for the frames
     * @param byteStream      true on a byte-stream link (requests are {@linkplain CanFrame#chunk()
     *                        chunks}), false on a CAN bus (requests are CAN frames); a protocol with
     *                        nothing to ask on that kind of link returns an empty list
     * @param timestampMicros the frames' time
     */
    default List<CanFrame> pollRequests(String bus, boolean byteStream, long timestampMicros) {
        return List.of();
    }

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
