package org.bmsworkbench.bms.registers;

/** The layout of one field inside a register's value, little endian. */
public enum FieldType {
    UN8(1, false),
    UN16(2, false),
    SN16(2, true),
    UN32(4, false),
    SN32(4, true),
    /** un8 identifier : un24 version, {@code 0x010400} = "1.04" (guide 1.5.4.2, register 0x0102). */
    VERSION(4, false),
    /** Zero-ended ASCII; one frame carries 4 characters. */
    STRING(4, false);

    private final int width;
    private final boolean signed;

    FieldType(int width, boolean signed) {
        this.width = width;
        this.signed = signed;
    }

    /** Bytes the field takes. */
    public int width() {
        return width;
    }

    public boolean signed() {
        return signed;
    }

    /** The smallest raw value of a numeric type. */
    public long minRaw() {
        return signed ? -(1L << (8 * width - 1)) : 0;
    }

    /** The largest raw value of a numeric type. */
    public long maxRaw() {
        return signed ? (1L << (8 * width - 1)) - 1 : (1L << (8 * width)) - 1;
    }

    /** The guide's spelling: un8, un16, sn16, un32, sn32, un8:un24, string. */
    public String guideName() {
        return switch (this) {
            case VERSION -> "un8:un24";
            case STRING -> "stringZeroEnded";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
