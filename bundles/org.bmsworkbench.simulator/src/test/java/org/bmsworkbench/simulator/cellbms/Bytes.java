package org.bmsworkbench.simulator.cellbms;

import java.util.HexFormat;

/** Hex written out by hand in the tests, blanks allowed. */
final class Bytes {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Bytes() {
    }

    static byte[] hex(String text) {
        return HEX.parseHex(text.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }
}
