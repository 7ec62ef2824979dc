package org.bmsworkbench.protocol.nmea2000.codec;

import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.can.CanFrame;

/**
 * The 64-bit NAME of an ISO 11783-5 / SAE J1939-81 address claim (PGN 60928) as NMEA 2000 uses it,
 * little endian on the wire, from bit 0: unique number (21 bits), manufacturer code (11), device
 * instance lower (3) and upper (5), device function (8), reserved (1), device class (7), system
 * instance (4), industry group (3), arbitrary address capable (1). The numerically lower NAME wins an
 * address (ISO 11783-5 4.4.3.3).
 *
 * @param value the NAME as an unsigned 64-bit pattern in a {@code long}
 */
public record IsoName(long value) {
    public static final int LENGTH = 8;
    /** Industry group 4, marine (NMEA 2000). */
    public static final int INDUSTRY_GROUP_MARINE = 4;

    public int uniqueNumber() {
        return (int) (value & 0x1F_FFFF);
    }

    public int manufacturerCode() {
        return (int) (value >>> 21 & 0x7FF);
    }

    /** Lower (3 bits) and upper (5 bits) together, 0..255, as NMEA 2000 reads the device instance. */
    public int deviceInstance() {
        return (int) (value >>> 32 & 0xFF);
    }

    public int deviceFunction() {
        return (int) (value >>> 40 & 0xFF);
    }

    public int deviceClass() {
        return (int) (value >>> 49 & 0x7F);
    }

    public int systemInstance() {
        return (int) (value >>> 56 & 0xF);
    }

    public int industryGroup() {
        return (int) (value >>> 60 & 0x7);
    }

    public boolean arbitraryAddressCapable() {
        return value < 0;
    }

    /**
     * Builds a NAME from its fields (the reserved bit 0).
     *
     * @throws IllegalArgumentException for a field outside its width
     */
    public static IsoName of(int uniqueNumber, int manufacturerCode, int deviceInstance, int deviceFunction,
            int deviceClass, int systemInstance, int industryGroup, boolean arbitraryAddressCapable) {
        check("unique number", uniqueNumber, 0x1F_FFFF);
        check("manufacturer code", manufacturerCode, 0x7FF);
        check("device instance", deviceInstance, 0xFF);
        check("device function", deviceFunction, 0xFF);
        check("device class", deviceClass, 0x7F);
        check("system instance", systemInstance, 0xF);
        check("industry group", industryGroup, 0x7);
        return new IsoName((long) uniqueNumber | (long) manufacturerCode << 21 | (long) deviceInstance << 32
                | (long) deviceFunction << 40 | (long) deviceClass << 49 | (long) systemInstance << 56
                | (long) industryGroup << 60 | (arbitraryAddressCapable ? 1L << 63 : 0));
    }

    private static void check(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0.." + max);
        }
    }

    /** Whether this NAME has priority over {@code other} in an address contention: it is numerically lower. */
    public boolean outranks(IsoName other) {
        return Long.compareUnsigned(value, other.value) < 0;
    }

    /** The 8 data bytes of PGN 60928, little endian. */
    public byte[] toBytes() {
        byte[] data = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            data[i] = (byte) (value >>> 8 * i);
        }
        return data;
    }

    /**
     * The NAME in the data of a PGN 60928 frame (its identifier is not looked at).
     *
     * @throws MalformedFrameException when the frame has fewer than 8 data bytes
     */
    public static IsoName read(CanFrame frame) throws MalformedFrameException {
        FrameFields.requireLength(frame, LENGTH, "PGN 60928 address_claim");
        long v = 0;
        for (int i = LENGTH - 1; i >= 0; i--) {
            v = v << 8 | frame.u8(i);
        }
        return new IsoName(v);
    }

    /** {@code "0x"} and 16 upper-case hex digits. */
    public String toHex() {
        return String.format("0x%016X", value);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
