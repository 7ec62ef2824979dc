package org.bmsworkbench.protocol.sma.codec;

import java.util.HexFormat;
import org.bmsworkbench.can.CanFrame;

/** Frames written out by hand in tests. */
final class Frames {
    static final long TIME = 1_600_000_000_000_000L;

    private Frames() {
    }

    /** An 11-bit data frame on can0, data as contiguous hex ("" for none). */
    static CanFrame frame(int id, String hex) {
        return CanFrame.of(TIME, "can0", id, false, HexFormat.of().parseHex(hex));
    }

    static String hex(CanFrame frame) {
        return frame.dataHex();
    }
}
