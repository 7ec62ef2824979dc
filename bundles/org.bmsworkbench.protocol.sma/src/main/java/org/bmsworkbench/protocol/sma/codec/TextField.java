package org.bmsworkbench.protocol.sma.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.can.FrameView;

/** ASCII characters padded with NULs; a field of padding only decodes to null. */
final class TextField implements RememberingField {
    private final SignalDescriptor descriptor;
    private final int offset;
    private final int length;

    TextField(SignalDescriptor descriptor, int offset, int length) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        if (offset < 0 || length < 1 || offset + length > 8) {
            throw new IllegalArgumentException(descriptor.key() + ": " + length + " bytes at " + offset + " do not fit 8 bytes");
        }
        this.offset = offset;
        this.length = length;
    }

    @Override
    public SignalDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public int end() {
        return offset + length;
    }

    @Override
    public List<SignalLayout> layouts() {
        return characterLayouts(key(), offset, length, 1);
    }

    /**
     * One 8-bit signal per ASCII character: {@code KEY_charN} for the characters
     * {@code firstCharacter} … of the key's text, starting at byte {@code offset}.
     */
    static List<SignalLayout> characterLayouts(String key, int offset, int length, int firstCharacter) {
        List<SignalLayout> layouts = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            int n = firstCharacter + i;
            layouts.add(SignalLayout.of(SignalLayout.nameOf(key) + "_char" + n, key, (offset + i) * 8, 8, false, 1, 0,
                    0, 255, "", key + ": character " + n + " (ASCII code); trailing NUL, 0xFF and space are padding."));
        }
        return layouts;
    }

    /**
     * The text as {@link FrameFields#ascii} reads it, null for padding only. With a memory it is read
     * once while the bytes (packed little endian) stay the same, so only a new text copies a frame view.
     */
    @Override
    public Object value(FrameView frame, DecodeMemory memory, int slot) {
        int count = Math.max(0, Math.min(length, frame.length() - offset));
        boolean remember = memory != null && count == length;
        long raw = 0;
        if (remember) {
            for (int i = 0; i < count; i++) {
                raw |= (long) frame.u8(offset + i) << 8 * i;
            }
            Object known = memory.get(slot, raw);
            if (DecodeMemory.found(known)) {
                return known;
            }
        }
        String text = FrameFields.ascii(frame.toFrame(), offset, length);
        Object value = text.isEmpty() ? null : text;
        if (remember) {
            memory.put(slot, raw, value);
        }
        return value;
    }

    @Override
    public void encode(Object value, byte[] data) {
        for (int i = 0; i < length; i++) {
            data[offset + i] = 0;
        }
        if (value == null) {
            return;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(key() + " = " + value + " is not text");
        }
        if (text.length() > length) {
            throw new IllegalArgumentException(key() + " = \"" + text + "\" is longer than " + length + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(key() + " = \"" + text + "\" holds a character outside printable ASCII");
            }
            data[offset + i] = (byte) c;
        }
    }
}
