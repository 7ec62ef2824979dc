package org.bmsworkbench.cli.internal.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;

/**
 * The screen {@code bmswb monitor} redraws in a terminal: a status line, then every key of the
 * model with its group, value and unit, and the time since it last arrived. Drawn over the
 * previous screen with ANSI cursor-home, each line cleared to its end and the rest of the screen
 * cleared below, so nothing flickers. Plain Java: the command supplies the snapshot.
 */
public final class MonitorScreen {
    static final String HOME = "\033[H";
    static final String CLEAR_SCREEN = "\033[2J";
    static final String CLEAR_TO_END_OF_LINE = "\033[K";
    static final String CLEAR_BELOW = "\033[J";

    /** Groups in the order a person looks at a battery; others follow alphabetically. */
    private static final List<String> GROUP_ORDER = List.of("pack", "cells", "limits", "energy", "status", "alarms",
            "warnings", "events", "settings", "history", "identity");

    private MonitorScreen() {
    }

    /**
     * What the status line says.
     *
     * @param uri       the connection URI as given
     * @param requested the protocol asked for, or {@code auto}
     * @param protocols the protocols decoding now (winner first), empty while detecting or waiting
     * @param messages  messages decoded so far
     * @param malformed frames a protocol could not decode
     */
    public record Status(String uri, String requested, List<String> protocols, ConnectionState state, String detail,
            ConnectionStatistics statistics, long messages, long malformed, String device) {
        /** A status without a device line (an 11-bit bus, or nothing chosen). */
        public Status(String uri, String requested, List<String> protocols, ConnectionState state, String detail,
                ConnectionStatistics statistics, long messages, long malformed) {
            this(uri, requested, protocols, state, detail, statistics, messages, malformed, "");
        }
    }

    /** One line of the table. */
    public record Row(String group, String key, String value, String age) {
    }

    /** The status line, without escape codes. */
    public static String statusLine(Status s) {
        StringBuilder b = new StringBuilder(s.uri()).append("  ");
        boolean auto = s.requested().equals("auto");
        if (s.protocols().isEmpty()) {
            b.append(auto ? "detecting the protocol" : "waiting for protocol " + s.requested());
        } else {
            b.append(String.join(", ", s.protocols())).append(auto ? " (auto-detected)" : "");
        }
        b.append("  ").append(s.state());
        if (s.detail() != null && !s.detail().isEmpty() && s.state() != ConnectionState.CONNECTED) {
            b.append(" (").append(s.detail()).append(')');
        }
        ConnectionStatistics st = s.statistics();
        b.append(String.format(Locale.ROOT, "  %.1f frames/s  bus load %s  errors %d  messages %d  malformed %d",
                st.framesPerSecond(), st.busLoadPercent() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%",
                        st.busLoadPercent()), st.errorFrames() + st.transportErrors(), s.messages(), s.malformed()));
        return b.toString();
    }

    /**
     * The rows for every key of the model, sorted by group (pack, cells, limits, … identity, then
     * any other) and key.
     *
     * @param catalogue    key to descriptor (unit and group); keys not in it are in group {@code other}
     * @param arrivalNanos key to the {@link System#nanoTime()} its last value arrived
     */
    public static List<Row> rows(Map<String, SignalValue> values, Map<String, SignalDescriptor> catalogue,
            Map<String, Long> arrivalNanos, long nowNanos) {
        List<Row> rows = new ArrayList<>(values.size());
        for (SignalValue v : values.values()) {
            SignalDescriptor d = catalogue.containsKey(v.key()) ? catalogue.get(v.key())
                    : org.bmsworkbench.bms.StandardSignals.find(v.key()).orElse(null); // per-cell keys
            Long arrived = arrivalNanos.get(v.key());
            rows.add(new Row(d == null ? "other" : d.group(), v.key(), ValueText.of(v.value(), d == null ? "" : d.unit()),
                    arrived == null ? "" : age(nowNanos - arrived)));
        }
        rows.sort(Comparator.comparingInt((Row r) -> groupRank(r.group())).thenComparing(Row::group)
                .thenComparing(Row::key, MonitorScreen::compareKeys));
        return rows;
    }

    /** Dotted keys in order, numbers by value: {@code cell.2.voltage} before {@code cell.10.voltage}. */
    static int compareKeys(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = isNumber(x[i]) && isNumber(y[i])
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int groupRank(String group) {
        int i = GROUP_ORDER.indexOf(group);
        return i < 0 ? GROUP_ORDER.size() : i;
    }

    /** {@code 0.4 s} under 10 s, {@code 42 s} under 2 min, then {@code 5 min}. */
    static String age(long nanos) {
        double seconds = Math.max(0, nanos) / 1e9;
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 120) {
            return (long) seconds + " s";
        }
        return (long) (seconds / 60) + " min";
    }

    /**
     * The whole screen: cursor home (after clearing the screen the first time), the status line,
     * a blank line, the table with a header, each line cleared to its end, the rest cleared below.
     */
    public static String render(Status status, List<Row> rows, boolean first) {
        int[] w = {"GROUP".length(), "KEY".length(), "VALUE".length()};
        for (Row r : rows) {
            w[0] = Math.max(w[0], r.group().length());
            w[1] = Math.max(w[1], r.key().length());
            w[2] = Math.max(w[2], r.value().length());
        }
        StringBuilder b = new StringBuilder(128 + rows.size() * 64);
        if (first) {
            b.append(CLEAR_SCREEN);
        }
        b.append(HOME);
        line(b, statusLine(status));
        if (status.device() != null && !status.device().isEmpty()) {
            line(b, "device: " + status.device());
        }
        line(b, "");
        line(b, columns(w, "GROUP", "KEY", "VALUE", "AGE"));
        for (Row r : rows) {
            line(b, columns(w, r.group(), r.key(), r.value(), r.age()));
        }
        if (rows.isEmpty()) {
            line(b, "(no values yet)");
        }
        return b.append(CLEAR_BELOW).toString();
    }

    private static String columns(int[] widths, String... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            b.append(cells[i]);
            if (i < widths.length) {
                b.append(" ".repeat(widths[i] - cells[i].length() + 2));
            }
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        b.setLength(end);
        return b.toString();
    }

    private static void line(StringBuilder b, String text) {
        b.append(text).append(CLEAR_TO_END_OF_LINE).append('\n');
    }
}
