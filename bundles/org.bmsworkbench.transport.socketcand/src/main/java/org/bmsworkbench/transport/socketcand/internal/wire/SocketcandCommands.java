package org.bmsworkbench.transport.socketcand.internal.wire;

import java.nio.charset.StandardCharsets;
import org.bmsworkbench.can.CanFrame;

/** The commands the client sends, as bytes (linux-can/socketcand {@code doc/protocol.md}). Plain Java. */
public final class SocketcandCommands {
    /** Switches an opened bus to raw mode: every frame of the bus is sent to the client. */
    public static final byte[] RAWMODE = "< rawmode >".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private SocketcandCommands() {
    }

    /** {@code < open BUS >}; the bus name is checked by the caller (no blanks, no brackets). */
    public static byte[] open(String bus) {
        return ("< open " + bus + " >").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code < send ID DLC B0 B1 … >}: the id as 3 hex digits (11-bit) or 8 (29-bit, which is how
     * socketcand tells them apart), the DLC in decimal, each byte as 2 hex digits.
     *
     * @throws IllegalArgumentException for a remote or error frame: socketcand's raw mode has no command for them
     */
    public static byte[] send(CanFrame frame) {
        if (frame.remote() || frame.error()) {
            throw new IllegalArgumentException("socketcand's raw mode has no command to send "
                    + (frame.remote() ? "a remote (RTR) frame" : "an error frame") + " (" + frame + ")");
        }
        int n = frame.length();
        byte[] out = new byte[7 + (frame.extended() ? 8 : 3) + 2 + 3 * n + 2];
        int p = put(out, 0, "< send ");
        p = hex(out, p, frame.id(), frame.extended() ? 8 : 3);
        out[p++] = ' ';
        out[p++] = (byte) ('0' + frame.dlc());
        for (int i = 0; i < n; i++) {
            out[p++] = ' ';
            p = hex(out, p, frame.u8(i), 2);
        }
        out[p++] = ' ';
        out[p++] = '>';
        return out;
    }

    private static int put(byte[] out, int p, String s) {
        for (int i = 0; i < s.length(); i++) {
            out[p++] = (byte) s.charAt(i);
        }
        return p;
    }

    private static int hex(byte[] out, int p, int value, int digits) {
        for (int d = digits - 1; d >= 0; d--) {
            out[p++] = HEX[(value >>> (4 * d)) & 0xF];
        }
        return p;
    }
}
