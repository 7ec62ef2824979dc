package org.bmsworkbench.can.log;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The date of an ASC {@code date} or {@code Begin Triggerblock} line, e.g.
 * {@code Mon Sep 14 12:26:40.000 pm 2020} or {@code Mon Sep 14 12:26:40 2020}. ASC dates carry
 * no zone: they are read and written as UTC.
 */
final class AscDates {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};
    /** German month abbreviations CANoe writes under a German locale, where they differ. */
    private static final String[][] GERMAN = {{"mär", "3"}, {"mrz", "3"}, {"mai", "5"}, {"okt", "10"}, {"dez", "12"}};
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTH_NAMES = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
        "Oct", "Nov", "Dec"};

    private AscDates() {
    }

    /**
     * Microseconds since the epoch for a date text, or throws {@link IllegalArgumentException}
     * with the reason.
     */
    static long parse(String text) {
        String[] tokens = text.trim().split("\\s+");
        int i = 0;
        if (tokens.length > 0 && month(tokens[0]) < 0) {
            i++; // weekday
        }
        if (tokens.length - i < 4) {
            throw new IllegalArgumentException("too few fields");
        }
        int month = month(tokens[i++]);
        if (month < 0) {
            throw new IllegalArgumentException("unknown month");
        }
        int day = number(tokens[i++]);
        String[] clock = tokens[i++].split(":");
        if (clock.length != 3) {
            throw new IllegalArgumentException("time is not h:mm:ss");
        }
        int hour = number(clock[0]);
        int minute = number(clock[1]);
        String[] secondParts = clock[2].split("\\.", -1);
        int second = number(secondParts[0]);
        long micros = 0;
        if (secondParts.length == 2) {
            String fraction = secondParts[1];
            if (fraction.isEmpty() || fraction.length() > 9) {
                throw new IllegalArgumentException("bad fraction of a second");
            }
            micros = number((fraction + "000000").substring(0, 6));
        } else if (secondParts.length > 2) {
            throw new IllegalArgumentException("bad seconds");
        }
        String marker = tokens[i].toLowerCase(Locale.ROOT);
        if (marker.equals("am") || marker.equals("pm")) {
            if (hour < 1 || hour > 12) {
                throw new IllegalArgumentException("hour " + hour + " with " + marker);
            }
            hour = hour % 12 + (marker.equals("pm") ? 12 : 0);
            i++;
        }
        if (i != tokens.length - 1) {
            throw new IllegalArgumentException(i >= tokens.length ? "missing year" : "unexpected fields");
        }
        int year = number(tokens[i]);
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC)
                    * 1_000_000L + micros;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code Mon Sep 14 12:26:40.500 pm 2020} for a time in microseconds, UTC, cut to milliseconds. */
    static String format(long micros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
        int millis = (int) (Math.floorMod(micros, 1_000_000L) / 1000);
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return String.format(Locale.ROOT, "%s %s %d %02d:%02d:%02d.%03d %s %d",
                WEEKDAYS[t.getDayOfWeek().getValue() - 1], MONTH_NAMES[t.getMonthValue() - 1], t.getDayOfMonth(),
                hour12, t.getMinute(), t.getSecond(), millis, t.getHour() < 12 ? "am" : "pm", t.getYear());
    }

    private static int month(String token) {
        String m = token.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (m.equals(MONTHS[i])) {
                return i + 1;
            }
        }
        for (String[] g : GERMAN) {
            if (m.equals(g[0])) {
                return Integer.parseInt(g[1]);
            }
        }
        return -1;
    }

    private static int number(String s) {
        if (s.isEmpty() || s.length() > 9) {
            throw new IllegalArgumentException("bad number '" + s + "'");
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("bad number '" + s + "'");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
