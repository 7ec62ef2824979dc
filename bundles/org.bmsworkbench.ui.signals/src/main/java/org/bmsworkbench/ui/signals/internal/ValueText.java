package org.bmsworkbench.ui.signals.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.device.mg.DeviceProfile;
import org.bmsworkbench.device.mg.StatusFlag;

/**
 * How a value reads in the table: numbers with the decimals their unit needs and the unit,
 * codes with their meaning from the device profile (when one is installed), times of the
 * error history as UTC dates, "not available" for the device's not-available marker.
 */
final class ValueText {

    static final String NOT_AVAILABLE = "not available";

    /** Fewest decimals per unit, so that a column of values does not jump as trailing zeros come and go. */
    private static final Map<String, Integer> MIN_DECIMALS = Map.of("V", 2, "A", 1, "°C", 1, "kWh", 2, "Ah", 1);
    private static final int MAX_DECIMALS = 3;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ValueText() {
    }

    /** The text of {@code value} of the key {@code d} describes; {@code profile} may be null. */
    static String of(SignalDescriptor d, Object value, DeviceProfile profile) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        String key = d.key();
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Double x) {
            return withUnit(number(x, MIN_DECIMALS.getOrDefault(d.unit(), 0)), d.unit());
        }
        if (value instanceof Number n) {
            long code = n.longValue();
            if (key.startsWith("error.history.") && key.endsWith(".time")) {
                return code <= 0 ? "none" : UTC.format(Instant.ofEpochSecond(code));
            }
            String meaning = profile == null ? null : meaning(key, code, profile);
            if (key.equals("bms.flags")) {
                String hex = String.format(Locale.ROOT, "0x%08X", code);
                return meaning == null ? hex : hex + " · " + meaning;
            }
            if (key.equals("bms.product_id")) {
                String hex = String.format(Locale.ROOT, "0x%04X", code);
                return meaning == null ? hex : hex + " · " + meaning;
            }
            if (key.equals("bms.type_id")) {
                return code + String.format(Locale.ROOT, " (0x%04X)", code);
            }
            String text = withUnit(Long.toString(code), d.unit());
            return meaning == null ? text : text + " · " + meaning;
        }
        return withUnit(value.toString(), d.unit());
    }

    /** A number with at least {@code minDecimals} and at most three, no exponent. */
    static String number(double x, int minDecimals) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        BigDecimal v = BigDecimal.valueOf(x).stripTrailingZeros();
        int scale = Math.max(minDecimals, Math.min(MAX_DECIMALS, Math.max(0, v.scale())));
        return v.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    private static String withUnit(String text, String unit) {
        return unit.isEmpty() ? text : text + " " + unit;
    }

    private static String meaning(String key, long code, DeviceProfile profile) {
        if (key.equals("bms.state")) {
            return profile.state((int) code).label();
        }
        if (key.equals("bms.error") || key.matches("error\\.history\\.\\d")) {
            return code == 0 ? "no error" : profile.error((int) code).label();
        }
        if (key.equals("bms.flags")) {
            if (code < 0 || code > 0xFFFF_FFFFL) {
                return null;
            }
            List<StatusFlag> set = profile.setFlags(code);
            return set.isEmpty() ? "no flag set" : set.stream().map(StatusFlag::label).collect(Collectors.joining(", "));
        }
        if (key.equals("bms.product_id")) {
            return profile.productName((int) code);
        }
        return null;
    }
}
