package org.bmsworkbench.protocol.sma.internal;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.sma.codec.SmaCodec;

/** A session of a protocol whose every message is one frame: no state, the codec does it all. */
final class SmaSession implements ProtocolSession {
    private final SmaCodec codec;

    SmaSession(SmaCodec codec) {
        this.codec = codec;
    }

    @Override
    public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
        return codec.decode(frame);
    }

    /** The codec's field-by-field decoding: no message, map, box or frame copy a frame. */
    @Override
    public boolean decodeTo(FrameView frame, MessageSink sink) throws MalformedFrameException {
        return codec.decodeTo(frame, sink);
    }

    @Override
    public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        return List.of(codec.encode(message, signals, bus, timestampMicros));
    }
}
