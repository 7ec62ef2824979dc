package org.bmsworkbench.ui.registers.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.bms.registers.RegisterResult;

/** How registers, values and results read in the view. Plain Java, no SWT. */
final class RegisterText {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RegisterText() {
    }

    /** The value as a service engineer reads it: scaled, with its label; fields joined by " · ". */
    static String value(RegisterInfo info, Map<String, Object> values) {
        if (values == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        boolean several = info.fields().size() > 1;
        for (RegisterField f : info.fields()) {
            if (!values.containsKey(f.key())) {
                continue;
            }
            String text = field(info, f, values.get(f.key()));
            parts.add(several ? fieldName(f) + " " + text : text);
        }
        return String.join(" · ", parts);
    }

    private static String field(RegisterInfo info, RegisterField f, Object v) {
        if (v == null) {
            return info.writable() ? "not available (BMS in error state)" : "not available";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%." + f.decimals() + "f", d);
        }
        if (v instanceof Long l) {
            if (f.key().endsWith(".time") && "s".equals(f.unit())) {
                return l == 0 ? "never" : UTC_TIME.format(Instant.ofEpochSecond(l));
            }
            if (!info.bitLabels().isEmpty()) {
                return String.format("0x%08X", l) + bits(info, l);
            }
            String label = info.label(l);
            return label == null ? Long.toString(l) : l + " (" + label + ")";
        }
        return v.toString();
    }

    private static String bits(RegisterInfo info, long flags) {
        List<String> set = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((flags >>> bit & 1) != 0) {
                set.add(info.bitLabels().getOrDefault(bit, "bit " + bit));
            }
        }
        return set.isEmpty() ? "" : " " + String.join(", ", set);
    }

    /** {@code cell.voltage.min} → "min", {@code error.history.2} → "2:". */
    private static String fieldName(RegisterField f) {
        String key = f.key();
        String last = key.substring(key.lastIndexOf('.') + 1);
        return Character.isDigit(last.charAt(0)) ? last + ":" : last.replace('_', ' ');
    }

    /** The unit of the register's fields ("V", "°C"), empty for plain numbers. */
    static String unit(RegisterInfo info) {
        Set<String> units = new LinkedHashSet<>();
        for (RegisterField f : info.fields()) {
            if (f.key().endsWith(".time") && "s".equals(f.unit())) {
                continue;
            }
            if (!f.unit().isEmpty()) {
                units.add(f.unit());
            }
        }
        return String.join(", ", units);
    }

    static String access(RegisterInfo info) {
        return info.writable() ? "RW" : "R";
    }

    /** How old a value is: "3 s", "2 min", "1 h 5 min"; empty when there is none. */
    static String age(long millis) {
        if (millis < 0) {
            return "";
        }
        long s = millis / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    /** The range a write may carry, in the register's unit: "0..3", "0.00..655.35 V". */
    static String range(RegisterInfo info) {
        RegisterField f = info.fields().get(0);
        String unit = f.unit().isEmpty() ? "" : " " + f.unit();
        return scaled(info.min(), f.decimals()) + ".." + scaled(info.max(), f.decimals()) + unit;
    }

    static String scaled(long raw, int decimals) {
        return BigDecimal.valueOf(raw, decimals).toPlainString();
    }

    /** The outcome of a request in a few words, ACK codes spelled out. */
    static String outcome(String what, RegisterResult r) {
        if (r.ok()) {
            return what + " ok";
        }
        if (r.code() != null) {
            return what + String.format(": ACK 0x%04X, %s", r.code(), r.outcome().description());
        }
        return what + ": " + r.outcome().description();
    }
}
