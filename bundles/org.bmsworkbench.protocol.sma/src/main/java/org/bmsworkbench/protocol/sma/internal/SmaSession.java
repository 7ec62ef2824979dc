package org.bmsworkbench.protocol.sma.internal;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.sma.codec.DecodeMemory;
import org.bmsworkbench.protocol.sma.codec.SmaCodec;

/**
 * A session of a protocol whose every message is one frame: the codec does it all; the session
 * holds only its own memory of the values decoded last, so that sessions never share it.
 */
final class SmaSession implements ProtocolSession {
    private final SmaCodec codec;
    private final DecodeMemory memory;

    SmaSession(SmaCodec codec) {
        this.codec = codec;
        this.memory = codec.newMemory();
    }

    @Override
    public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
        return codec.decode(frame, memory);
    }

    /** The codec's field-by-field decoding: no message, map, box or frame copy a frame. */
    @Override
    public boolean decodeTo(FrameView frame, MessageSink sink) throws MalformedFrameException {
        return codec.decodeTo(frame, memory, sink);
    }

    @Override
    public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        return List.of(codec.encode(message, signals, bus, timestampMicros));
    }
}
