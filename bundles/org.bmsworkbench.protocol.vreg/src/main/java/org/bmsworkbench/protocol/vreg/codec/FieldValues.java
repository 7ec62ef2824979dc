package org.bmsworkbench.protocol.vreg.codec;

import org.bmsworkbench.bms.codec.Decimals;
import org.bmsworkbench.bms.registers.FieldType;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.can.FrameView;

/**
 * Raw bytes to model values and back for one {@link RegisterField}: numbers scaled exactly
 * ({@link Double} when scaled or converted from Kelvin, {@link Long} for whole units), the
 * firmware version as text, zero-ended strings; the register's marker gives null. Decoding goes
 * through a field's {@linkplain #bits bits} (a {@code long}), from which both the value object
 * and, for a {@code Double}, the bare number are made.
 */
final class FieldValues {
    /** Value bytes start after 0x66 0x99 and the register id. */
    static final int VALUE_OFFSET = 4;

    private FieldValues() {
    }

    /** The raw little-endian integer of a numeric field (sign-extended for sn16/sn32). */
    static long raw(FrameView f, RegisterField field) {
        int at = VALUE_OFFSET + field.offset();
        long v = 0;
        int width = field.type().width();
        for (int i = width - 1; i >= 0; i--) {
            v = v << 8 | f.u8(at + i);
        }
        if (field.type().signed()) {
            int shift = 64 - 8 * width;
            v = v << shift >> shift;
        }
        return v;
    }

    /**
     * What a field's value is made of, read from the frame: a number's raw integer; a version's
     * un24; a string's 4 bytes, little endian, a byte the frame does not carry read as 0 (the end).
     */
    static long bits(FrameView f, RegisterField field) {
        int at = VALUE_OFFSET + field.offset();
        return switch (field.type()) {
            case STRING -> {
                long v = 0;
                for (int i = Math.min(at + 4, f.length()) - 1; i >= at; i--) {
                    v = v << 8 | f.u8(i);
                }
                yield v;
            }
            case VERSION -> f.u8(at + 1) | f.u8(at + 2) << 8 | f.u8(at + 3) << 16;
            default -> raw(f, field);
        };
    }

    /** The model value of a field's {@link #bits}, or null for the register's not-available marker. */
    static Object decode(long bits, RegisterField field) {
        return switch (field.type()) {
            case STRING -> string(bits);
            case VERSION -> version((int) bits);
            default -> number(bits, field);
        };
    }

    /** True when a field's value is a {@code Double} unless it is the marker ({@link #isMarker}). */
    static boolean isDouble(RegisterField field) {
        return !field.text() && (field.kelvin() || field.decimals() != 0);
    }

    /** True when a numeric field's raw integer is the register's not-available marker. */
    static boolean isMarker(long raw, RegisterField field) {
        Long marker = field.notAvailable();
        return marker != null && rawBits(raw, field.type()) == marker;
    }

    /** The value of a raw integer of an {@link #isDouble} field that is not the marker. */
    static double doubleValue(long raw, RegisterField field) {
        return field.kelvin() ? Decimals.kelvinToCelsius(raw, field.decimals()) : Decimals.scale(raw, field.decimals());
    }

    static Object number(long raw, RegisterField field) {
        if (isMarker(raw, field)) {
            return null;
        }
        return isDouble(field) ? (Object) doubleValue(raw, field) : (Object) raw;
    }

    /** A raw value as the unsigned bit pattern of its width (markers are written that way). */
    private static long rawBits(long raw, FieldType type) {
        return type.width() == 8 ? raw : raw & ((1L << 8 * type.width()) - 1);
    }

    /**
     * Guide 1.5.4.2, 0x0102: un8 identifier, then the un24 version, 0x123456 = v12.34.56, so
     * bytes {@code 00 00 04 01} are "1.04" (guide 1.5.4.3); the patch is appended as
     * {@code .PP} only when not zero. "0xFFFF = no firmware present": a version whose low 16
     * bits are 0xFFFF (0xFFFFFF included) is null.
     */
    private static String version(int version) {
        if ((version & 0xFFFF) == 0xFFFF) {
            return null;
        }
        String text = Integer.toHexString(version >>> 16).toUpperCase(java.util.Locale.ROOT) + "."
                + hex2(version >>> 8 & 0xFF);
        int patch = version & 0xFF;
        return patch == 0 ? text : text + "." + hex2(patch);
    }

