package org.bmsworkbench.transport.slcan.internal.protocol;

import java.util.Objects;

/**
 * The host side of the SLCAN (LAWICEL) ASCII protocol, streaming: feed it the bytes an
 * adapter sends, in any split, and it reports frames, replies and problems to a
 * {@link Handler}.
 *
 * <p>What an adapter sends (LAWICEL CANUSB manual, "ASCII command set"): received frames
 * {@code tiiildd…[ssss]\r}, {@code Tiiiiiiiildd…[ssss]\r}, {@code riiil[ssss]\r},
 * {@code Riiiiiiiil[ssss]\r} (with {@code Z1} a 4-digit hexadecimal millisecond timestamp
 * at the end); replies: CR alone (OK), BEL 0x07 (error), {@code z\r} / {@code Z\r} (a
 * transmitted 11-bit / 29-bit frame was queued), {@code Fxx\r} (status flags),
 * {@code Vxxxx\r}, {@code vxxxx\r}, {@code Nxxxx\r} (version, serial number). LF is ignored.
 *
 * <p>It never throws on input and resynchronises on its own: a line that does not parse is
 * dropped at its CR and reported once; a letter that can only start a line ({@code t T r R
 * z Z V v N} — not {@code F}, a hex digit) in the middle of a frame, ack or garbage line
 * ends that line as unterminated and starts a new one; BEL ends the current line; a line
 * longer than {@link #MAX_LINE} bytes is dropped. Every problem is counted and reported with
 * the offending bytes. Not thread-safe: one reader thread feeds it.
 */
