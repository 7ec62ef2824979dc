package org.bmsworkbench.bms.testing;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.can.FrameView;

/**
 * A {@link MessageSink} that writes down every call as text: the frame by all its fields and bytes
 * as they are during {@link #begin} (a reused view is refilled afterwards), a double by its exact
 * bits and any other value with its class, so that two sinks' {@link #events} are equal exactly when
 * they were sent the same. It also keeps the values as sent and the frame objects {@code begin} got.
 */
public final class RecordingSink implements MessageSink {
    private final List<String> events = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final List<FrameView> frames = new ArrayList<>();

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
        frames.add(frame);
    }

    @Override
    public void number(String key, double value) {
        events.add("number " + key + " " + value + " " + Long.toHexString(Double.doubleToRawLongBits(value)));
        values.add(value);
    }

    @Override
    public void value(String key, Object value) {
        events.add("value " + key + " " + (value == null ? "null" : value.getClass().getName() + " " + value));
        values.add(value);
    }

    @Override
    public void end() {
        events.add("end");
    }

    /** Every call so far, one line each. */
    public List<String> events() {
        return events;
    }

    /** The values of {@link #number} (boxed) and {@link #value} so far, in order. */
    public List<Object> values() {
        return values;
    }

    /** The frame objects {@link #begin} got, in order (a reused view is the same object each time). */
    public List<FrameView> frames() {
        return frames;
    }
}
