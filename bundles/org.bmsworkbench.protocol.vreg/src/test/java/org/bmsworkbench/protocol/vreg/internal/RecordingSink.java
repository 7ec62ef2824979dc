package org.bmsworkbench.protocol.vreg.internal;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.can.FrameView;

/**
 * A sink that writes down every call, the frame's fields and bytes as they are during
 * {@link #begin} (a view is refilled afterwards), and the frame object itself.
 */
final class RecordingSink implements MessageSink {
    final List<String> calls = new ArrayList<>();
    final List<Object> values = new ArrayList<>();
    final List<FrameView> frames = new ArrayList<>();

    @Override
    public void begin(String protocol, String message, FrameView frame, int pgn, int source, int destination,
            int instance, int register, int code, int dataId) {
        byte[] data = new byte[frame.length()];
        frame.copyData(data, 0);
        calls.add("begin " + protocol + " " + message + " t=" + frame.timestampMicros() + " " + frame.bus() + " id="
                + Integer.toHexString(frame.id()) + " " + HexFormat.of().formatHex(data) + " pgn=" + pgn + " source="
                + source + " destination=" + destination + " instance=" + instance + " register=" + register + " code="
                + code + " dataId=" + dataId);
        frames.add(frame);
    }

    @Override
    public void number(String key, double value) {
        calls.add("number " + key + " " + value);
        values.add(value);
    }

    @Override
    public void value(String key, Object value) {
        calls.add("value " + key + " " + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
        values.add(value);
    }

    @Override
    public void end() {
        calls.add("end");
    }

    void clear() {
        calls.clear();
        values.clear();
        frames.clear();
    }
}
