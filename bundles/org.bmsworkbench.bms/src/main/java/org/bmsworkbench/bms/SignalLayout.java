package org.bmsworkbench.bms;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One signal of a {@link FrameLayout}: an unsigned or two's-complement integer of
 * {@code length} bits in little-endian (Intel) byte order whose least significant bit is
 * {@code startBit} (byte × 8 + bit, the DBC numbering for {@code @1}). Its physical value is
 * {@code raw × factor + offset}, in {@code unit}.
 *
 * <p>One model key may take several signals: a text is one 8-bit signal per character, a
 * version one per number. The {@code comment} says how the signal maps onto the key.
 *
 * @param name       an identifier unique within the frame (letters, digits, underscores), e.g. {@code pack_voltage}
 * @param key        the model key the signal feeds, e.g. {@code pack.voltage}
 * @param startBit   the least significant bit: byte index × 8 + bit index
 * @param length     bits, 1..64
 * @param signed     two's complement when true
 * @param factor     the physical value of one raw unit
 * @param offset     added after scaling (−273.15 for a temperature sent in Kelvin)
 * @param min        the smallest valid physical value (the not-available marker excluded)
 * @param max        the largest valid physical value (the not-available marker excluded)
 * @param unit       the model key's unit, or empty
 * @param comment    one sentence: what the signal is, its model key, its not-available marker
 * @param valueNames names of raw values (an alarm's 0 "none" 1 "raised" …), empty for none
 */
public record SignalLayout(String name, String key, int startBit, int length, boolean signed, double factor,
        double offset, double min, double max, String unit, String comment, Map<Long, String> valueNames) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SignalLayout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("signal name '" + name + "' is not an identifier");
        }
        if (startBit < 0 || length < 1 || length > 64) {
            throw new IllegalArgumentException(name + ": " + length + " bits at bit " + startBit);
        }
        unit = unit == null ? "" : unit;
        comment = comment == null ? "" : comment;
        valueNames = Map.copyOf(valueNames);
    }

    /** A signal without value names. */
    public static SignalLayout of(String name, String key, int startBit, int length, boolean signed, double factor,
            double offset, double min, double max, String unit, String comment) {
        return new SignalLayout(name, key, startBit, length, signed, factor, offset, min, max, unit, comment, Map.of());
    }

    /** The identifier for a model key: {@code pack.voltage} → {@code pack_voltage}. */
    public static String nameOf(String key) {
        return key.replace('.', '_');
    }
}
