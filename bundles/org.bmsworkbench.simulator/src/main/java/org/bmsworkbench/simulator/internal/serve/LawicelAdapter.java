package org.bmsworkbench.simulator.internal.serve;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bmsworkbench.can.CanFrame;

/**
 * The adapter side of the SLCAN (LAWICEL) ASCII protocol, without I/O: the bytes a host
 * writes go in, the bytes an adapter answers come out, frames the host transmits go to the
 * bus, and frames from the bus become {@code t}/{@code T} lines while the channel is open.
 *
 * <p>Supported (commands end with CR; LF is ignored; an empty line is ignored; hex digits
 * in either case; OK is CR, an error is BEL 0x07):
 * <ul>
 * <li>{@code S0}–{@code S8} bit rate 10k–1M, {@code sxxyy} BTR0/BTR1 — closed only;</li>
 * <li>{@code O} open, {@code L} open listen-only — closed only; {@code C} close — open only;</li>
 * <li>{@code tiiildd…}, {@code Tiiiiiiiildd…}, {@code riiil}, {@code Riiiiiiiil} transmit —
 *     open and not listen-only; answered {@code z\r} (11-bit) or {@code Z\r} (29-bit);</li>
 * <li>{@code F} status flags — open only: {@code Fxx\r}, bit 3 (data overrun) when frames
 *     were dropped because the host did not read, cleared by reading;</li>
 * <li>{@code V} → {@code V1013\r}, {@code v} → {@code v1013\r}, {@code N} → {@code NA123\r} — any time;</li>
 * <li>{@code Z0}/{@code Z1} timestamps off/on — closed only: with {@code Z1} each frame line
 *     ends with 4 hex digits, milliseconds 0–59999 of the frame's time;</li>
 * <li>{@code Mxxxxxxxx}/{@code mxxxxxxxx} acceptance code/mask — closed only: accepted but
 *     not applied (every frame of the bus is passed).</li>
 * </ul>
 * Anything else — other commands ({@code X}, {@code W}, {@code U}, {@code P}, {@code A}, …),
 * a wrong length, a bad hex digit, a control character, a line over 64 bytes — is answered
 * with BEL and changes nothing. Thread-safe: the reader and the bus may call at once.
 */
public final class LawicelAdapter {
    static final byte OK = '\r';
    static final byte ERROR = 0x07;
    static final String VERSION = "1013";
    static final String SERIAL = "A123";
    static final int MAX_LINE = 64;
    private static final int[] BITRATES = {10_000, 20_000, 50_000, 100_000, 125_000, 250_000, 500_000, 800_000,
        1_000_000};
    private static final int OVERRUN = 0x08;

    enum Mode { CLOSED, OPEN, LISTEN_ONLY }

    private final Consumer<CanFrame> toBus;
    private final Consumer<String> events;
    private final int busBitrate;
    private final StringBuilder line = new StringBuilder();
    private boolean lineTooLong;
    private boolean lineHasControl;
    private Mode mode = Mode.CLOSED;
    private int bitrate = 0;
    private String btr;
    private boolean timestamps;
    private int statusFlags;
    private long transmitted;

    /**
     * @param busBitrate the bit rate of the served bus: a host that sets another one is told, once per open
     * @param toBus      frames the host transmits ({@code t}, {@code T}, {@code r}, {@code R})
     * @param events     one line for each thing a person watching would want to know (opened, closed)
     */
    public LawicelAdapter(int busBitrate, Consumer<CanFrame> toBus, Consumer<String> events) {
        this.busBitrate = busBitrate;
        this.toBus = toBus;
        this.events = events;
    }

