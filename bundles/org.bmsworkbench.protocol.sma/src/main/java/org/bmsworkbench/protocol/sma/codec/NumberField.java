package org.bmsworkbench.protocol.sma.codec;

import java.util.List;
import java.util.Objects;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalLayout;
import org.bmsworkbench.bms.codec.Decimals;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.can.CanFrame;

/** A little-endian integer field with exact decimal scaling and the guide's not-available markers. */
final class NumberField implements SignalField {

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
    private final int offset;
    private final Encoding encoding;
    private final int decimals;
    private final boolean kelvin;

    NumberField(SignalDescriptor descriptor, int offset, Encoding encoding, int decimals, boolean kelvin) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
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
        Number raw = switch (encoding) {
            case UN16 -> FrameFields.u16OrNull(frame, offset);
            case SN16 -> FrameFields.s16OrNull(frame, offset);
            case UN32 -> FrameFields.u32OrNull(frame, offset);
        };
        return raw == null ? null : value(raw.longValue());
    }

    private Object value(long raw) {
        if (kelvin) {
            return Decimals.kelvinToCelsius(raw, decimals);
        }
        return decimals == 0 ? (Object) raw : (Object) Decimals.scale(raw, decimals);
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
