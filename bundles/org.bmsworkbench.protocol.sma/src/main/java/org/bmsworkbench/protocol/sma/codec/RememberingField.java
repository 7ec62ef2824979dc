package org.bmsworkbench.protocol.sma.codec;

import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * A field whose value is an object made from its bytes (a text, a version): one core,
 * {@link #value}, behind both decoding paths, with or without a session's {@link DecodeMemory}.
 */
interface RememberingField extends SignalField {

    /** The value of the field in {@code frame}; with a memory (not null), the one slot {@code slot} holds for the same bytes. */
    Object value(FrameView frame, DecodeMemory memory, int slot);

    @Override
    default Object decode(CanFrame frame) {
        return value(frame, null, 0);
    }

    @Override
    default Object decode(CanFrame frame, DecodeMemory memory, int slot) {
        return value(frame, memory, slot);
    }

    @Override
    default void decodeTo(FrameView frame, MessageSink sink) {
        sink.value(key(), value(frame, null, 0));
    }

    @Override
    default void decodeTo(FrameView frame, DecodeMemory memory, int slot, MessageSink sink) {
        sink.value(key(), value(frame, memory, slot));
    }
}
