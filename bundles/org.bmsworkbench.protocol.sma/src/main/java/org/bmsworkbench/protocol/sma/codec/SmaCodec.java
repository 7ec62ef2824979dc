package org.bmsworkbench.protocol.sma.codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bmsworkbench.bms.BmsProtocol.MessageInfo;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * The frame codec of the SMA protocol (guide 1.3) and of every protocol built on its frames:
 * a table of {@link MessageCodec}s by 11-bit id, decoding and encoding under one protocol id.
 * Immutable, stateless and thread-safe: what a session remembers so as not to make a repeated text,
 * version or whole number again is its own {@link DecodeMemory} ({@link #newMemory()}), passed in.
 *
 * <p>{@code new SmaCodec("sma")} holds the seven SMA messages of {@link SmaMessages}. General
 * BMS reuses them: {@code new SmaCodec("general-bms").with(List.of(cellInfo, energy, ...))}.
 */
public final class SmaCodec {
    /** The protocol id of the SMA protocol. */
    public static final String SMA = "sma";

    private final String protocolId;
    /** Indexed by 11-bit id: the hot path looks up every frame. */
    private final MessageCodec[] byId = new MessageCodec[CanFrame.MAX_STANDARD_ID + 1];
    /** Indexed by 11-bit id: the first {@link DecodeMemory} slot of the message, one a signal. */
    private final int[] slotById = new int[CanFrame.MAX_STANDARD_ID + 1];
    private final int slots;
    private final Map<String, MessageCodec> byName;
    private final List<SignalDescriptor> signals;

    /** The seven SMA messages, decoded under {@code protocolId}. */
    public SmaCodec(String protocolId) {
        this(protocolId, SmaMessages.all());
    }

    /**
     * Exactly {@code messages}, decoded under {@code protocolId}.
     *
     * @throws IllegalArgumentException when two messages share an id or a name
     */
    public SmaCodec(String protocolId, Collection<? extends MessageCodec> messages) {
        this.protocolId = Objects.requireNonNull(protocolId, "protocolId");
        Map<Integer, MessageCodec> ids = new LinkedHashMap<>();
        Map<String, MessageCodec> names = new LinkedHashMap<>();
        Map<String, SignalDescriptor> keys = new LinkedHashMap<>();
        for (MessageCodec message : messages) {
            MessageCodec clash = ids.putIfAbsent(message.canId(), message);
            if (clash != null) {
                throw new IllegalArgumentException(String.format("0x%03X is both %s and %s", message.canId(),
                        clash.name(), message.name()));
            }
            if (names.putIfAbsent(message.name(), message) != null) {
                throw new IllegalArgumentException("message name " + message.name() + " appears twice");
            }
            message.signals().forEach(s -> keys.putIfAbsent(s.key(), s));
        }
        int slot = 0;
        for (MessageCodec message : ids.values()) {
            byId[message.canId()] = message;
            slotById[message.canId()] = slot;
            slot += message.signals().size();
        }
        this.slots = slot;
        this.byName = names;
        this.signals = List.copyOf(keys.values());
    }

    /** A codec with the same protocol id and these messages added after this one's. */
    public SmaCodec with(Collection<? extends MessageCodec> more) {
        List<MessageCodec> all = new ArrayList<>(byName.values());
        all.addAll(more);
        return new SmaCodec(protocolId, all);
    }

    public String protocolId() {
        return protocolId;
    }

    /** The messages, in the order given. */
    public List<MessageCodec> messages() {
        return List.copyOf(byName.values());
    }

    /** The message with this 11-bit id. */
    public Optional<MessageCodec> message(int canId) {
        return canId >= 0 && canId < byId.length ? Optional.ofNullable(byId[canId]) : Optional.empty();
    }

    /** The message with this name. */
    public Optional<MessageCodec> message(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The message a frame carries: an 11-bit data frame with one of this codec's ids, or empty. */
    public Optional<MessageCodec> messageOf(CanFrame frame) {
        return Optional.ofNullable(messageOrNull(frame));
    }

    /**
     * {@link #messageOf(CanFrame)} of a view, null for empty: reads the view's flags and id, makes
     * nothing (a detection score on the decoder's hot path asks it of every frame).
     */
    public MessageCodec messageOrNull(FrameView frame) {
        if (frame.extended() || frame.remote() || frame.error() || frame.fd()) {
            return null;
        }
        int id = frame.id();
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    /** Every key the messages fill, first occurrence first. */
    public List<SignalDescriptor> signals() {
        return signals;
    }

    /** The messages for {@link org.bmsworkbench.bms.BmsProtocol#messages()}. */
    public List<MessageInfo> messageInfos() {
        return byName.values().stream().map(m -> new MessageInfo(m.name(), m.canId(), false, m.description()))
                .toList();
    }

    /** The messages' layouts, for {@link org.bmsworkbench.bms.BmsProtocol#frameLayouts()} and {@code dbc export}. */
    public List<FrameLayout> frameLayouts() {
        return byName.values().stream().map(MessageCodec::layout).toList();
    }

    /**
     * Decodes one frame.
     *
     * @return the message, or null for a frame that is not one of this codec's (29-bit, remote,
     *         error, other id)
     * @throws MalformedFrameException when the frame has one of the ids but too few data bytes
     */
    public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
        if (frame.extended() || frame.remote() || frame.error() || frame.fd()) {
            return null;
        }
        MessageCodec message = byId[frame.id()];
        return message == null ? null : DecodedMessage.of(protocolId, message.name(), frame, message.decode(frame));
    }

    /** A session's memory of the values this codec's fields decoded last, empty: one slot a signal of each message. */
    public DecodeMemory newMemory() {
        return new DecodeMemory(this, slots);
    }

    /**
     * {@link #decode(CanFrame)} with a session's memory: the same message, its texts, versions and
     * whole numbers the objects the memory holds while their bytes repeat.
     *
     * @throws IllegalArgumentException when {@code memory} was made by another codec
     */
    public DecodedMessage decode(CanFrame frame, DecodeMemory memory) throws MalformedFrameException {
        requireOwn(memory);
        if (frame.extended() || frame.remote() || frame.error() || frame.fd()) {
            return null;
        }
        int id = frame.id();
        MessageCodec message = byId[id];
        return message == null ? null
                : DecodedMessage.of(protocolId, message.name(), frame, message.decode(frame, memory, slotById[id]));
    }

    /**
     * Decodes one frame into {@code sink}, the counterpart of {@link #decode}: the same message and
     * signals in the same order, sent field by field (see {@link MessageCodec#decodeTo}). Without a
     * memory a text, a version or a whole number over 127 is made again each frame; a session uses
     * {@link #decodeTo(FrameView, DecodeMemory, MessageSink)}.
     *
     * @return true when the sink received the message, false (nothing sent) for a frame that is not
     *         one of this codec's
     * @throws MalformedFrameException as {@link #decode}, before anything is sent
     */
    public boolean decodeTo(FrameView frame, MessageSink sink) throws MalformedFrameException {
        return decodeTo(frame, null, sink);
    }

    /**
     * {@link #decodeTo(FrameView, MessageSink)} with a session's memory, the allocation-free hot path:
     * nothing is allocated while the texts, versions and whole numbers repeat those the memory holds
     * (a new one, or a frame too short, copies the view).
     *
     * @throws IllegalArgumentException when {@code memory} was made by another codec
     */
    public boolean decodeTo(FrameView frame, DecodeMemory memory, MessageSink sink) throws MalformedFrameException {
        if (memory != null) {
            requireOwn(memory);
        }
        if (frame.extended() || frame.remote() || frame.error() || frame.fd()) {
            return false;
        }
        int id = frame.id();
        MessageCodec message = id >= 0 && id < byId.length ? byId[id] : null;
        if (message == null) {
            return false;
        }
        if (memory == null) {
            message.decodeTo(protocolId, frame, sink);
        } else {
            message.decodeTo(protocolId, frame, memory, slotById[id], sink);
        }
        return true;
    }

    private void requireOwn(DecodeMemory memory) {
        if (memory.codec() != this) {
            throw new IllegalArgumentException("the memory belongs to " + memory.codec() + ", not " + this);
        }
    }

    /**
     * Encodes one message from model values, the reverse of {@link #decode}: a received-direction
     * 11-bit data frame of the message's guide length.
     *
     * @throws IllegalArgumentException for an unknown message, or a value of the wrong type or out
     *         of its field's range (the text names the key and the range)
     */
    public CanFrame encode(String message, Map<String, ?> values, String bus, long timestampMicros) {
        MessageCodec codec = byName.get(message);
        if (codec == null) {
            throw new IllegalArgumentException("protocol " + protocolId + " has no message " + message
                    + "; it has " + byName.keySet());
        }
        return CanFrame.wrap(timestampMicros, bus, codec.canId(), false, codec.encode(values));
    }

    @Override
    public String toString() {
        return "SmaCodec[" + protocolId + ", " + byName.values() + "]";
    }
}
