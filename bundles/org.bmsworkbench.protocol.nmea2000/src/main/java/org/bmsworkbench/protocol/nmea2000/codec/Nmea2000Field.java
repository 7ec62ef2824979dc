package org.bmsworkbench.protocol.nmea2000.codec;

import org.bmsworkbench.bms.codec.Decimals;

/**
 * How one field of guide 1.5.3 turns from its raw bits into a model value and back: width,
 * sign, resolution, unit conversion and the not-available markers of docs/SIGNALS.md (int16
 * {@code 0x7FFF}, uint16 {@code 0xFFFF}, uint8 {@code 0xFF}, and {@code 0x7FFE}/{@code 0xFFFE}/
 * {@code 0xFE} for "error"; all decode to null).
 *
 * <p>Raw values are handled as the unsigned bit patterns on the wire (0..0xFFFF, 0..0xFF).
 */
public enum Nmea2000Field {
    /** int16, 0.01 V, guide range ±327.64 V. */
    VOLTAGE(16, true, 2, false, -32764, 32764, "-327.64..327.64 V"),
    /** int16, 0.1 A, guide range ±3276.4 A. */
    CURRENT(16, true, 1, false, -32764, 32764, "-3276.4..3276.4 A"),
    /**
     * 0.01 K to °C. The guide says int16 with a range of 0 to 655.32 K; canboat reads it as
     * uint16. Read as uint16, with the int16 markers {@code 0x7FFF}/{@code 0x7FFE} as well as
     * {@code 0xFFFF}/{@code 0xFFFE} meaning null (so 54.51 °C and 54.52 °C cannot be sent);
     * null is sent as {@code 0xFFFF}, which no reader takes for a temperature. Guide range 0 to 655.32 K.
     */
    TEMPERATURE(16, false, 2, true, 0, 65532, "-273.15..382.17 °C"),
    /** uint8, 1 % (SOC), guide range 0 to 252 %. */
    PERCENT(8, false, 0, false, 0, 252, "0..252 %"),
    /** uint16, 1 minute, guide range 0 to 65532 min. */
    MINUTES(16, false, 0, false, 0, 65532, "0..65532 min"),
    /** uint16, 1 Ah, guide range 0 to 65532 Ah. */
    AMP_HOURS(16, false, 0, false, 0, 65532, "0..65532 Ah");

    private final int bits;
    private final boolean signed;
    private final int decimals;
    private final boolean kelvin;
    private final int min;
    private final int max;
    private final String range;
    /** The not-available marker; it and the one below it (error) are markers. */
    private final int marker;
    /** A second such pair: the int16 markers a temperature is also sent with; else {@link #marker} again. */
    private final int otherMarker;

    Nmea2000Field(int bits, boolean signed, int decimals, boolean kelvin, int min, int max, String range) {
        this.bits = bits;
        this.signed = signed;
        this.decimals = decimals;
        this.kelvin = kelvin;
        this.min = min;
        this.max = max;
        this.range = range;
        this.marker = bits == 8 ? 0xFF : signed ? 0x7FFF : 0xFFFF;
        this.otherMarker = kelvin ? 0x7FFF : marker;
    }

    /**
     * Whether the encoder sends this raw pattern: a value inside the guide's range, not a marker.
     * The decoder reads every pattern that is not a marker, in or out of that range (the top
     * values NMEA 2000 reserves included).
     */
    public boolean isSendable(int raw) {
        int value = signed ? (short) raw : raw;
        return !isMarker(raw) && value >= min && value <= max;
    }

    /** Whether the raw pattern is a not-available or error marker. */
    public boolean isMarker(int raw) {
        // uint8 0xFF/0xFE, int16 0x7FFF/0x7FFE, uint16 0xFFFF/0xFFFE, a temperature also 0x7FFF/0x7FFE:
        // each pair differs in bit 0 only; on every frame, so without a branch per width
        int pair = raw | 1;
        return pair == marker || pair == otherMarker;
    }

    /** The marker sent for null. */
    public int notAvailable() {
        return marker;
    }

    /** The model value of a raw pattern: null for a marker, a Long for whole units, else a Double. */
    public Object decode(int raw) {
        if (isMarker(raw)) {
            return null;
        }
        return whole() ? (Object) Long.valueOf(wholeValue(raw)) : (Object) Double.valueOf(number(raw));
    }

    /** Whether a value that is not a marker decodes to a {@code Long} ({@link #wholeValue}), else a {@code Double}. */
    boolean whole() {
        return !kelvin && decimals == 0;
    }

    /** The whole-unit value of a raw pattern of a {@link #whole()} field that is not a marker. */
    int wholeValue(int raw) {
        return signed ? (short) raw : raw;
    }

    /** The value of a raw pattern of a field that is not {@link #whole()} and not a marker. */
    double number(int raw) {
        int value = signed ? (short) raw : raw;
        return kelvin ? Decimals.kelvinToCelsius(value, decimals) : Decimals.scale(value, decimals);
    }

    /**
     * The raw pattern for a model value; null gives the marker.
     *
     * @param key named in the exception
     * @throws IllegalArgumentException for a value that is not a number, or is outside the guide's
     *         range for the field, or falls on a marker
     */
    public int encode(Object value, String key) {
        if (value == null) {
            return notAvailable();
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(key + " = " + value + " is not a number");
        }
        long raw;
        if (!kelvin && decimals == 0 && (number instanceof Long || number instanceof Integer
                || number instanceof Short || number instanceof Byte)) {
            raw = number.longValue();
        } else {
            double v = number.doubleValue();
            if (!Double.isFinite(v)) {
                throw outOfRange(key, value);
            }
            try {
                raw = kelvin ? Decimals.celsiusToKelvin(v, decimals) : Decimals.unscale(v, decimals);
            } catch (ArithmeticException e) {
                throw outOfRange(key, value);
            }
        }
        if (raw < min || raw > max) {
            throw outOfRange(key, value);
        }
        int pattern = (int) (raw & ((1L << bits) - 1));
        if (isMarker(pattern)) {
            throw new IllegalArgumentException(key + " = " + value + " falls on the field's not-available marker 0x"
                    + Integer.toHexString(pattern).toUpperCase() + "; send null instead");
        }
        return pattern;
    }

    private IllegalArgumentException outOfRange(String key, Object value) {
        return new IllegalArgumentException(key + " = " + value + " is outside " + range);
    }
}
