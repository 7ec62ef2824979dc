package org.bmsworkbench.cli.internal.live;

import org.bmsworkbench.cli.internal.decode.TextBuffer;

/**
 * A model value as the CLI's tables show it, as {@code decode --format table} writes values:
 * numbers as the shortest decimal that reads back, text quoted, null as {@code n/a}, then the unit.
 */
public final class ValueText {
    private ValueText() {
    }

    /** {@code 53.12 V}, {@code "1.24"}, {@code raised}, {@code n/a}. */
    public static String of(Object value, String unit) {
        if (value == null) {
            return "n/a";
        }
        TextBuffer b = new TextBuffer(32);
        if (value instanceof String s) {
            b.appendJsonString(s);
        } else if (value instanceof Double d) {
            if (Double.isFinite(d)) {
                b.append(d.doubleValue());
            } else {
                return "n/a";
            }
        } else if (value instanceof Float f) {
            if (!Float.isFinite(f)) {
                return "n/a";
            }
            b.append(Double.parseDouble(f.toString()));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            b.append(((Number) value).longValue());
        } else {
            b.append(value.toString());
        }
        if (unit != null && !unit.isEmpty()) {
            b.append(' ').append(unit);
        }
        return b.toString();
    }
}
