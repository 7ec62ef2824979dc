package org.bmsworkbench.device.mg;

import java.util.Optional;

/**
 * An unlock code as the manufacturer issues it: 8 hexadecimal digits, sent to the BMS as one
 * un32 whose value is those digits read as a hexadecimal number ({@code "1A2B3C4D"} →
 * {@code 0x1A2B3C4D}), little endian on the wire like every VREG value ({@code 4D 3C 2B 1A}).
 *
 * <p>{@link #parse(String)} accepts what a person types or pastes: surrounding white space is
 * ignored, digits may be upper or lower case, and spaces or dashes may separate groups of
 * digits ({@code "1a2b-3c4d"}, {@code "1A 2B 3C 4D"}). Anything else is rejected with a
 * message saying what is wrong and where (positions count from 1 in the text as typed).
 *
 * @param un32 the code's value, {@code 0..0xFFFFFFFF}
 */
public record UnlockCode(long un32) {
    /** Number of hexadecimal digits in a code. */
    public static final int DIGITS = 8;

    public UnlockCode {
        if (un32 < 0 || un32 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("an unlock code is an un32 (0..0xFFFFFFFF), got " + un32);
        }
    }

    /**
     * The code in {@code typed}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong with the text
     */
    public static UnlockCode parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("no unlock code was entered: type the 8 hexadecimal digits");
        }
        String text = typed.strip();
        int lead = typed.length() - typed.stripLeading().length();
        if (text.length() >= 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            throw new IllegalArgumentException("type the 8 hexadecimal digits without a 0x prefix");
        }
        long value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            int position = lead + i + 1;
            int digit = asciiHexDigit(c);
            if (digit >= 0) {
                digits++;
                if (digits <= DIGITS) {
                    value = value << 4 | digit;
                }
            } else if (c == ' ' || c == '-') {
                if (digits == 0) {
                    throw new IllegalArgumentException(describe(c) + " at position " + position
                            + ": spaces and dashes may only stand between groups of digits");
                }
            } else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(describe(c) + " at position " + position
                        + ": only spaces and dashes may separate the digits");
            } else {
                throw new IllegalArgumentException(describe(c) + " at position " + position
                        + " is not a hexadecimal digit (0-9, A-F)");
            }
        }
        char last = text.charAt(text.length() - 1);
        if (last == '-') {
            throw new IllegalArgumentException("a dash at position " + (lead + text.length())
                    + ": spaces and dashes may only stand between groups of digits");
        }
        if (digits != DIGITS) {
            throw new IllegalArgumentException("an unlock code has 8 hexadecimal digits, this one has " + digits);
        }
        return new UnlockCode(value);
    }

    /** Empty if {@code typed} is a valid code, else the message {@link #parse(String)} would give. */
    public static Optional<String> problemWith(String typed) {
        try {
            parse(typed);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The four data bytes of the VREG write: the un32, least significant byte first. */
    public byte[] littleEndianBytes() {
        return new byte[] {(byte) un32, (byte) (un32 >>> 8), (byte) (un32 >>> 16), (byte) (un32 >>> 24)};
    }

    /** The 8 upper-case digits, as the code is written: {@code "1A2B3C4D"}. */
    @Override
    public String toString() {
        return String.format("%08X", un32);
    }

    private static int asciiHexDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static String describe(int c) {
        return switch (c) {
            case ' ' -> "a space";
            case '-' -> "a dash";
            case '\t' -> "a tab";
            case '\n', '\r' -> "a line break";
            default -> Character.isWhitespace(c) || Character.isISOControl(c)
                    ? String.format("the character U+%04X", c)
                    : "'" + Character.toString(c) + "'";
        };
    }
}
