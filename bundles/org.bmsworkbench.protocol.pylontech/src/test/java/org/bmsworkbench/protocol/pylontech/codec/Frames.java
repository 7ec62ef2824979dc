package org.bmsworkbench.protocol.pylontech.codec;

import org.bmsworkbench.can.CanFrame;

/** Frames written out by hand. */
final class Frames {
    static final long TIME = 1_600_000_000_000_000L;

    private Frames() {
    }

    static CanFrame frame(int id, int... bytes) {
        byte[] d = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            d[i] = (byte) bytes[i];
        }
        return CanFrame.of(TIME, "can0", id, false, d);
    }
}
