package org.bmsworkbench.transport.socketcand.internal.wire;

import java.nio.charset.StandardCharsets;
import org.bmsworkbench.can.CanFrame;

/**
 * Reads what a socketcand server sends (linux-can/socketcand {@code doc/protocol.md}): a stream of
 * {@code < … >} elements, in pieces of any size. Plain Java, no I/O of its own, never throws on
 * input: every fault goes to {@link Handler#malformed} and reading goes on at the next {@code <}.
 *
 * <ul>
 * <li>{@code < frame ID SECS.USECS DATA >}: a data frame. ID is 1–3 hex digits (11-bit) or 4–8 (29-bit;
 *     socketcand writes {@code %03X} and {@code %08X}); DATA is 0–8 bytes of contiguous hex
 *     ({@code 1A220344}), absent for DLC 0; the time becomes the frame's timestamp (µs).</li>
 * <li>{@code < rtr ID SECS.USECS DLC >}: a remote frame (a dialect some servers, and the workbench's
 *     simulator, speak; socketcand itself drops remote frames in raw mode).</li>
 * <li>{@code < error CLASS SECS.USECS >}: a CAN error frame in raw mode ({@code %03X} error class) →
 *     {@link CanFrame#error}; any other {@code < error … >} is a reply: {@code reply("error", text)}.</li>
 * <li>Anything else ({@code hi}, {@code ok}, {@code echo}, {@code stat …}) → {@link Handler#reply}.</li>
 * </ul>
 * An element is at most {@value #MAX_ELEMENT} bytes between its brackets; a longer one is dropped
 * (the buffer never grows). Not thread-safe: one reader thread feeds it.
 */
public final class SocketcandParser {
    /** Longest element body kept (socketcand's own command buffer is smaller). */
    public static final int MAX_ELEMENT = 256;
    private static final int MAX_WORDS = 6;
    private static final int SHOWN = 60;
    private static final byte[] FRAME = ascii("frame");
    private static final byte[] RTR = ascii("rtr");
    private static final byte[] ERROR = ascii("error");

    /** What the parser found. Called on the feeding thread. */
    public interface Handler {
        /** A data, remote or error frame. */
        void frame(CanFrame frame);

        /** Any other element: its first word and the rest of its text (trimmed, may be empty). */
        void reply(String word, String rest);

        /** Bytes that are not a valid element; says what and shows (part of) them. */
        void malformed(String problem);
    }

    private final String bus;
    private final Handler handler;
    private final byte[] element = new byte[MAX_ELEMENT];
    private final int[] starts = new int[MAX_WORDS];
    private final int[] ends = new int[MAX_WORDS];
    private int length;
    private boolean inElement;
    private boolean overflow;
    private boolean skipping;

    /** @param bus the bus name the frames get */
    public SocketcandParser(String bus, Handler handler) {
        this.bus = bus;
        this.handler = handler;
    }

