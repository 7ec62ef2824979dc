package org.bmsworkbench.protocol.sma.internal;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.can.FrameView;

/**
 * Writes down every call as text, the frame by all its fields and bytes as they are during
 * {@link #begin}, a double by its exact bits and any other value with its class, so that two sinks
 * are equal exactly when they were sent the same.
 */
final class RecordingSink implements MessageSink {
    final List<String> events = new ArrayList<>();

    @Override
    public void begin(String protocol, String message, FrameView frame, int pgn, int source, int destination,
            int instance, int register, int code, int dataId) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < frame.length(); i++) {
            data.append(String.format("%02X", frame.u8(i)));
        }
        events.add("begin " + protocol + " " + message + " [" + frame.timestampMicros() + " " + frame.bus() + " "
                + Integer.toHexString(frame.id()) + " ext=" + frame.extended() + " rtr=" + frame.remote() + " err="
                + frame.error() + " fd=" + frame.fd() + " dlc=" + frame.dlc() + " " + frame.direction() + " " + data
                + "] " + List.of(pgn, source, destination, instance, register, code, dataId));
    }

    @Override
    public void number(String key, double value) {
        events.add("number " + key + " " + value + " " + Long.toHexString(Double.doubleToRawLongBits(value)));
    }

    @Override
    public void value(String key, Object value) {
        events.add("value " + key + " " + (value == null ? "null" : value.getClass().getName() + " " + value));
    }

    @Override
    public void end() {
        events.add("end");
    }
}
