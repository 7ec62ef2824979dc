package org.bmsworkbench.transport.pcan.internal;

import static org.bmsworkbench.transport.pcan.internal.PcanConstants.*;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.spi.Bitrates;

/**
 * The settings of one {@code pcan:} URI: {@code pcan:PCAN_USBBUS1?bitrate=500000&mode=listen-only}.
 *
 * @param handle     the PCAN-Basic channel handle (0x51 for {@code PCAN_USBBUS1})
 * @param bitrate    bit/s
 * @param btr0btr1   the {@code PCAN_BAUD_*} value for it
 * @param listenOnly {@code mode=listen-only}: {@code PCAN_LISTEN_ONLY} on, nothing is sent
 */
record PcanSettings(int handle, int bitrate, short btr0btr1, boolean listenOnly) {
    static final int DEFAULT_BITRATE = 500_000;
    private static final Set<String> OPTIONS = Set.of("bitrate", "mode");
    /** The PCAN_BAUD_* constants of PCANBasic.h by bit rate. */
    static final Map<Integer, Short> BAUD = new TreeMap<>(Map.of(10_000, PCAN_BAUD_10K, 20_000, PCAN_BAUD_20K,
            50_000, PCAN_BAUD_50K, 100_000, PCAN_BAUD_100K, 125_000, PCAN_BAUD_125K, 250_000, PCAN_BAUD_250K,
            500_000, PCAN_BAUD_500K, 800_000, PCAN_BAUD_800K, 1_000_000, PCAN_BAUD_1M));

    /** Checks the URI without any I/O; throws {@link InvalidUriException} naming what is wrong. */
    static PcanSettings of(ConnectionUri uri) {
        uri.requireOnly(OPTIONS);
        if (uri.authority() != null) {
            throw new InvalidUriException("'" + uri + "': a PCAN channel has no host; write e.g. pcan:PCAN_USBBUS1");
        }
        String channel = uri.requirePath("PCAN channel");
        int handle = PcanChannelNames.handle(channel).orElseThrow(() -> new InvalidUriException("'" + uri + "': '"
                + channel + "' is not a PCAN-Basic channel (PCAN_USBBUS1 … PCAN_USBBUS16, PCAN_PCIBUS1 …, "
                + "PCAN_LANBUS1 …; 'bmswb adapters' lists the attached ones)"));
        int bitrate = DEFAULT_BITRATE;
        String text = uri.option("bitrate").orElse(null);
        if (text != null) {
            bitrate = Bitrates.parse(text);
            if (!BAUD.containsKey(bitrate)) {
                throw new InvalidUriException("'" + uri + "': option bitrate=" + text + " is not a PCAN_BAUD_* bit rate"
                        + " (allowed: 10k, 20k, 50k, 100k, 125k, 250k, 500k, 800k, 1M)");
            }
        }
        boolean listenOnly = uri.choiceOption("mode", "normal", Set.of("normal", "listen-only")).equals("listen-only");
        return new PcanSettings(handle, bitrate, BAUD.get(bitrate), listenOnly);
    }

    /** The bus name frames carry: {@code PCAN_USBBUS1}. */
    String busName() {
        return PcanChannelNames.name(handle);
    }
}