    /** Takes the next bytes from the server, any split; reports complete elements as they close. */
    public void feed(byte[] data, int offset, int count) {
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            byte b = data[i];
            if (b == '<') {
                if (inElement) {
                    handler.malformed("element not closed before the next '<', dropped: '<" + shown(length) + "'");
                }
                inElement = true;
                skipping = false;
                overflow = false;
                length = 0;
            } else if (!inElement) {
                if (!skipping && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    skipping = true;
                    handler.malformed("unexpected " + describe(b) + " outside an element, skipped up to the next '<'");
                }
            } else if (b == '>') {
                inElement = false;
                if (overflow) {
                    handler.malformed("element longer than " + MAX_ELEMENT + " bytes, dropped: '<" + shown(length) + "…'");
                } else {
                    element();
                }
            } else if (length < MAX_ELEMENT) {
                element[length++] = b;
            } else {
                overflow = true;
            }
        }
    }

    /** True while part of an element has been read but not its {@code >} (for tests and diagnostics). */
    public boolean inElement() {
        return inElement;
    }

    private void element() {
        int words = split();
        if (words == 0) {
            handler.malformed("empty element '< >'");
        } else if (is(0, FRAME)) {
            dataFrame(words);
        } else if (is(0, RTR)) {
            remoteFrame(words);
        } else if (is(0, ERROR) && words == 3 && errorFrame()) {
            return;
        } else {
            handler.reply(text(starts[0], ends[0]), text(words > 1 ? starts[1] : length, lastEnd()).strip());
        }
    }

    /** Splits the element at blanks; returns the number of words, at most {@value #MAX_WORDS}. */
    private int split() {
        int n = 0;
        int i = 0;
        while (i < length && n < MAX_WORDS) {
            while (i < length && blank(element[i])) {
                i++;
            }
            if (i == length) {
                break;
            }
            starts[n] = i;
            while (i < length && !blank(element[i])) {
                i++;
            }
            ends[n++] = i;
        }
        if (n == MAX_WORDS) {
            ends[n - 1] = lastEnd();  // the last word takes the rest, so that long replies stay whole
        }
        return n;
    }

    private int lastEnd() {
        int e = length;
        while (e > 0 && blank(element[e - 1])) {
            e--;
        }
        return e;
    }

    private void dataFrame(int words) {
        if (words != 3 && words != 4) {
            bad("a frame is '< frame ID SECS.USECS DATA >'");
            return;
        }
        long id = hex(1);
        if (id < 0) {
            bad("bad CAN id");
            return;
        }
        boolean extended = ends[1] - starts[1] > 3;
        long time = time(2);
        if (time == Long.MIN_VALUE) {
            bad("bad time (expected SECS.USECS)");
            return;
        }
        byte[] data;
        if (words == 3) {
            data = new byte[0];
        } else {
            int digits = ends[3] - starts[3];
            if (digits % 2 != 0 || digits > 16) {
                bad(digits % 2 != 0 ? "odd number of hex digits in the data" : "more than 8 data bytes");
                return;
            }
            data = new byte[digits / 2];
            for (int k = 0; k < data.length; k++) {
                int hi = Character.digit(element[starts[3] + 2 * k], 16);
                int lo = Character.digit(element[starts[3] + 2 * k + 1], 16);
                if (hi < 0 || lo < 0) {
                    bad("bad hex digit in the data");
                    return;
                }
                data[k] = (byte) (hi << 4 | lo);
            }
        }
        handler.frame(CanFrame.wrap(time, bus, (int) id, extended, data));
    }

    private void remoteFrame(int words) {
        long id = words == 4 ? hex(1) : -1;
        long time = words == 4 ? time(2) : Long.MIN_VALUE;
        int dlc = words == 4 && ends[3] - starts[3] == 1 ? element[starts[3]] - '0' : -1;
        if (id < 0 || time == Long.MIN_VALUE || dlc < 0 || dlc > 8) {
            bad("a remote frame is '< rtr ID SECS.USECS DLC >' with DLC 0..8");
            return;
        }
        handler.frame(CanFrame.remote(time, bus, (int) id, ends[1] - starts[1] > 3, dlc));
    }

    /** {@code < error CLASS SECS.USECS >}; false when the element is not of that form (then it is a reply). */
    private boolean errorFrame() {
        int digits = ends[1] - starts[1];
        long errorClass = digits >= 1 && digits <= 8 ? hexDigits(starts[1], ends[1]) : -1;
        long time = time(2);
        if (errorClass < 0 || time == Long.MIN_VALUE) {
            return false;
        }
        handler.frame(CanFrame.error(time, bus, (int) errorClass));
        return true;
    }

    /** Word {@code w} as a CAN id: 1–3 hex digits up to 0x7FF, or 4–8 up to 0x1FFFFFFF; -1 if not. */
    private long hex(int w) {
        int digits = ends[w] - starts[w];
        if (digits < 1 || digits > 8) {
            return -1;
        }
        long v = hexDigits(starts[w], ends[w]);
        return v > (digits > 3 ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID) ? -1 : v;
    }

    private long hexDigits(int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(element[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Word {@code w} as SECS[.FRACTION] in µs (digits past the µs dropped), or Long.MIN_VALUE. */
    private long time(int w) {
        int i = starts[w];
        int end = ends[w];
        long secs = 0;
        int digits = 0;
        while (i < end && element[i] >= '0' && element[i] <= '9' && digits < 12) {
            secs = secs * 10 + (element[i++] - '0');
            digits++;
        }
        if (digits == 0) {
            return Long.MIN_VALUE;
        }
        long micros = 0;
        if (i < end) {
            if (element[i++] != '.' || i == end) {
                return Long.MIN_VALUE;
            }
            int scale = 100_000;
            for (; i < end; i++) {
                if (element[i] < '0' || element[i] > '9') {
                    return Long.MIN_VALUE;
                }
                micros += (element[i] - '0') * (long) scale;
                scale /= 10;
            }
        }
        return secs * 1_000_000 + micros;
    }

    private void bad(String why) {
        handler.malformed(why + ": '<" + shown(length) + ">'");
    }

    private boolean is(int w, byte[] word) {
        if (ends[w] - starts[w] != word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (element[starts[w] + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private String text(int from, int to) {
        return from >= to ? "" : new String(element, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The first bytes of the element as printable text (others as \xNN), at most {@value #SHOWN}. */
    private String shown(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(count, SHOWN); i++) {
            int c = element[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return count > SHOWN ? sb + "…" : sb.toString();
    }

    private static String describe(byte b) {
        int c = b & 0xFF;
        return c >= 0x21 && c < 0x7F ? "'" + (char) c + "'" : String.format("byte 0x%02X", c);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
