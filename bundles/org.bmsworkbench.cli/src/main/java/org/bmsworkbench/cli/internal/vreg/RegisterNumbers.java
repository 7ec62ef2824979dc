package org.bmsworkbench.cli.internal.vreg;

import java.math.BigDecimal;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.cli.UsageException;

/** Register ids, node addresses and values as the command line spells them. */
public final class RegisterNumbers {
    private RegisterNumbers() {
    }

    /** {@code 0x0FFF}, {@code 0X0fff} or {@code 4095}, within 0..0xFFFF. */
    public static int register(String text) throws UsageException {
        Long v = whole(text);
        if (v == null || v < 0 || v > 0xFFFF) {
            throw new UsageException("register '" + text + "': expected an id 0x0000..0xFFFF such as 0x0FFF or 4095");
        }
        return v.intValue();
    }

    /** A node address, {@code 0x50} or {@code 80}, within 0..0xFD. */
    public static int node(String text) throws UsageException {
        Long v = whole(text);
        if (v == null || v < 0 || v > 0xFD) {
            throw new UsageException("--node: expected an address 0x00..0xFD such as 0x50 or 80, got '" + text + "'");
        }
        return v.intValue();
    }

    private static Long whole(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return t.length() > 2 && t.charAt(2) != '+' && t.charAt(2) != '-' ? Long.parseLong(t.substring(2), 16)
                        : null;
            }
            return t.isEmpty() || t.charAt(0) == '+' ? null : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A value in the register's unit, e.g. {@code 2} or {@code 53.2}; hex {@code 0x..} for whole numbers. */
    public static BigDecimal value(String text) throws UsageException {
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            Long v = whole(t);
            if (v == null) {
                throw new UsageException("VALUE '" + text + "': expected a number");
            }
            return BigDecimal.valueOf(v);
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new UsageException("VALUE '" + text + "': expected a number");
        }
    }

    /** The value as the number the register access takes: a {@link Long} when whole. */
    public static Number asNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            try {
                return stripped.longValueExact();
            } catch (ArithmeticException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * Why a write of {@code value} to {@code info} must not be sent, or null when it may: the
     * register is read-only, the value not a whole number of the register's resolution, or
     * outside the catalogue's range.
     */
    public static String refusal(RegisterInfo info, BigDecimal value) {
        String what = info.idHex() + " (" + info.name() + ")";
        if (!info.writable()) {
            return what + " is read-only; nothing was sent";
        }
        RegisterField field = info.fields().get(0);
        BigDecimal raw = value.movePointRight(field.decimals()).stripTrailingZeros();
        String range = scaled(info.min(), field.decimals()) + ".." + scaled(info.max(), field.decimals());
        if (raw.scale() > 0) {
            return "value " + value.toPlainString() + " is not a whole number of " + field.resolution() + " for " + what
                    + "; nothing was sent";
        }
        long rawValue;
        try {
            rawValue = raw.longValueExact();
        } catch (ArithmeticException e) {
            return "value " + value.toPlainString() + " is outside " + range + " for " + what + "; nothing was sent";
        }
        if (!info.accepts(rawValue)) {
            return "value " + value.toPlainString() + " is outside " + range + " for " + what + "; nothing was sent";
        }
        return null;
    }

    static String scaled(long raw, int decimals) {
        return BigDecimal.valueOf(raw, decimals).toPlainString();
    }
}
