package org.bmsworkbench.transport.slcan.internal.protocol;

import java.nio.charset.StandardCharsets;
import org.bmsworkbench.can.CanFrame;

/**
 * The host's commands in the SLCAN (LAWICEL) ASCII protocol (LAWICEL CANUSB manual,
 * "ASCII command set"): each ends with CR.
 */
public final class SlcanEncoder {
    /** Three empty commands: ends whatever half command an earlier program left in the adapter. */
    public static final byte[] FLUSH = ascii("\r\r\r");
    /** {@code C}: close the CAN channel (reset mode). */
    public static final byte[] CLOSE = ascii("C\r");
    /** {@code O}: open the CAN channel. */
    public static final byte[] OPEN = ascii("O\r");
    /** {@code L}: open the CAN channel listen-only (no ACK, no transmit). */
    public static final byte[] LISTEN_ONLY = ascii("L\r");
    /** {@code F}: read the status flags. */
    public static final byte[] STATUS = ascii("F\r");
    /** {@code Z1}: received frames carry a millisecond timestamp. */
    public static final byte[] TIMESTAMPS_ON = ascii("Z1\r");
    /** {@code Z0}: no timestamps. */
    public static final byte[] TIMESTAMPS_OFF = ascii("Z0\r");
    /** The longest frame command: {@code T} + 8 + 1 + 16 + CR. */
    public static final int MAX_FRAME_LINE = 27;
    private static final byte[] DIGITS = ascii("0123456789ABCDEF");

    private SlcanEncoder() {
    }

    /** {@code Sn}: one of the standard bit rates of {@link SlcanBitrate}. */
    public static byte[] bitrate(SlcanBitrate bitrate) {
        return ascii("S" + bitrate.code() + "\r");
    }

    /**
     * Writes the transmit command for {@code frame} ({@code t}, {@code T}, {@code r},
     * {@code R}) into {@code out} at 0 and returns its length, CR included.
     *
     * @throws IllegalArgumentException for an error frame, which an adapter cannot send
     */
    public static int frame(CanFrame frame, byte[] out) {
        if (frame.error()) {
            throw new IllegalArgumentException("an error frame cannot be transmitted: " + frame);
        }
        char kind = frame.remote() ? 'r' : 't';
        int n = 0;
        out[n++] = (byte) (frame.extended() ? Character.toUpperCase(kind) : kind);
        int id = frame.id();
        for (int shift = frame.extended() ? 28 : 8; shift >= 0; shift -= 4) {
            out[n++] = DIGITS[id >>> shift & 0xF];
        }
        out[n++] = DIGITS[frame.dlc()];
        for (int i = 0; i < frame.length(); i++) {
            int b = frame.u8(i);
            out[n++] = DIGITS[b >>> 4];
            out[n++] = DIGITS[b & 0xF];
        }
        out[n++] = '\r';
        return n;
    }

    /** The transmit command for {@code frame} as a new array. */
    public static byte[] frame(CanFrame frame) {
        byte[] out = new byte[MAX_FRAME_LINE];
        return java.util.Arrays.copyOf(out, frame(frame, out));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
