package org.bmsworkbench.transport.serial.internal;

import java.util.Locale;
import java.util.Set;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.InvalidUriException;
import org.bmsworkbench.can.StreamLink;
import org.bmsworkbench.serialport.Parity;

/**
 * The settings of one {@code serial:} URI:
 * {@code serial:PORT?baud=9600&parity=none&stopbits=1&protocol=jbd&poll=1000&mode=normal}.
 *
 * @param port       {@code /dev/ttyUSB0}, a link to it such as {@code /tmp/x}, or {@code COM4}
 * @param baud       the line's speed
 * @param parity     {@code none}, {@code even} or {@code odd}
 * @param stopBits   1 or 2
 * @param listenOnly {@code mode=listen-only}: sniffs the line, never sends
 * @param link       what the channel offers as {@link StreamLink}: port name, protocol, poll period
 */
record SerialSettings(String port, int baud, String parity, int stopBits, boolean listenOnly, StreamLink link) {
    static final int DEFAULT_BAUD = 9600;
    private static final Set<String> OPTIONS = Set.of("baud", "parity", "stopbits", "protocol", "poll", "mode");

    /** Checks the URI without any I/O; throws {@link InvalidUriException} naming what is wrong. */
    static SerialSettings of(ConnectionUri uri) {
        uri.requireOnly(OPTIONS);
        if (uri.authority() != null) {
            throw new InvalidUriException("'" + uri + "': a serial line is a port, not a host; write e.g. "
                    + "serial:/dev/ttyUSB0 or serial:COM4");
        }
        String port = uri.requirePath("serial port");
        if (port.isBlank() || port.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidUriException("'" + uri + "': '" + port + "' is not a serial port name");
        }
        int baud = uri.intOption("baud", DEFAULT_BAUD, 300, 12_000_000);
        String parity = uri.choiceOption("parity", "none", Set.of("none", "even", "odd"));
        int stopBits = Integer.parseInt(uri.choiceOption("stopbits", "1", Set.of("1", "2")));
        boolean listenOnly = uri.choiceOption("mode", "normal", Set.of("normal", "listen-only")).equals("listen-only");
        String protocol = uri.option("protocol").orElse(null);
        if (protocol != null && (protocol.isBlank() || !protocol.chars().allMatch(c -> c > 0x20 && c < 0x7F))) {
            throw new InvalidUriException("'" + uri + "': option protocol=" + protocol + " is not a protocol id");
        }
        return new SerialSettings(port, baud, parity, stopBits, listenOnly, StreamLink.of(portName(port), uri));
    }

    /** The port as chunks name it: the last path segment ({@code ttyUSB0}, {@code COM4}, {@code B} for {@code /tmp/B}). */
    static String portName(String port) {
        String p = port.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1);
        return name.isEmpty() || name.chars().anyMatch(Character::isWhitespace) ? "serial" : name;
    }

    /** {@code 9600 8N1}. */
    /** The parity as the port layer takes it. */
    Parity parityBit() {
        return Parity.valueOf(parity.toUpperCase(Locale.ROOT));
    }

    String lineLabel() {
        return baud + " 8" + Character.toUpperCase(parity.charAt(0)) + stopBits;
    }
}
