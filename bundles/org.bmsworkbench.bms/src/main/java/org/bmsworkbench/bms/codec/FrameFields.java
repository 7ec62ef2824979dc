package org.bmsworkbench.bms.codec;

import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * Little-endian field access on a frame, with the not-available markers of the MG guide
 * (un16 0xFFFF, sn16 0x8000, un32 0xFFFFFFFF; NMEA 2000 int16 0x7FFF, uint8 0xFF, ...).
 * Methods return null for a marker.
 */
public final class FrameFields {
    private FrameFields() {
    }

    /** Fails unless the frame carries at least {@code bytes} data bytes. */
    public static void requireLength(CanFrame frame, int bytes, String message) throws MalformedFrameException {
        if (frame.length() < bytes) {
            throw new MalformedFrameException(String.format("0x%s %s needs %d data byte%s, got %d",
                    frame.idHex(), message, bytes, bytes == 1 ? "" : "s", frame.length()));
        }
    }

    /**
     * {@link #requireLength(CanFrame, int, String)} for a view, with the same text: nothing is
     * allocated unless the frame is too short (then it is copied for the text).
     */
    public static void requireLength(FrameView frame, int bytes, String message) throws MalformedFrameException {
        if (frame.length() < bytes) {
            requireLength(frame.toFrame(), bytes, message);
        }
    }

    /** {@link #u16(CanFrame, int)} for a view: un16, little endian. */
    public static int u16(FrameView f, int offset) {
        return f.u8(offset) | f.u8(offset + 1) << 8;
    }

    public static int u16(CanFrame f, int offset) {
        return f.u8(offset) | f.u8(offset + 1) << 8;
    }

    public static int s16(CanFrame f, int offset) {
        return (short) u16(f, offset);
    }

    public static long u32(CanFrame f, int offset) {
        return (u16(f, offset) | (long) u16(f, offset + 2) << 16) & 0xFFFF_FFFFL;
    }

    public static int s32(CanFrame f, int offset) {
        return (int) u32(f, offset);
    }

    /** un16, null when 0xFFFF. */
    public static Integer u16OrNull(CanFrame f, int offset) {
        int v = u16(f, offset);
        return v == 0xFFFF ? null : v;
    }

    /** sn16, null when 0x8000. */
    public static Integer s16OrNull(CanFrame f, int offset) {
        int v = s16(f, offset);
        return v == Short.MIN_VALUE ? null : v;
    }

    /** un32, null when 0xFFFFFFFF. */
    public static Long u32OrNull(CanFrame f, int offset) {
        long v = u32(f, offset);
        return v == 0xFFFF_FFFFL ? null : v;
    }

    /** ASCII characters, trailing NUL, 0xFF and space padding trimmed. */
    public static String ascii(CanFrame f, int offset, int length) {
        int end = asciiEnd(f, offset, length);
        char[] chars = new char[end - offset];
        for (int i = offset; i < end; i++) {
            chars[i - offset] = asciiChar(f.u8(i));
        }
        return new String(chars);
    }

    /**
     * Whether {@link #ascii} of these bytes is {@code text}, compared byte by byte without making the
     * string: for a name check on a hot path (a detection score), which would otherwise make a string
     * a frame.
     */
    public static boolean asciiEquals(FrameView f, int offset, int length, String text) {
        int end = asciiEnd(f, offset, length);
        if (end - offset != text.length()) {
            return false;
        }
        for (int i = offset; i < end; i++) {
            if (asciiChar(f.u8(i)) != text.charAt(i - offset)) {
                return false;
            }
        }
        return true;
    }

    /** The end of {@link #ascii}'s characters: the frame's or the field's, padding trimmed; never before {@code offset}. */
    private static int asciiEnd(FrameView f, int offset, int length) {
        int end = Math.min(offset + length, f.length());
        while (end > offset && (f.u8(end - 1) == 0 || f.u8(end - 1) == 0xFF || f.u8(end - 1) == ' ')) {
            end--;
        }
        return Math.max(end, offset);
    }

    /** A printable byte as itself, any other as '?'. */
    private static char asciiChar(int c) {
        return c >= 0x20 && c < 0x7F ? (char) c : '?';
    }

    public static void putU16(byte[] data, int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
    }

    public static void putU32(byte[] data, int offset, long value) {
        putU16(data, offset, (int) value);
        putU16(data, offset + 2, (int) (value >>> 16));
    }
}