public final class SlcanDecoder {
    /** Longer than any valid line ({@code T} + 8 + 1 + 16 + 4 = 30), room for version strings. */
    public static final int MAX_LINE = 64;
    /** {@link Handler#frame} timestamp when the line carried none. */
    public static final int NO_TIMESTAMP = -1;
    private static final byte BEL = 0x07;
    private static final byte[] HEX = new byte[256];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX['A' + i] = (byte) (10 + i);
            HEX['a' + i] = (byte) (10 + i);
        }
    }

    /** What the decoder finds. Called on the feeding thread. */
    public interface Handler {
        /**
         * A received frame. {@code data} is a new array of {@code dlc} bytes (empty for a
         * remote frame) that the handler may keep; {@code timestamp} is the adapter's
         * milliseconds (0..0xFFFF) or {@link #NO_TIMESTAMP}.
         */
        void frame(int id, boolean extended, boolean remote, int dlc, byte[] data, int timestamp);

        /** CR alone: the last command was accepted. */
        default void ok() { }

        /** {@code z} / {@code Z}: a transmitted 11-bit / 29-bit frame was accepted. */
        default void transmitAck(boolean extended) { }

        /** BEL: the last command was refused. */
        default void bell() { }

        /** {@code Fxx}: the status flags. */
        default void status(int flags) { }

        /** {@code V…}, {@code v…}, {@code N…}: version or serial number, as sent. */
        default void info(String line) { }

        /** Bytes that are not SLCAN; {@code reason} names them. */
        void problem(String reason);
    }

    private final Handler handler;
    private final byte[] line = new byte[MAX_LINE];
    private int length;
    private boolean overlong;
    private long frames;
    private long problems;

    public SlcanDecoder(Handler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Forgets a partial line (after the port was reopened). Counters are kept. */
    public void reset() {
        length = 0;
        overlong = false;
    }

    /** Frames decoded so far. */
    public long frames() {
        return frames;
    }

    /** Problems found so far: each dropped line or garbage run counts once. */
    public long problems() {
        return problems;
    }

    public void feed(byte[] bytes, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, bytes.length);
        for (int i = offset, end = offset + count; i < end; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                if (b == '\r' || length > 0 || overlong) {
                    endLine();
                }
            } else if (b == BEL) {
                if (length > 0 || overlong) {
                    dropUnterminated();
                }
                handler.bell();
            } else if ((length > 0 || overlong) && splitsLine(b)) {
                dropUnterminated();
                line[length++] = b;
            } else if (length < MAX_LINE && !overlong) {
                line[length++] = b;
            } else {
                overlong = true;
            }
        }
    }

    /** A letter that can only start a line, met inside a line that cannot contain it. */
    private boolean splitsLine(byte b) {
        byte first = line[0];
        if (first == 'V' || first == 'v' || first == 'N') {
            return false; // free text (version strings) may hold any letter
        }
        return b == 't' || b == 'T' || b == 'r' || b == 'R' || b == 'z' || b == 'Z'
                || b == 'V' || b == 'v' || b == 'N';
    }

    private void dropUnterminated() {
        problem("line without CR: ", false);
        length = 0;
        overlong = false;
    }

    private void endLine() {
        if (overlong) {
            problem("line longer than " + MAX_LINE + " bytes: ", true);
        } else if (length == 0) {
            handler.ok();
        } else {
            parseLine();
        }
        length = 0;
        overlong = false;
    }

    private void parseLine() {
        byte first = line[0];
        switch (first) {
            case 't', 'T', 'r', 'R' -> parseFrame(first == 'T' || first == 'R', first == 'r' || first == 'R');
            case 'z', 'Z' -> {
                if (length == 1) {
                    handler.transmitAck(first == 'Z');
                } else {
                    problem("bad transmit acknowledgement: ", true);
                }
            }
            case 'F' -> {
                if (length == 3 && HEX[line[1] & 0xFF] >= 0 && HEX[line[2] & 0xFF] >= 0) {
                    handler.status(HEX[line[1] & 0xFF] << 4 | HEX[line[2] & 0xFF]);
                } else {
                    problem("bad status reply: ", true);
                }
            }
            case 'V', 'v', 'N' -> {
                if (printable()) {
                    handler.info(new String(line, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1));
                } else {
                    problem("bad version or serial reply: ", true);
                }
            }
            default -> problem("not an SLCAN line: ", true);
        }
    }

    private void parseFrame(boolean extended, boolean remote) {
        int idDigits = extended ? 8 : 3;
        if (length < 2 + idDigits) {
            problem("frame line too short: ", true);
            return;
        }
        int id = 0;
        for (int i = 1; i <= idDigits; i++) {
            int d = HEX[line[i] & 0xFF];
            if (d < 0) {
                problem("bad hex digit in the id: ", true);
                return;
            }
            id = id << 4 | d;
        }
        if (extended ? (id < 0 || id > 0x1FFF_FFFF) : id > 0x7FF) {
            problem("id out of range: ", true);
            return;
        }
        int dlc = line[1 + idDigits] - '0';
        if (dlc < 0 || dlc > 8) {
            problem("DLC not 0..8: ", true);
            return;
        }
        int dataStart = 2 + idDigits;
        int dataEnd = dataStart + (remote ? 0 : 2 * dlc);
        if (length != dataEnd && length != dataEnd + 4) {
            problem("frame line of the wrong length for DLC " + dlc + ": ", true);
            return;
        }
        byte[] data = new byte[remote ? 0 : dlc];
        for (int i = 0; i < data.length; i++) {
            int hi = HEX[line[dataStart + 2 * i] & 0xFF];
            int lo = HEX[line[dataStart + 2 * i + 1] & 0xFF];
            if (hi < 0 || lo < 0) {
                problem("bad hex digit in the data: ", true);
                return;
            }
            data[i] = (byte) (hi << 4 | lo);
        }
        int timestamp = NO_TIMESTAMP;
        if (length == dataEnd + 4) {
            timestamp = 0;
            for (int i = dataEnd; i < dataEnd + 4; i++) {
                int d = HEX[line[i] & 0xFF];
                if (d < 0) {
                    problem("bad hex digit in the timestamp: ", true);
                    return;
                }
                timestamp = timestamp << 4 | d;
            }
        }
        frames++;
        handler.frame(id, extended, remote, dlc, data, timestamp);
    }

    private boolean printable() {
        for (int i = 0; i < length; i++) {
            if (line[i] < 0x20 || line[i] > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private void problem(String what, boolean terminated) {
        problems++;
        StringBuilder sb = new StringBuilder(what.length() + length + 8).append(what).append('\'');
        for (int i = 0; i < length; i++) {
            int c = line[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        if (overlong) {
            sb.append('…');
        }
        sb.append(terminated ? "\\r'" : "'");
        handler.problem(sb.toString());
    }
}
