package org.bmsworkbench.ui.frames.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;

/**
 * The text filter of the Frames view. Terms are separated by spaces or commas; a frame is shown
 * when it matches any term (or there is none), and no term starting with {@code -}:
 * <ul>
 * <li>{@code 0x351}, {@code 351}, {@code 1CEFFF50}: the CAN id (hex), {@code 0x350-0x35F} a range;</li>
 * <li>{@code pgn:127508}, {@code pgn:0x1F214}: the PGN of a 29-bit id;</li>
 * <li>{@code protocol:vreg} (or {@code proto:}): the protocol that decoded the frame, {@code protocol:none} undecoded;</li>
 * <li>{@code rx}, {@code tx}: the direction.</li>
 * </ul>
 * Chunks of a serial line have no CAN id: an id term never matches them.
 */
final class FrameFilter {
    static final FrameFilter ALL = new FrameFilter("", List.of(), List.of());

    /** What a filter looks at: a frame's id and kind, and the protocol that decoded it (null if none). */
    interface Facts {
        int id();

        boolean extended();

        boolean error();

        boolean chunk();

        boolean tx();

        String protocol();
    }

    private interface Term {
        boolean matches(Facts r);
    }

    private final String text;
    private final List<Term> include;
    private final List<Term> exclude;

    private FrameFilter(String text, List<Term> include, List<Term> exclude) {
        this.text = text;
        this.include = include;
        this.exclude = exclude;
    }

    /** @throws IllegalArgumentException with a one-line message naming the term that is wrong */
    static FrameFilter parse(String text) {
        List<Term> include = new ArrayList<>();
        List<Term> exclude = new ArrayList<>();
        for (String raw : text.strip().split("[\\s,]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            boolean not = raw.startsWith("-") && raw.length() > 1;
            (not ? exclude : include).add(term(not ? raw.substring(1) : raw));
        }
        return include.isEmpty() && exclude.isEmpty() ? ALL : new FrameFilter(text.strip(), include, exclude);
    }

    private static Term term(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        if (colon > 0) {
            String key = lower.substring(0, colon);
            String value = lower.substring(colon + 1);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("filter '" + t + "': nothing after '" + key + ":'");
            }
            switch (key) {
                case "pgn" -> {
                    int pgn = number(t, value, value.startsWith("0x") ? 16 : 10, 0x3FFFF);
                    return r -> r.extended() && !r.error() && J1939Id.parse(r.id()).pgn() == pgn;
                }
                case "protocol", "proto" -> {
                    return "none".equals(value) ? r -> r.protocol() == null : r -> value.equals(r.protocol());
                }
                case "id" -> {
                    return id(t, value);
                }
                default -> throw new IllegalArgumentException("filter '" + t + "': unknown key '" + key
                        + "' (use an id like 0x351, pgn:127508, protocol:vreg, rx or tx)");
            }
        }
        if (lower.equals("rx") || lower.equals("tx")) {
            boolean tx = lower.equals("tx");
            return r -> r.tx() == tx;
        }
        return id(t, lower);
    }

    private static Term id(String t, String value) {
        int dash = value.indexOf('-', 1);
        if (dash > 0) {
            int from = number(t, strip0x(value.substring(0, dash)), 16, CanFrame.MAX_EXTENDED_ID);
            int to = number(t, strip0x(value.substring(dash + 1)), 16, CanFrame.MAX_EXTENDED_ID);
            return r -> !r.chunk() && r.id() >= from && r.id() <= to;
        }
        int id = number(t, strip0x(value), 16, CanFrame.MAX_EXTENDED_ID);
        return r -> !r.chunk() && r.id() == id; // bytes of a serial line have no id
    }

    private static String strip0x(String s) {
        return s.startsWith("0x") ? s.substring(2) : s;
    }

    private static int number(String term, String digits, int radix, int max) {
        String d = radix == 16 ? strip0x(digits) : digits;
        try {
            long v = Long.parseLong(d, radix);
            if (v < 0 || v > max) {
                throw new IllegalArgumentException("filter '" + term + "': " + digits + " is outside 0.."
                        + (radix == 16 ? "0x" + Integer.toHexString(max).toUpperCase(Locale.ROOT) : max));
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("filter '" + term + "': '" + digits + "' is not a "
                    + (radix == 16 ? "hexadecimal id (e.g. 0x351)" : "number (e.g. pgn:127508)"));
        }
    }

    boolean matches(Facts r) {
        if (!include.isEmpty()) {
            boolean any = false;
            for (Term t : include) {
                if (t.matches(r)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        for (Term t : exclude) {
            if (t.matches(r)) {
                return false;
            }
        }
        return true;
    }

    boolean all() {
        return this == ALL;
    }

    String text() {
        return text;
    }
}
