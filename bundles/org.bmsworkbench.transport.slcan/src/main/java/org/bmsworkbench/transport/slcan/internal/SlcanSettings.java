package org.bmsworkbench.transport.slcan.internal;

import java.util.Set;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.transport.slcan.internal.protocol.SlcanBitrate;

/**
 * The settings of one {@code slcan:} URI: {@code slcan:PORT?bitrate=500000&mode=normal&timestamps=off&baud=115200}.
 *
 * @param port       {@code /dev/ttyACM0}, a link to it such as {@code /tmp/x}, or {@code COM3}
 * @param bitrate    the CAN bit rate ({@code S0}–{@code S8})
 * @param listenOnly {@code mode=listen-only}: opened with {@code L} (no ACK, no transmit)
 * @param timestamps {@code timestamps=on}: {@code Z1}, frames carry the adapter's time
 * @param baud       the serial line's speed (ignored by USB-CDC adapters)
 */
record SlcanSettings(String port, SlcanBitrate bitrate, boolean listenOnly, boolean timestamps, int baud) {
    static final SlcanBitrate DEFAULT_BITRATE = SlcanBitrate.K500;
    static final int DEFAULT_BAUD = 115_200;
    private static final Set<String> OPTIONS = Set.of("bitrate", "mode", "timestamps", "baud");

    /** Checks the URI without any I/O; throws {@link InvalidUriException} naming what is wrong. */
    static SlcanSettings of(ConnectionUri uri) {
        uri.requireOnly(OPTIONS);
        if (uri.authority() != null) {
            throw new InvalidUriException("'" + uri + "': an SLCAN adapter is a serial port, not a host; write e.g. "
                    + "slcan:/dev/ttyACM0 or slcan:COM3");
        }
        String port = uri.requirePath("serial port");
        if (port.isBlank() || port.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidUriException("'" + uri + "': '" + port + "' is not a serial port name");
        }
        SlcanBitrate bitrate = DEFAULT_BITRATE;
        String text = uri.option("bitrate").orElse(null);
        if (text != null) {
            bitrate = SlcanBitrate.parse(text).orElseThrow(() -> new InvalidUriException("'" + uri + "': option bitrate="
                    + text + " is not a standard SLCAN bit rate (allowed: " + SlcanBitrate.allowed() + ")"));
        }
        boolean listenOnly = uri.choiceOption("mode", "normal", Set.of("normal", "listen-only")).equals("listen-only");
        boolean timestamps = uri.booleanOption("timestamps", false);
        int baud = uri.intOption("baud", DEFAULT_BAUD, 300, 12_000_000);
        return new SlcanSettings(port, bitrate, listenOnly, timestamps, baud);
    }

    /** The bus name frames carry: the port's file name ({@code ttyACM0}, {@code COM3}). */
    String busName() {
        String p = port.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1);
        return name.isEmpty() || name.chars().anyMatch(Character::isWhitespace) ? "slcan" : name;
    }
}
