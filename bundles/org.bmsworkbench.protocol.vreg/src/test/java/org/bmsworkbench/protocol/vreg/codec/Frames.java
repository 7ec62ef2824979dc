package org.bmsworkbench.protocol.vreg.codec;

import java.util.HexFormat;
import org.bmsworkbench.can.CanFrame;

/** Frames written out by hand, as in the guide: a 29-bit id and the data bytes in hex. */
final class Frames {
    static final long TIME = 1_600_000_000_000_000L;

    private Frames() {
    }

    static CanFrame frame(int canId, String hex) {
        return CanFrame.of(TIME, "can0", canId, true, HexFormat.of().parseHex(hex.replace(" ", "")));
    }
}
