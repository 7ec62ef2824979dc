package org.bmsworkbench.transport.slcan.internal.protocol;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bmsworkbench.can.spi.Bitrates;

/** The standard bit rates of the {@code Sn} command (LAWICEL CANUSB manual: S0 = 10 kbit/s … S8 = 1 Mbit/s). */
public enum SlcanBitrate {
    K10(10_000), K20(20_000), K50(50_000), K100(100_000), K125(125_000), K250(250_000), K500(500_000),
    K800(800_000), M1(1_000_000);

    private final int bitsPerSecond;

    SlcanBitrate(int bitsPerSecond) {
        this.bitsPerSecond = bitsPerSecond;
    }

    public int bitsPerSecond() {
        return bitsPerSecond;
    }

    /** The digit after {@code S}. */
    public char code() {
        return (char) ('0' + ordinal());
    }

    /** {@code 500k}, {@code 1M}. */
    public String shortName() {
        return bitsPerSecond == 1_000_000 ? "1M" : bitsPerSecond / 1000 + "k";
    }

    /** {@code 500000}, {@code 500k}, {@code 500K}, {@code 1M}, {@code 1000k}, {@code 1000000}. */
    public static Optional<SlcanBitrate> parse(String text) {
        int bps = Bitrates.parse(text);
        return Arrays.stream(values()).filter(b -> b.bitsPerSecond == bps).findFirst();
    }

    /** {@code 500 kbit/s}, {@code 1 Mbit/s}. */
    public String label() {
        return Bitrates.label(bitsPerSecond);
    }

    /** {@code 10k, 20k, 50k, 100k, 125k, 250k, 500k, 800k, 1M} for messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(SlcanBitrate::shortName).collect(Collectors.joining(", "));
    }
}
