package org.bmsworkbench.protocol.sma.codec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.bms.codec.SignalMap;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/** A {@link MessageCodec} described by its fields. */
final class FieldMessageCodec implements MessageCodec {
    private final int canId;
    private final String name;
    private final String description;
    private final int length;
    private final List<SignalField> fields;
    private final SignalField[] fieldArray;
    private final SignalMap.Keys keys;
    private final List<SignalDescriptor> signals;
    private final FrameLayout layout;

    FieldMessageCodec(int canId, String name, String description, int length, List<? extends SignalField> fields) {
        if (canId < 0 || canId > CanFrame.MAX_STANDARD_ID) {
            throw new IllegalArgumentException(String.format("CAN id 0x%X is not an 11-bit id", canId));
        }
        this.canId = canId;
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.fields = List.copyOf(fields);
        if (length < 0 || length > 8) {
            throw new IllegalArgumentException(name + ": length " + length + " is outside 0..8");
        }
        Set<String> keys = new HashSet<>();
        for (SignalField field : this.fields) {
            if (field.end() > length) {
                throw new IllegalArgumentException(name + ": field " + field.key() + " ends after byte " + length);
            }
            if (!keys.add(field.key())) {
                throw new IllegalArgumentException(name + ": key " + field.key() + " appears twice");
            }
        }
        this.length = length;
        this.signals = this.fields.stream().map(SignalField::descriptor).toList();
        this.fieldArray = this.fields.toArray(new SignalField[0]);
        this.keys = new SignalMap.Keys(this.fields.stream().map(SignalField::key).toList());
        List<SignalLayout> layouts = new ArrayList<>();
        this.fields.forEach(f -> layouts.addAll(f.layouts()));
        this.layout = new FrameLayout(canId, false, name, length, description, layouts);
    }

    @Override
    public int canId() {
        return canId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public List<SignalDescriptor> signals() {
        return signals;
    }

    @Override
    public FrameLayout layout() {
        return layout;
    }

    @Override
    public Map<String, Object> decode(CanFrame frame) throws MalformedFrameException {
        return decode(frame, null, 0);
    }

    @Override
    public Map<String, Object> decode(CanFrame frame, DecodeMemory memory, int slot) throws MalformedFrameException {
        FrameFields.requireLength(frame, length, name);
        Object[] values = new Object[fieldArray.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = memory == null ? fieldArray[i].decode(frame) : fieldArray[i].decode(frame, memory, slot + i);
        }
        return keys.wrap(values);
    }

    @Override
    public void decodeTo(String protocol, FrameView frame, MessageSink sink) throws MalformedFrameException {
        decodeTo(protocol, frame, null, 0, sink);
    }

    /** The same fields as {@link #decode}, each sending its value to the sink: with a memory nothing is allocated. */
    @Override
    public void decodeTo(String protocol, FrameView frame, DecodeMemory memory, int slot, MessageSink sink)
            throws MalformedFrameException {
        FrameFields.requireLength(frame, length, name);
        sink.begin(protocol, name, frame, MessageSink.NONE, MessageSink.NONE, MessageSink.NONE, MessageSink.NONE,
                MessageSink.NONE, MessageSink.NONE, MessageSink.NONE);
        for (int i = 0; i < fieldArray.length; i++) {
            if (memory == null) {
                fieldArray[i].decodeTo(frame, sink);
            } else {
                fieldArray[i].decodeTo(frame, memory, slot + i, sink);
            }
        }
        sink.end();
    }

    @Override
    public byte[] encode(Map<String, ?> values) {
        byte[] data = new byte[length];
        for (SignalField field : fields) {
            try {
                field.encode(values.get(field.key()), data);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(String.format("0x%03X %s: %s", canId, name, e.getMessage()), e);
            }
        }
        return data;
    }

    @Override
    public String toString() {
        return String.format("0x%03X %s", canId, name);
    }
}