    /** Takes bytes the host wrote, any split; returns the adapter's answers (possibly none). */
    public synchronized byte[] receive(byte[] data, int offset, int length) {
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xFF;
            if (b == '\r') {
                if (lineTooLong || lineHasControl) {
                    answers.write(ERROR);
                } else if (!line.isEmpty()) {
                    answers.writeBytes(execute(line.toString()).getBytes(StandardCharsets.ISO_8859_1));
                }
                line.setLength(0);
                lineTooLong = false;
                lineHasControl = false;
            } else if (b == '\n') {
                continue;
            } else if (line.length() >= MAX_LINE) {
                lineTooLong = true;
            } else {
                if (b < 0x20 || b > 0x7E) {
                    lineHasControl = true;
                }
                line.append((char) b);
            }
        }
        return answers.toByteArray();
    }

    /** The line for a frame from the bus, or null while the channel is closed. */
    public synchronized byte[] frameLine(CanFrame frame) {
        if (mode == Mode.CLOSED || frame.error()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(32);
        char kind = frame.remote() ? 'r' : 't';
        sb.append(frame.extended() ? Character.toUpperCase(kind) : kind).append(frame.idHex()).append(frame.dlc());
        if (!frame.remote()) {
            sb.append(frame.dataHex());
        }
        if (timestamps) {
            long millis = frame.hasTimestamp() ? Math.floorMod(Math.floorDiv(frame.timestampMicros(), 1000), 60_000) : 0;
            sb.append(String.format("%04X", millis));
        }
        sb.append('\r');
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A frame line could not be passed to the host (it does not read): reported by {@code F}. */
    public synchronized void noteOverrun() {
        statusFlags |= OVERRUN;
    }

    synchronized Mode mode() {
        return mode;
    }

    /** The bit rate set with {@code Sn} (0 when none or set by BTR). */
    public synchronized int bitrate() {
        return bitrate;
    }

    /** Frames the host transmitted. */
    public synchronized long transmitted() {
        return transmitted;
    }

    private String execute(String cmd) {
        char c = cmd.charAt(0);
        return switch (c) {
            case 'S' -> whenClosed(() -> setBitrate(cmd));
            case 's' -> whenClosed(() -> setBtr(cmd));
            case 'O' -> cmd.length() == 1 ? whenClosed(() -> open(Mode.OPEN)) : error();
            case 'L' -> cmd.length() == 1 ? whenClosed(() -> open(Mode.LISTEN_ONLY)) : error();
            case 'C' -> cmd.length() == 1 && mode != Mode.CLOSED ? close() : error();
            case 't', 'T', 'r', 'R' -> mode == Mode.OPEN ? transmit(cmd) : error();
            case 'F' -> cmd.length() == 1 && mode != Mode.CLOSED ? status() : error();
            case 'V', 'v' -> cmd.length() == 1 ? c + VERSION + "\r" : error();
            case 'N' -> cmd.length() == 1 ? "N" + SERIAL + "\r" : error();
            case 'Z' -> whenClosed(() -> setTimestamps(cmd));
            case 'M', 'm' -> whenClosed(() -> cmd.length() == 9 && isHex(cmd, 1, 9) ? ok() : error());
            default -> error();
        };
    }

    private String whenClosed(Supplier<String> action) {
        return mode == Mode.CLOSED ? action.get() : error();
    }

    private String setBitrate(String cmd) {
        if (cmd.length() != 2 || cmd.charAt(1) < '0' || cmd.charAt(1) > '8') {
            return error();
        }
        bitrate = BITRATES[cmd.charAt(1) - '0'];
        btr = null;
        return ok();
    }

    private String setBtr(String cmd) {
        if (cmd.length() != 5 || !isHex(cmd, 1, 5)) {
            return error();
        }
        btr = cmd.substring(1);
        bitrate = 0;
        return ok();
    }

    private String setTimestamps(String cmd) {
        if (cmd.equals("Z0") || cmd.equals("Z1")) {
            timestamps = cmd.charAt(1) == '1';
            return ok();
        }
        return error();
    }

    private String open(Mode m) {
        mode = m;
        statusFlags = 0;
        String speed = bitrate != 0 ? bitrate / 1000 + " kbit/s" : btr != null ? "BTR " + btr : "the default bit rate";
        String mismatch = bitrate != 0 && bitrate != busBitrate ? " (the bus runs at " + busBitrate / 1000
                + " kbit/s: a real adapter would receive nothing; frames are served anyway)" : "";
        events.accept("the host opened the channel" + (m == Mode.LISTEN_ONLY ? " listen-only" : "") + " at " + speed
                + (timestamps ? ", timestamps on" : "") + mismatch);
        return ok();
    }

    private String close() {
        mode = Mode.CLOSED;
        events.accept("the host closed the channel");
        return ok();
    }

    private String status() {
        String answer = String.format("F%02X\r", statusFlags);
        statusFlags = 0;
        return answer;
    }

    private String transmit(String cmd) {
        char kind = cmd.charAt(0);
        boolean extended = Character.isUpperCase(kind);
        boolean remote = kind == 'r' || kind == 'R';
        int idDigits = extended ? 8 : 3;
        if (cmd.length() < 1 + idDigits + 1 || !isHex(cmd, 1, 1 + idDigits)) {
            return error();
        }
        long id = Long.parseLong(cmd, 1, 1 + idDigits, 16);
        int dlc = cmd.charAt(1 + idDigits) - '0';
        if (id > (extended ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID) || dlc < 0 || dlc > 8) {
            return error();
        }
        int dataStart = 2 + idDigits;
        int expected = dataStart + (remote ? 0 : 2 * dlc);
        if (cmd.length() != expected || !isHex(cmd, dataStart, expected)) {
            return error();
        }
        long micros = System.currentTimeMillis() * 1000;
        CanFrame frame;
        if (remote) {
            frame = CanFrame.remote(micros, "slcan", (int) id, extended, dlc);
        } else {
            byte[] data = new byte[dlc];
            for (int i = 0; i < dlc; i++) {
                data[i] = (byte) Integer.parseInt(cmd, dataStart + 2 * i, dataStart + 2 * i + 2, 16);
            }
            frame = CanFrame.wrap(micros, "slcan", (int) id, extended, data);
        }
        transmitted++;
        toBus.accept(frame);
        return extended ? "Z\r" : "z\r";
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String ok() {
        return "\r";
    }

    private static String error() {
        return "\u0007";
    }
}
