package org.bmsworkbench.ui.registers.internal;

import java.math.BigDecimal;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;

/**
 * A value typed for a writable register, checked against the catalogue before anything is
 * sent: a number, a whole number of the register's resolution, inside its range.
 *
 * @param info  the register
 * @param value the value to write (a {@link Long} for whole-number registers, else a {@link BigDecimal})
 * @param raw   the raw integer that goes on the bus
 */
record WriteRequest(RegisterInfo info, Number value, long raw) {

    /** Thrown with a one-line message naming the register and what is wrong. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** Parses {@code text} ("2", "2 Group 2", "13.5") for {@code info}. */
    static WriteRequest parse(RegisterInfo info, String text) throws Invalid {
        String name = info.idHex() + " " + info.name();
        if (!info.writable()) {
            throw new Invalid(name + " is read-only");
        }
        String t = text.strip();
        int space = t.indexOf(' ');
        if (space > 0) {
            t = t.substring(0, space); // "2 Group 2" as the choice list shows it
        }
        if (t.isEmpty()) {
            throw new Invalid("no value typed for " + name);
        }
        RegisterField f = info.fields().get(0);
        BigDecimal d;
        try {
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new Invalid("'" + text.strip() + "' is not a number (" + name + ")");
        }
        BigDecimal rawDecimal = d.movePointRight(f.decimals());
        if (rawDecimal.stripTrailingZeros().scale() > 0) {
            throw new Invalid(t + " has more decimals than " + name + " takes (resolution " + f.resolution() + ")");
        }
        long raw;
        try {
            raw = rawDecimal.longValueExact();
        } catch (ArithmeticException e) {
            raw = d.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (!info.accepts(raw)) {
            throw new Invalid(t + " is outside " + RegisterText.range(info) + " for " + name + "; nothing was sent");
        }
        Number value = f.decimals() == 0 ? (Number) raw : d;
        return new WriteRequest(info, value, raw);
    }

    /** The new value as the table shows it, with its label. */
    String text() {
        String label = info.label(raw);
        String unit = info.fields().get(0).unit();
        return RegisterText.scaled(raw, info.fields().get(0).decimals()) + (unit.isEmpty() ? "" : " " + unit)
                + (label == null ? "" : " (" + label + ")");
    }
}
