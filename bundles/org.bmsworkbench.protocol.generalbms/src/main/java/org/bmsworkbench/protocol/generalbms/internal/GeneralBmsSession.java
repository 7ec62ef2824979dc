package org.bmsworkbench.protocol.generalbms.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.sma.codec.DecodeMemory;
import org.bmsworkbench.protocol.sma.codec.SmaCodec;

/**
 * General BMS on one connection: every frame but the serial halves is decoded by the codec
 * alone; the session keeps the last 0x380 and 0x381 of each bus and, when a half arrives and
 * the other half of the same bus is known, emits {@code bms.serial} with the message. Until
 * then a half decodes to its message with no signals. The values its fields decoded last are in the
 * session's own {@link DecodeMemory}, never another session's. Used from one thread at a time.
 */
final class GeneralBmsSession implements ProtocolSession {
    /** More buses than this in one session is not a real bus: start over rather than grow. */
    private static final int MAX_BUSES = 64;
    private static final String SERIAL_KEY = "bms.serial";

    private final SmaCodec codec;
    private final DecodeMemory memory;
    private final Map<String, SerialParts> serials = new HashMap<>();

    GeneralBmsSession(SmaCodec codec) {
        this.codec = codec;
        this.memory = codec.newMemory();
    }

    @Override
    public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
        DecodedMessage message = codec.decode(frame, memory);
        if (message == null || frame.id() != GeneralBmsMessages.SERIAL_NUMBER_HIGH.canId()
                && frame.id() != GeneralBmsMessages.SERIAL_NUMBER_LOW.canId()) {
            return message;
        }
        String bus = Objects.toString(frame.bus(), "");
        SerialParts parts = serials.get(bus);
        if (parts == null) {
            if (serials.size() >= MAX_BUSES) {
                serials.clear();
            }
            parts = new SerialParts();
            serials.put(bus, parts);
        }
        boolean high = frame.id() == GeneralBmsMessages.SERIAL_NUMBER_HIGH.canId();
        parts.put(high ? GeneralBmsMessages.SERIAL_NUMBER_HIGH.first() : GeneralBmsMessages.SERIAL_NUMBER_LOW.first(),
                frame);
        if (!parts.complete()) {
            return message;
        }
        return DecodedMessage.of(message.protocol(), message.message(), frame,
                Collections.singletonMap(SERIAL_KEY, SerialNumberHalf.serial(parts.bytes)));
    }

    /**
     * The codec's field-by-field decoding for every frame but the serial halves, which keep state and
     * are rare (a few a minute): they take the default path, {@link #decode} of a copy and a replay.
     */
    @Override
    public boolean decodeTo(FrameView frame, MessageSink sink) throws MalformedFrameException {
        if (!frame.extended() && (frame.id() == GeneralBmsMessages.SERIAL_NUMBER_HIGH.canId()
                || frame.id() == GeneralBmsMessages.SERIAL_NUMBER_LOW.canId())) {
            return ProtocolSession.super.decodeTo(frame, sink);
        }
        return codec.decodeTo(frame, memory, sink);
    }

    @Override
    public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        return List.of(codec.encode(message, signals, bus, timestampMicros));
    }

    /** The last high and low part seen on one bus. */
    private static final class SerialParts {
        final byte[] bytes = new byte[SerialNumberHalf.SERIAL_LENGTH];
        boolean highKnown;
        boolean lowKnown;

        void put(int first, CanFrame frame) {
            for (int i = 0; i < SerialNumberHalf.CHARACTERS; i++) {
                bytes[first + i] = (byte) frame.u8(i);
            }
            if (first == 0) {
                highKnown = true;
            } else {
                lowKnown = true;
            }
        }

        boolean complete() {
            return highKnown && lowKnown;
        }
    }
}
