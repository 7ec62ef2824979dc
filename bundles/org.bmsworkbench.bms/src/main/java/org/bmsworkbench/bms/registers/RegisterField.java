package org.bmsworkbench.bms.registers;

import java.util.Objects;

/**
 * One field of a register's value, mapped onto one model key.
 *
 * @param key          model key ({@code docs/SIGNALS.md}), e.g. {@code pack.voltage}
 * @param type         layout
 * @param offset       first byte of the field inside the value (0 = the first value byte)
 * @param decimals     the value is {@code raw × 10^-decimals}; 0 gives whole numbers ({@link Long})
 * @param kelvin       raw is Kelvin (at {@code decimals}), the value degrees Celsius
 * @param unit         the model key's unit
 * @param notAvailable the raw "not available" marker the guide names for this register, or null
 */
public record RegisterField(String key, FieldType type, int offset, int decimals, boolean kelvin, String unit,
        Long notAvailable) {
    public RegisterField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (offset < 0 || offset + type.width() > 4) {
            throw new IllegalArgumentException(key + ": " + type + " at " + offset + " does not fit 4 value bytes");
        }
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException(key + ": decimals " + decimals);
        }
        unit = unit == null ? "" : unit;
    }

    /** True when values are text (a string or a version). */
    public boolean text() {
        return type == FieldType.STRING || type == FieldType.VERSION;
    }

    /** The resolution as the guide writes it, e.g. "0.01 V", "1 min", "0.01 K → °C". */
    public String resolution() {
        String step = decimals == 0 ? "1" : "0." + "0".repeat(decimals - 1) + "1";
        return text() ? "" : kelvin ? step + " K → °C" : (step + " " + unit).strip();
    }
}
