package org.bmsworkbench.protocol.sma.codec;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.can.FrameView;

/**
 * A version as two bytes, major then minor (guide 1.3.2, 0x35F: "MSB first", 0x0118 → V1.24):
 * {@code "MAJOR.MM"}, the minor number with at least two digits. {@code FF FF}, the un16
 * marker, is not available.
 */
final class VersionField implements RememberingField {
    private static final Pattern VERSION = Pattern.compile("(\\d{1,3})\\.(\\d{2}|[1-9]\\d{2})");

    private final SignalDescriptor descriptor;
    private final int offset;

    VersionField(SignalDescriptor descriptor, int offset) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        if (offset < 0 || offset > 6) {
            throw new IllegalArgumentException(descriptor.key() + ": offset " + offset + " does not fit 8 bytes");
        }
        this.offset = offset;
    }

    @Override
    public SignalDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public int end() {
        return offset + 2;
    }

    @Override
    public List<SignalLayout> layouts() {
        String name = SignalLayout.nameOf(key());
        return List.of(
                SignalLayout.of(name + "_major", key(), offset * 8, 8, false, 1, 0, 0, 255, "",
                        key() + ": major number, sent first (01 18 is 1.24); FF FF: not available."),
                SignalLayout.of(name + "_minor", key(), offset * 8 + 8, 8, false, 1, 0, 0, 255, "",
                        key() + ": minor number, two digits at least (01 18 is 1.24); FF FF: not available."));
    }

    /** The text of the two bytes; with a memory, made once while they stay the same. */
    @Override
    public Object value(FrameView frame, DecodeMemory memory, int slot) {
        int major = frame.u8(offset);
        int minor = frame.u8(offset + 1);
        int raw = major << 8 | minor;
        if (raw == 0xFFFF) {
            return null;
        }
        if (memory != null) {
            Object known = memory.get(slot, raw);
            if (DecodeMemory.found(known)) {
                return known;
            }
        }
        String version = major + (minor < 10 ? ".0" : ".") + minor;
        if (memory != null) {
            memory.put(slot, raw, version);
        }
        return version;
    }

    @Override
    public void encode(Object value, byte[] data) {
        int major = 0xFF;
        int minor = 0xFF;
        if (value != null) {
            Matcher m = value instanceof String s ? VERSION.matcher(s) : null;
            if (m == null || !m.matches()) {
                throw new IllegalArgumentException(key() + " = " + value + " is not a version MAJOR.MM (e.g. \"1.24\")");
            }
            major = Integer.parseInt(m.group(1));
            minor = Integer.parseInt(m.group(2));
            if (major > 255 || minor > 255 || major == 255 && minor == 255) {
                throw new IllegalArgumentException(key() + " = " + value + " is outside 0.00..255.254");
            }
        }
        data[offset] = (byte) major;
        data[offset + 1] = (byte) minor;
    }
}
