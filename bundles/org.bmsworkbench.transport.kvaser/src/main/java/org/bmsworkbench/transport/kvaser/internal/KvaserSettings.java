package org.bmsworkbench.transport.kvaser.internal;

import static org.bmsworkbench.transport.kvaser.internal.CanlibConstants.*;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.spi.Bitrates;

/**
 * The settings of one {@code kvaser:} URI: {@code kvaser:0?bitrate=500000&mode=listen-only}.
 *
 * @param channel    the CANlib channel number (0, 1, … as {@code canGetNumberOfChannels} counts them)
 * @param bitrate    bit/s
 * @param canBitrate the {@code canBITRATE_*} constant for it
 * @param listenOnly {@code mode=listen-only}: {@code canDRIVER_SILENT}, nothing is sent
 */
record KvaserSettings(int channel, int bitrate, int canBitrate, boolean listenOnly) {
    static final int DEFAULT_BITRATE = 500_000;
    private static final Set<String> OPTIONS = Set.of("bitrate", "mode");
    /** The canBITRATE_* constants of canlib.h by bit rate. */
    static final Map<Integer, Integer> BITRATES = new TreeMap<>(Map.of(10_000, canBITRATE_10K, 50_000, canBITRATE_50K,
            62_500, canBITRATE_62K, 83_333, canBITRATE_83K, 100_000, canBITRATE_100K, 125_000, canBITRATE_125K,
            250_000, canBITRATE_250K, 500_000, canBITRATE_500K, 1_000_000, canBITRATE_1M));

    static KvaserSettings of(ConnectionUri uri) {
        uri.requireOnly(OPTIONS);
        if (uri.authority() != null) {
            throw new InvalidUriException("'" + uri + "': a Kvaser channel has no host; write e.g. kvaser:0");
        }
        String text = uri.requirePath("CANlib channel number");
        if (!text.matches("\\d{1,3}")) {
            throw new InvalidUriException("'" + uri + "': '" + text + "' is not a CANlib channel number (0, 1, …;"
                    + " 'bmswb adapters' lists them)");
        }
        int channel = Integer.parseInt(text);
        int bitrate = DEFAULT_BITRATE;
        String rate = uri.option("bitrate").orElse(null);
        if (rate != null) {
            bitrate = Bitrates.parse(rate);
            if (!BITRATES.containsKey(bitrate)) {
                throw new InvalidUriException("'" + uri + "': option bitrate=" + rate + " is not a canBITRATE_* bit rate"
                        + " (allowed: 10k, 50k, 62500, 83333, 100k, 125k, 250k, 500k, 1M)");
            }
        }
        boolean listenOnly = uri.choiceOption("mode", "normal", Set.of("normal", "listen-only")).equals("listen-only");
        return new KvaserSettings(channel, bitrate, BITRATES.get(bitrate), listenOnly);
    }

    /** The bus name frames carry: {@code kvaser0}. */
    String busName() {
        return "kvaser" + channel;
    }
}
