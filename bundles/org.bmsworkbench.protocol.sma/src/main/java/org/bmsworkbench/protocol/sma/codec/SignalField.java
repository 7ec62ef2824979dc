package org.bmsworkbench.protocol.sma.codec;

import java.util.List;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * One field of a frame mapped onto one model key. Decoding gives the key's value, or null
 * for the field's not-available marker; encoding writes the value, or the marker
 * for null. Implementations are immutable (the built-in ones remember the last text, version or
 * whole number they decoded, an invisible cache like {@link String}'s hash, so that a repeated
 * value is not made again).
 */
public interface SignalField {

    /** The model key this field fills, with its unit. */
    SignalDescriptor descriptor();

    /** The number of data bytes a frame needs for this field: its last byte index + 1. */
    int end();

    /** Reads the field from a frame that carries at least {@link #end()} bytes: the value, or null for the marker. */
    Object decode(CanFrame frame);

    /**
     * {@link #decode(CanFrame)}, remembering the value in slot {@code slot} of a session's
     * {@code memory} so that the same bits give the same object again. The default ignores the memory.
     */
    default Object decode(CanFrame frame, DecodeMemory memory, int slot) {
        return decode(frame);
    }

    /**
     * Sends the field's value in a frame that carries at least {@link #end()} bytes to {@code sink},
     * exactly as {@link #decode(CanFrame)} gives it: a {@link Double} as {@link MessageSink#number}
     * with the primitive, any other value (null for the marker) as {@link MessageSink#value}. The
     * default decodes {@code frame.toFrame()}; the built-in fields read the view, but without a
     * memory make a text, a version or a whole number over 127 again each frame (see the next method).
     */
    default void decodeTo(FrameView frame, MessageSink sink) {
        Object value = decode(frame.toFrame());
        if (value instanceof Double d) {
            sink.number(key(), d);
        } else {
            sink.value(key(), value);
        }
    }

    /**
     * {@link #decodeTo(FrameView, MessageSink)}, remembering the value in slot {@code slot} of a
     * session's {@code memory}: the built-in fields allocate nothing while the bits stay those the
     * slot remembers. The default ignores the memory.
     */
    default void decodeTo(FrameView frame, DecodeMemory memory, int slot, MessageSink sink) {
        decodeTo(frame, sink);
    }

    /**
     * Writes {@code value} (null: the not-available marker) into {@code data}.
     *
     * @throws IllegalArgumentException naming the key when the value is of the wrong type or
     *         outside the field's range
     */
    void encode(Object value, byte[] data);

    /**
     * Where the field sits, as DBC-style signals (one for a number, one per character of a
     * text, two for a version). Empty when the field cannot be described that way.
     */
    default List<SignalLayout> layouts() {
        return List.of();
    }

    default String key() {
        return descriptor().key();
    }

    /** un16, little endian, {@code raw × 10^-decimals}; 0xFFFF is not available. Decimals 0 gives a {@link Long}, else a {@link Double}. */
    static SignalField unsigned16(SignalDescriptor descriptor, int offset, int decimals) {
        return new NumberField(descriptor, offset, NumberField.Encoding.UN16, decimals, false);
    }

    /** sn16, little endian, {@code raw × 10^-decimals}; 0x8000 is not available. */
    static SignalField signed16(SignalDescriptor descriptor, int offset, int decimals) {
        return new NumberField(descriptor, offset, NumberField.Encoding.SN16, decimals, false);
    }

    /** un32, little endian, {@code raw × 10^-decimals}; 0xFFFFFFFF is not available. */
    static SignalField unsigned32(SignalDescriptor descriptor, int offset, int decimals) {
        return new NumberField(descriptor, offset, NumberField.Encoding.UN32, decimals, false);
    }

    /** un16 Kelvin in units of 10^-decimals K, decoded to degrees Celsius ({@link Double}); 0xFFFF is not available. */
    static SignalField kelvin16(SignalDescriptor descriptor, int offset, int decimals) {
        return new NumberField(descriptor, offset, NumberField.Encoding.UN16, decimals, true);
    }

    /** ASCII text, padding (NUL, 0xFF, space) trimmed; only padding decodes to null, null encodes as NULs. */
    static SignalField ascii(SignalDescriptor descriptor, int offset, int length) {
        return new TextField(descriptor, offset, length);
    }

    /**
     * The layouts of ASCII text as one 8-bit signal per character, {@code KEY_charN} for the
     * characters {@code firstCharacter}, {@code firstCharacter + 1}, … of the key's text, from
     * byte {@code offset} on: for a text that spans frames (General BMS's 16-character serial).
     */
    static List<SignalLayout> asciiLayouts(String key, int offset, int length, int firstCharacter) {
        return TextField.characterLayouts(key, offset, length, firstCharacter);
    }

    /** A two-bit alarm state at {@code shift} (0, 2, 4, 6) of byte {@code index}: 1 "raised", 2 "cleared", 0 and 3 null. */
    static SignalField alarm(SignalDescriptor descriptor, int index, int shift) {
        return new AlarmField(descriptor, index, shift);
    }

    /** One bit of byte {@code index} as a {@link Boolean}; null encodes as 0. */
    static SignalField flag(SignalDescriptor descriptor, int index, int bit) {
        return new FlagField(descriptor, index, bit);
    }

    /**
     * A version sent as two bytes, major first (the guide's "MSB first" un16): {@code 01 18}
     * gives {@code "1.24"}, the minor number with at least two digits; {@code FF FF} is not available.
     */
    static SignalField versionMajorMinor(SignalDescriptor descriptor, int offset) {
        return new VersionField(descriptor, offset);
    }
}
