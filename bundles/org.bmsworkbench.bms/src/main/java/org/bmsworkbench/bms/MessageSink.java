package org.bmsworkbench.bms;

import java.util.Map;
import org.bmsworkbench.can.FrameView;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives one decoded message field by field, the allocation-free counterpart of
 * {@link DecodedMessage}: {@link #begin}, then each signal in message order ({@link #number} for a
 * double, {@link #value} for anything else, null for the not-available marker), then {@link #end}.
 * The decoder's hot path ({@link ProtocolSession#decodeTo}) writes its records this way, so a
 * million frames make no million maps, boxes and messages.
 */
@ConsumerType
public interface MessageSink {
    /** An absent PGN, address, instance, register, code or data id (they are never negative). */
    int NONE = -1;

    /**
     * Starts a message. The arguments are {@link DecodedMessage}'s, with {@link #NONE} for null;
     * {@code frame} is valid during this call only (the sink copies what it keeps).
     */
    void begin(String protocol, String message, FrameView frame, int pgn, int source, int destination,
            int instance, int register, int code, int dataId);

    /** A signal whose value is a {@code double} ({@link DecodedMessage}'s {@code Double}). */
    void number(String key, double value);

    /**
     * A signal of any other value type ({@code Boolean}, {@code String}, {@code Long}, ...), as
     * {@link DecodedMessage#signals()} holds it; null when the device sent the not-available marker.
     */
    void value(String key, Object value);

    /** Ends the message begun last. */
    void end();

    /**
     * Sends {@code message} to {@code sink}: what {@link ProtocolSession#decodeTo}'s default does for
     * a session that only decodes into objects.
     */
    static void replay(DecodedMessage message, MessageSink sink) {
        sink.begin(message.protocol(), message.message(), message.frame(), orNone(message.pgn()),
                orNone(message.source()), orNone(message.destination()), orNone(message.instance()),
                orNone(message.register()), orNone(message.code()), orNone(message.dataId()));
        for (Map.Entry<String, Object> signal : message.signals().entrySet()) {
            if (signal.getValue() instanceof Double d) {
                sink.number(signal.getKey(), d);
            } else {
                sink.value(signal.getKey(), signal.getValue());
            }
        }
        sink.end();
    }

    private static int orNone(Integer value) {
        return value == null ? NONE : value;
    }
}
