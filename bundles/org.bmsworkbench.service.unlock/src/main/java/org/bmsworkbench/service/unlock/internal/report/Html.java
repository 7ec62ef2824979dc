package org.bmsworkbench.service.unlock.internal.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Escaping and formatting for the report: every text from a device, a file or a user goes through {@link #text}. */
public final class Html {
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Escapes {@code & < > " '} for text and attribute values; drops control characters other than tab and newline. */
    public static String text(Object value) {
        String s = value == null ? "" : String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t' || c == '\n') {
                        b.append(c);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }

    /** A number as a reader wants it: whole numbers as they are, others with at most four decimals. */
    static String number(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.valueOf(d);
            }
            String s = new java.math.BigDecimal(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        return String.valueOf(value);
    }

    /** An ISO-8601 instant of the document as "2026-12-06 23:41:55 UTC"; anything else as it is. */
    static String instant(Object iso) {
        Instant t = parse(iso);
        return t == null ? (iso == null ? "—" : String.valueOf(iso)) : DATE_TIME.format(t);
    }

    static Instant parse(Object iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
