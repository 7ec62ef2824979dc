package org.bmsworkbench.protocol.sma.codec;

import java.util.List;
import java.util.Objects;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.bms.codec.Decimals;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * A little-endian integer field with exact decimal scaling and the guide's not-available markers.
 * {@link #decode(CanFrame)} and {@link #decodeTo} share one core, {@link #raw} then {@link #number}
 * or {@link #whole}: a scaled value goes to a sink as a primitive, a whole number as the
 * {@link Long} the session's {@link DecodeMemory} holds when it is the same.
 */
final class NumberField implements SignalField {
    /** What {@link #raw} gives for the marker: no un16, sn16 or un32 is this. */
    private static final long NOT_AVAILABLE = Long.MIN_VALUE;

    enum Encoding {
        /** un16, marker 0xFFFF, valid 0..0xFFFE. */
        UN16(2, 0, 0xFFFE, 0xFFFF, "0xFFFF"),
        /** sn16, marker 0x8000, valid -0x7FFF..0x7FFF. */
        SN16(2, -0x7FFF, 0x7FFF, 0x8000, "0x8000"),
        /** un32, marker 0xFFFFFFFF, valid 0..0xFFFFFFFE. */
        UN32(4, 0, 0xFFFF_FFFEL, 0xFFFF_FFFFL, "0xFFFFFFFF");

        final int bytes;
        final long min;
        final long max;
        final long marker;
        final String markerHex;

        Encoding(int bytes, long min, long max, long marker, String markerHex) {
            this.bytes = bytes;
            this.min = min;
            this.max = max;
            this.marker = marker;
            this.markerHex = markerHex;
        }
    }

    private final SignalDescriptor descriptor;
    private final String key;
    private final int offset;
    private final Encoding encoding;
    private final int decimals;
    private final boolean kelvin;
    /** Decimals 0 without Kelvin: the value is a {@link Long}. */
    private final boolean whole;

    NumberField(SignalDescriptor descriptor, int offset, Encoding encoding, int decimals, boolean kelvin) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.key = descriptor.key();
        if (offset < 0 || offset + encoding.bytes > 8) {
            throw new IllegalArgumentException(descriptor.key() + ": offset " + offset + " does not fit 8 bytes");
        }
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException(descriptor.key() + ": decimals " + decimals + " is outside 0..6");
        }
        this.offset = offset;
        this.encoding = encoding;
        this.decimals = decimals;
        this.kelvin = kelvin;
        this.whole = !kelvin && decimals == 0;
    }

    @Override
    public SignalDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public int end() {
        return offset + encoding.bytes;
    }

    @Override
    public List<SignalLayout> layouts() {
        String unit = descriptor.unit();
        String comment = key() + ": " + descriptor.description() + " Not available: " + encoding.markerHex
                + (kelvin ? " (sent in K)." : ".");
        return List.of(SignalLayout.of(SignalLayout.nameOf(key()), key(), offset * 8, encoding.bytes * 8,
                encoding == Encoding.SN16, Decimals.scale(1, decimals), kelvin ? -273.15 : 0,
                ((Number) value(encoding.min)).doubleValue(), ((Number) value(encoding.max)).doubleValue(), unit,
                comment));
    }

    @Override
    public Object decode(CanFrame frame) {
        return decode(frame, null, 0);
    }

    @Override
    public Object decode(CanFrame frame, DecodeMemory memory, int slot) {
        long raw = raw(frame);
        if (raw == NOT_AVAILABLE) {
            return null;
        }
        return whole ? whole(raw, memory, slot) : (Object) number(raw);
    }

    @Override
    public void decodeTo(FrameView frame, MessageSink sink) {
        decodeTo(frame, null, 0, sink);
    }

    @Override
    public void decodeTo(FrameView frame, DecodeMemory memory, int slot, MessageSink sink) {
        long raw = raw(frame);
        if (raw == NOT_AVAILABLE) {
            sink.value(key, null);
        } else if (whole) {
            sink.value(key, whole(raw, memory, slot));
        } else {
            sink.number(key, number(raw));
        }
    }

    /** The raw integer at the offset, or {@link #NOT_AVAILABLE} for the marker. */
    private long raw(FrameView frame) {
        int low = frame.u8(offset) | frame.u8(offset + 1) << 8;
        return switch (encoding) {
            case UN16 -> low == 0xFFFF ? NOT_AVAILABLE : low;
            case SN16 -> low == 0x8000 ? NOT_AVAILABLE : (short) low;
            case UN32 -> {
                long value = low | (long) (frame.u8(offset + 2) | frame.u8(offset + 3) << 8) << 16;
                yield value == 0xFFFF_FFFFL ? NOT_AVAILABLE : value;
            }
        };
    }

    /** A scaled or Kelvin value: {@code raw × 10^-decimals}, exact. */
    private double number(long raw) {
        return kelvin ? Decimals.kelvinToCelsius(raw, decimals) : Decimals.scale(raw, decimals);
    }

    /** A whole value; with a memory, boxed once while it stays the same. */
    private static Long whole(long raw, DecodeMemory memory, int slot) {
        if (raw >= -128 && raw <= 127 || memory == null) {
            return raw; // Long.valueOf's cache, or a new box
        }
        Object known = memory.get(slot, raw);
        if (DecodeMemory.found(known)) {
            return (Long) known;
        }
        Long value = raw;
        memory.put(slot, raw, value);
        return value;
    }

    /** The value of a raw integer, for ranges and layouts. */
    private Object value(long raw) {
        return whole ? (Object) raw : (Object) number(raw);
    }

    @Override
    public void encode(Object value, byte[] data) {
        long raw = value == null ? encoding.marker : raw(value);
        if (encoding == Encoding.UN32) {
            FrameFields.putU32(data, offset, raw);
        } else {
            FrameFields.putU16(data, offset, (int) raw);
        }
    }

    private long raw(Object value) {
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(key() + " = " + value + " is not a number");
        }
        long raw;
        if (!kelvin && decimals == 0 && isIntegral(number)) {
            raw = number.longValue();
        } else {
            double v = number.doubleValue();
            if (!Double.isFinite(v)) {
                throw outOfRange(number);
            }
            try {
                raw = kelvin ? Decimals.celsiusToKelvin(v, decimals) : Decimals.unscale(v, decimals);
            } catch (ArithmeticException e) {
                throw outOfRange(number);
            }
        }
        if (raw < encoding.min || raw > encoding.max) {
            throw outOfRange(number);
        }
        return raw;
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private IllegalArgumentException outOfRange(Number value) {
        String unit = descriptor.unit().isEmpty() ? "" : " " + descriptor.unit();
        return new IllegalArgumentException(key() + " = " + value + unit + " is outside " + value(encoding.min)
                + ".." + value(encoding.max) + unit);
    }
}
