package org.bmsworkbench.protocol.daly.codec;

import java.util.HexFormat;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/** Test frames written out by hand as hex ("A5 01 90 08 …"). */
final class Frames {
    static final String PORT = "ttyUSB0";

    private Frames() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** A received chunk at {@code micros}. */
    static CanFrame rx(long micros, String hex) {
        return CanFrame.chunk(micros, PORT, Direction.RX, bytes(hex));
    }

    static CanFrame tx(long micros, String hex) {
        return CanFrame.chunk(micros, PORT, Direction.TX, bytes(hex));
    }

    /** A received CAN frame with a 29-bit id. */
    static CanFrame can(int id, String hex) {
        return CanFrame.of(1_000_000L, "can0", id, true, bytes(hex));
    }
}
