package org.bmsworkbench.protocol.generalbms.internal;

import java.util.HexFormat;
import org.bmsworkbench.can.CanFrame;

/** Frames written out by hand in tests. */
final class Frames {
    static final long TIME = 1_600_000_000_000_000L;

    private Frames() {
    }

    /** An 11-bit data frame on can0, data as contiguous hex ("" for none). */
    static CanFrame frame(int id, String hex) {
        return frame("can0", id, hex);
    }

    static CanFrame frame(String bus, int id, String hex) {
        return CanFrame.of(TIME, bus, id, false, HexFormat.of().parseHex(hex));
    }
}
