package org.bmsworkbench.bms.testing;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;

/**
 * A test double of a session that keeps its {@code decode} and {@code encode} but leaves
 * {@code decodeTo} to {@link ProtocolSession}'s default (decode, then replay the message): the path
 * that makes objects a frame, so that an allocation test can show its count sees them.
 */
public final class DefaultDecodeTo {
    private DefaultDecodeTo() {
    }

    /** {@code session} without its own {@code decodeTo}. */
    public static ProtocolSession of(ProtocolSession session) {
        return new ProtocolSession() {
            @Override
            public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
                return session.decode(frame);
            }

            @Override
            public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
                return session.encode(message, signals, bus, timestampMicros);
            }
        };
    }
}
