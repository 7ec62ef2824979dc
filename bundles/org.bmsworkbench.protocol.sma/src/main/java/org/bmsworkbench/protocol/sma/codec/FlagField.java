package org.bmsworkbench.protocol.sma.codec;

import java.util.List;
import java.util.Objects;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/** One bit as a {@link Boolean}; null encodes as 0. */
final class FlagField implements SignalField {
    private final SignalDescriptor descriptor;
    private final int index;
    private final int bit;

    FlagField(SignalDescriptor descriptor, int index, int bit) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        if (index < 0 || index > 7 || bit < 0 || bit > 7) {
            throw new IllegalArgumentException(descriptor.key() + ": no bit " + bit + " in byte " + index);
        }
        this.index = index;
        this.bit = bit;
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
        return List.of(SignalLayout.of(SignalLayout.nameOf(key()), key(), index * 8 + bit, 1, false, 1, 0, 0, 1, "",
                key() + ": " + descriptor.description() + " 1 true, 0 false."));
    }

    @Override
    public Object decode(CanFrame frame) {
        return set(frame);
    }

    @Override
    public void decodeTo(FrameView frame, MessageSink sink) {
        sink.value(descriptor.key(), set(frame)); // Boolean.TRUE or FALSE: nothing allocated
    }

    private boolean set(FrameView frame) {
        return (frame.u8(index) >> bit & 1) == 1;
    }

    @Override
    public void encode(Object value, byte[] data) {
        boolean set;
        if (value == null) {
            set = false;
        } else if (value instanceof Boolean b) {
            set = b;
        } else {
            throw new IllegalArgumentException(key() + " = " + value + " is not true, false or null");
        }
        data[index] = (byte) (set ? data[index] | 1 << bit : data[index] & ~(1 << bit));
    }
}
