package org.bmsworkbench.protocol.sma.codec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/** A two-bit alarm or warning state: 1 "raised", 2 "cleared", 0 and 3 null (guide 1.3.2, 0x35A). */
final class AlarmField implements SignalField {
    static final String RAISED = "raised";
    static final String CLEARED = "cleared";
    /** The two bits' values by name, as a DBC value table shows them. */
    static final Map<Long, String> VALUE_NAMES = Map.of(0L, "none", 1L, RAISED, 2L, CLEARED, 3L, "invalid");

    private final SignalDescriptor descriptor;
    private final int index;
    private final int shift;

    AlarmField(SignalDescriptor descriptor, int index, int shift) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        if (index < 0 || index > 7 || shift < 0 || shift > 6 || shift % 2 != 0) {
            throw new IllegalArgumentException(descriptor.key() + ": no two-bit field at byte " + index + " bit " + shift);
        }
        this.index = index;
        this.shift = shift;
    }

    @Override
    public SignalDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public int end() {
        return index + 1;
    }

    @Override
    public List<SignalLayout> layouts() {
        return List.of(new SignalLayout(SignalLayout.nameOf(key()), key(), index * 8 + shift, 2, false, 1, 0, 0, 3, "",
                key() + ": " + descriptor.description() + " 1 raised, 2 cleared; 0 and 3 give no state (null).",
                VALUE_NAMES));
    }

    @Override
    public Object decode(CanFrame frame) {
        return state(frame);
    }

    @Override
    public void decodeTo(FrameView frame, MessageSink sink) {
        sink.value(descriptor.key(), state(frame));
    }

    private String state(FrameView frame) {
        int bits = frame.u8(index) >> shift & 0b11;
        return bits == 1 ? RAISED : bits == 2 ? CLEARED : null;
    }

    @Override
    public void encode(Object value, byte[] data) {
        int bits;
        if (value == null) {
            bits = 0;
        } else if (RAISED.equals(value)) {
            bits = 1;
        } else if (CLEARED.equals(value)) {
            bits = 2;
        } else {
            throw new IllegalArgumentException(key() + " = " + value + " is not \"raised\", \"cleared\" or null");
        }
        data[index] = (byte) (data[index] & ~(0b11 << shift) | bits << shift);
    }
}
