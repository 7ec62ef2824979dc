package org.bmsworkbench.protocol.sma.codec;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * The codec of one 11-bit message: one CAN id, one message name, its fields. Immutable and
 * thread-safe. {@link #of} builds one from {@link SignalField}s; a protocol may implement
 * this interface itself for a message fields cannot describe.
 */
public interface MessageCodec {

    /** The 11-bit CAN id, e.g. 0x356. */
    int canId();

    /** The message name, e.g. {@code battery_basic_info}. */
    String name();

    /** The message's title in the guide, e.g. "Battery basic info". */
    String description();

    /** The data bytes the guide defines: the least {@link #decode} accepts and the DLC {@link #encode} writes. */
    int length();

    /** The keys this message fills, in message order. */
    List<SignalDescriptor> signals();

    /**
     * Decodes a frame with this message's id.
     *
     * @return key → value in message order, null values for not-available markers
     * @throws MalformedFrameException naming id, message and byte count when the frame carries
     *         fewer than {@link #length()} bytes
     */
    Map<String, Object> decode(CanFrame frame) throws MalformedFrameException;

    /**
     * {@link #decode(CanFrame)} with a session's memory: this message owns the slots {@code slot} …
     * {@code slot + signals().size() - 1} of {@code memory}, one a field. The default ignores the memory.
     *
     * @throws MalformedFrameException as {@link #decode(CanFrame)}
     */
    default Map<String, Object> decode(CanFrame frame, DecodeMemory memory, int slot) throws MalformedFrameException {
        return decode(frame);
    }

    /**
     * Decodes a frame with this message's id into {@code sink}, the allocation-free counterpart of
     * {@link #decode}: {@link MessageSink#begin} with {@code protocol}, this message's name, the frame
     * and {@link MessageSink#NONE} for PGN, addresses, instance, register, code and data id; the
     * signals of {@link #decode} in order; {@link MessageSink#end}. The default decodes
     * {@code frame.toFrame()} and {@linkplain MessageSink#replay replays} the message; a message made
     * of fields decodes the view field by field.
     *
     * @throws MalformedFrameException as {@link #decode}, before anything is sent
     */
    default void decodeTo(String protocol, FrameView frame, MessageSink sink) throws MalformedFrameException {
        CanFrame copy = frame.toFrame();
        MessageSink.replay(DecodedMessage.of(protocol, name(), copy, decode(copy)), sink);
    }

    /**
     * {@link #decodeTo(String, FrameView, MessageSink)} with a session's memory, the slots as in
     * {@link #decode(CanFrame, DecodeMemory, int)}: a message made of fields allocates nothing while
     * its texts, versions and whole numbers repeat. The default ignores the memory.
     *
     * @throws MalformedFrameException as {@link #decode}, before anything is sent
     */
    default void decodeTo(String protocol, FrameView frame, DecodeMemory memory, int slot, MessageSink sink)
            throws MalformedFrameException {
        decodeTo(protocol, frame, sink);
    }

    /**
     * Encodes model values into {@link #length()} data bytes. Keys this message does not carry
     * are ignored; absent or null keys are sent as the field's not-available marker.
     *
     * @throws IllegalArgumentException naming the message and key for a value of the wrong type
     *         or out of the field's range
     */
    byte[] encode(Map<String, ?> signals);

    /**
     * Where the message's values sit, for {@code bmswb dbc export}. The default describes the
     * frame without signals; a message made of fields lists theirs.
     */
    default FrameLayout layout() {
        return new FrameLayout(canId(), false, name(), length(), description(), List.of());
    }

    /** A message made of fields; {@code length} must cover every field. */
    static MessageCodec of(int canId, String name, String description, int length, List<? extends SignalField> fields) {
        return new FieldMessageCodec(canId, name, description, length, fields);
    }
}