    private static String hex2(int b) {
        String h = Integer.toHexString(b).toUpperCase(java.util.Locale.ROOT);
        return h.length() == 1 ? "0" + h : h;
    }

    /** The characters up to the first NUL (or 0xFF padding) of the 4 value bytes; null when none. */
    private static String string(long bytes) {
        if ((bytes & 0xFF) == 0 || (bytes & 0xFF) == 0xFF) {
            return null; // no character: no builder
        }
        StringBuilder b = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = (int) (bytes >>> 8 * i) & 0xFF;
            if (c == 0 || c == 0xFF) {
                break;
            }
            b.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return b.isEmpty() ? null : b.toString();
    }

    /**
     * Writes a field's value into {@code data} (a whole frame's bytes): null writes the marker.
     *
     * @throws IllegalArgumentException for a value of the wrong type, out of the type's range, equal to
     *         the marker, or null where the register has no marker
     */
    static void encode(Object value, RegisterField field, int register, byte[] data) {
        int at = VALUE_OFFSET + field.offset();
        switch (field.type()) {
            case STRING -> putString(value, field, register, data, at);
            case VERSION -> putLittleEndian(data, at, 4, (long) versionOf(value, field, register) << 8);
            default -> putLittleEndian(data, at, field.type().width(), rawOf(value, field, register));
        }
    }

    /** The raw integer for a numeric value of {@code field}, range-checked against its type. */
    static long rawOf(Object value, RegisterField field, int register) {
        Long marker = field.notAvailable();
        if (value == null) {
            if (marker == null) {
                throw new IllegalArgumentException(where(field, register) + " has no not-available marker: give a value");
            }
            return marker;
        }
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(where(field, register) + ": a number is needed, got " + value);
        }
        long raw;
        try {
            if (field.kelvin()) {
                raw = Decimals.celsiusToKelvin(n.doubleValue(), field.decimals());
            } else if (field.decimals() == 0 && !(n instanceof Double || n instanceof Float)) {
                raw = n.longValue();
            } else {
                raw = Decimals.unscale(n.doubleValue(), field.decimals());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(where(field, register) + ": " + value + " is not a number it can carry");
        }
        FieldType t = field.type();
        if (raw < t.minRaw() || raw > t.maxRaw() || marker != null && rawBits(raw, t) == marker) {
            throw new IllegalArgumentException(where(field, register) + ": " + value + " is outside the " + t.guideName()
                    + " range" + (marker == null ? "" : String.format(" (0x%X is the not-available marker)", marker)));
        }
        return raw;
    }

    private static int versionOf(Object value, RegisterField field, int register) {
        if (value == null) {
            return 0xFFFFFF;
        }
        String[] parts = value.toString().split("\\.", -1);
        try {
            if (parts.length < 2 || parts.length > 3) {
                throw new NumberFormatException();
            }
            int major = Integer.parseInt(parts[0], 16);
            int minor = Integer.parseInt(parts[1], 16);
            int patch = parts.length == 3 ? Integer.parseInt(parts[2], 16) : 0;
            if (major > 0xFF || minor > 0xFF || patch > 0xFF || parts[1].length() != 2
                    || parts.length == 3 && (parts[2].length() != 2 || patch == 0) || major < 0 || minor < 0 || patch < 0) {
                throw new NumberFormatException();
            }
            int version = major << 16 | minor << 8 | patch;
            if ((version & 0xFFFF) == 0xFFFF) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where(field, register) + ": '" + value
                    + "' is not a version M.mm or M.mm.pp (hexadecimal digits, as 0x123456 = 12.34.56)");
        }
    }

    private static void putString(Object value, RegisterField field, int register, byte[] data, int at) {
        String s = value == null ? "" : value.toString();
        if (s.length() > 4) {
            throw new IllegalArgumentException(where(field, register) + ": '" + s
                    + "' is longer than the 4 characters one frame carries");
        }
        for (int i = 0; i < 4; i++) {
            char c = i < s.length() ? s.charAt(i) : 0;
            if (i < s.length() && (c < 0x20 || c >= 0x7F)) {
                throw new IllegalArgumentException(where(field, register) + ": '" + s + "' is not printable ASCII");
            }
            data[at + i] = (byte) c;
        }
    }

    static void putLittleEndian(byte[] data, int at, int width, long value) {
        for (int i = 0; i < width; i++) {
            data[at + i] = (byte) (value >>> 8 * i);
        }
    }

    private static String where(RegisterField field, int register) {
        return String.format("register 0x%04X %s", register, field.key());
    }
}
