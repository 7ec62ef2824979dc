package org.bmsworkbench.protocol.nmea2000.codec;

import java.util.HexFormat;
import org.bmsworkbench.can.CanFrame;

/** Frames written out by hand, as candump shows them. */
final class Frames {
    static final long TIME = 1_600_000_001_200_000L;

    private Frames() {
    }

    /** A 29-bit data frame, e.g. {@code n2k("19F21450", "005E0A85FF777400")}. */
    static CanFrame n2k(String idHex, String dataHex) {
        return CanFrame.of(TIME, "can0", Integer.parseInt(idHex, 16), true, HexFormat.of().parseHex(dataHex));
    }

    static String hex(byte[] data) {
        return HexFormat.of().withUpperCase().formatHex(data);
    }
}
