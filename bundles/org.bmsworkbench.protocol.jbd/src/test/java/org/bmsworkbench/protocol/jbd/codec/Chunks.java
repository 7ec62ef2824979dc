package org.bmsworkbench.protocol.jbd.codec;

import java.util.HexFormat;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/** Test helpers: hex written with blanks, as the sources print it, to bytes and chunks. */
final class Chunks {
    static final long T0 = 1_600_000_000_000_000L;

    private Chunks() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static CanFrame rx(String hex) {
        return CanFrame.chunk(T0, "ttyUSB0", Direction.RX, bytes(hex));
    }

    static JbdFrame only(String hex) {
        JbdStreamDecoder.Result r = new JbdStreamDecoder().feed(bytes(hex));
        if (r.frames().size() != 1 || !r.skipped().isEmpty()) {
            throw new AssertionError("expected one frame in " + hex + ", got " + r);
        }
        return r.frames().get(0);
    }
}
