package org.bmsworkbench.can.spi;

import java.util.Locale;

/**
 * The {@code bitrate=} option of adapter URIs ({@code pcan:…?bitrate=500k}, {@code kvaser:…}):
 * reading it and naming a bit rate in messages. Which rates an adapter allows stays the
 * transport's to check (and to say).
 */
public final class Bitrates {
    private Bitrates() {
    }

    /** {@code 500000}, {@code 500k}, {@code 1M} (any case, surrounding blanks ignored); -1 when not such a number. */
    public static int parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int multiplier = 1;
        if (t.endsWith("k")) {
            multiplier = 1000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            multiplier = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || t.length() > 8 || !t.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(t) * multiplier;
    }

    /** {@code 1 Mbit/s}, {@code 500 kbit/s}, {@code 83333 bit/s}. */
    public static String label(int bitrate) {
        return bitrate >= 1_000_000 ? bitrate / 1_000_000 + " Mbit/s"
                : bitrate % 1000 == 0 ? bitrate / 1000 + " kbit/s" : bitrate + " bit/s";
    }
}
