package org.bmsworkbench.simulator.internal.serve;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;

/**
 * The server side of one socketcand connection, without I/O (the protocol of linux-can/socketcand
 * {@code doc/protocol.md}, as Kayak and python-can speak it): the bytes the client sends go in,
 * the server's answers and the frames the client sends come out, and frames from the
 * bus become {@code < frame … >} elements in raw mode (or for subscribed ids in BCM mode).
 *
 * <p>Supported — every command is one {@code < … >} element; bytes between elements are ignored:
 * <ul>
 * <li>NO_BUS (after {@code < hi >}): {@code < open BUS >} → {@code < ok >} and BCM mode; another bus
 *     → {@code < error could not open bus >} and the connection is closed;</li>
 * <li>BCM: {@code < rawmode >} → {@code < ok >}; {@code < send ID DLC B… >}, {@code < sendrtr ID DLC >};
 *     {@code < subscribe SECS USECS ID >} (frames of that id, at most one per interval) and
 *     {@code < unsubscribe ID >}; {@code < echo >} → {@code < echo >}; {@code < bcmmode >} → {@code < ok >};</li>
 * <li>RAW: every frame as {@code < frame ID SECS.USECS HEX >} (id {@code %03X} or {@code %08X},
 *     data as contiguous hex like socketcand sends it), a remote frame as {@code < rtr ID SECS.USECS DLC >};
 *     {@code send}, {@code sendrtr}, {@code echo}; {@code < bcmmode >} → {@code < ok >} (subscriptions
 *     start empty); {@code < rawmode >} → {@code < ok >}.</li>
 * </ul>
 * An id of 8 hex digits is a 29-bit id; DLC 0–8; data bytes hex, 1–2 digits each. Anything else
 * — {@code add}, {@code update}, {@code delete}, {@code filter}, {@code muxfilter},
 * {@code controlmode}, {@code isotpmode}, bus settings, an unknown word — is answered with
 * {@code < error unknown command >}; a malformed {@code send} with {@code < error … >} naming
 * the fault; neither changes the state. An element over 256 bytes is dropped with an error.
 * Thread-safe: the reader and the bus may call at once.
 */
public final class SocketcandSession {
    static final String GREETING = "< hi >";
    static final int MAX_ELEMENT = 256;
    private static final String OK = "< ok >";
    private static final String UNKNOWN = "< error unknown command >";

    enum Mode { NO_BUS, BCM, RAW }

    /**
     * What the session makes of some input: bytes for the client, the frames it sent (for the
     * bus: handed out, not sent under the session's lock, so sessions never wait on each other),
     * and whether to hang up.
     */
    public record Output(byte[] replies, List<CanFrame> frames, boolean hangUp) {
    }

    private final String busName;
    private final List<CanFrame> sent = new ArrayList<>();
    private final StringBuilder element = new StringBuilder();
    private final Map<Long, long[]> subscriptions = new HashMap<>();
    private boolean inElement;
    private boolean tooLong;
    private Mode mode = Mode.NO_BUS;
    private boolean hungUp;
    private long received;

    /** @param busName the one bus this server offers (e.g. {@code can0}) */
    public SocketcandSession(String busName) {
        this.busName = busName;
    }

    /** What the server sends first. */
    public static byte[] greeting() {
        return GREETING.getBytes(StandardCharsets.US_ASCII);
    }

    /** Takes bytes the client sent, any split; returns the answers. After a hang-up nothing more is read. */
    public synchronized Output receive(byte[] data, int offset, int length) {
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        for (int i = offset; i < offset + length && !hungUp; i++) {
            char c = (char) (data[i] & 0xFF);
            if (c == '<') {
                inElement = true;
                tooLong = false;
                element.setLength(0);
            } else if (!inElement) {
                continue;
            } else if (c == '>') {
                inElement = false;
                String reply = tooLong ? "< error command too long >" : execute(element.toString());
                answers.writeBytes(reply.getBytes(StandardCharsets.US_ASCII));
            } else if (element.length() >= MAX_ELEMENT) {
                tooLong = true;
            } else {
                element.append(c);
            }
        }
        List<CanFrame> frames = List.copyOf(sent);
        sent.clear();
        return new Output(answers.toByteArray(), frames, hungUp);
    }

    /** The element for a frame from the bus, or null when this client does not take it now. */
    public synchronized byte[] frameLine(CanFrame frame) {
        if (frame.error() || !wants(frame)) {
            return null;
        }
        long micros = frame.hasTimestamp() ? frame.timestampMicros() : System.currentTimeMillis() * 1000;
        String time = Math.floorDiv(micros, 1_000_000) + "." + String.format("%06d", Math.floorMod(micros, 1_000_000));
        String line = frame.remote()
                ? "< rtr " + frame.idHex() + " " + time + " " + frame.dlc() + " >"
                : "< frame " + frame.idHex() + " " + time + " " + frame.dataHex() + " >";
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    private boolean wants(CanFrame frame) {
        if (mode == Mode.RAW) {
            return true;
        }
        if (mode != Mode.BCM) {
            return false;
        }
        long[] subscription = subscriptions.get(key(frame.id(), frame.extended()));
        if (subscription == null) {
            return false;
        }
        long interval = subscription[0];
        long time = frame.hasTimestamp() ? frame.timestampMicros() : System.currentTimeMillis() * 1000;
        if (subscription[1] != Long.MIN_VALUE && time - subscription[1] < interval) {
            return false;
        }
        subscription[1] = time;
        return true;
    }

    synchronized Mode mode() {
        return mode;
    }

    /** Frames this client sent. */
    public synchronized long received() {
        return received;
    }

    private String execute(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20 && text.charAt(i) != '\t' || text.charAt(i) > 0x7E) {
                return "< error unprintable character in command >";
            }
        }
        List<String> words = List.of(text.strip().split("[ \t]+"));
        String command = words.get(0);
        return switch (mode) {
            case NO_BUS -> command.equals("open") ? open(words) : UNKNOWN;
            case BCM, RAW -> switch (command) {
                case "rawmode", "bcmmode" -> words.size() == 1 ? switchMode(command) : UNKNOWN;
                case "echo" -> words.size() == 1 ? "< echo >" : UNKNOWN;
                case "send" -> send(words, false);
                case "sendrtr" -> send(words, true);
                case "subscribe" -> mode == Mode.BCM ? subscribe(words) : UNKNOWN;
                case "unsubscribe" -> mode == Mode.BCM ? unsubscribe(words) : UNKNOWN;
                default -> UNKNOWN;
            };
        };
    }

    private String open(List<String> words) {
        if (words.size() == 2 && words.get(1).equals(busName)) {
            mode = Mode.BCM;
            return OK;
        }
        hungUp = true;
        return "< error could not open bus >";
    }

    private String switchMode(String command) {
        Mode next = command.equals("rawmode") ? Mode.RAW : Mode.BCM;
        if (next != mode) {
            subscriptions.clear();
        }
        mode = next;
        return OK;
    }

    private String send(List<String> words, boolean remote) {
        if (words.size() < 3) {
            return "< error send needs an id and a DLC >";
        }
        String idText = words.get(1);
        long id = hex(idText, 8);
        boolean extended = idText.length() == 8;
        if (id < 0 || id > (extended ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID)) {
            return "< error bad CAN id " + idText + " >";
        }
        long dlc = hex(words.get(2), 1);
        if (dlc < 0 || dlc > 8) {
            return "< error bad DLC " + words.get(2) + " >";
        }
        int expected = remote ? 3 : 3 + (int) dlc;
        if (words.size() != expected) {
            return "< error DLC " + dlc + " but " + (words.size() - 3) + " data bytes >";
        }
        byte[] data = new byte[remote ? 0 : (int) dlc];
        for (int i = 0; i < data.length; i++) {
            long b = hex(words.get(3 + i), 2);
            if (b < 0) {
                return "< error bad data byte " + words.get(3 + i) + " >";
            }
            data[i] = (byte) b;
        }
        long micros = System.currentTimeMillis() * 1000;
        received++;
        sent.add(remote ? CanFrame.remote(micros, busName, (int) id, extended, (int) dlc)
                : CanFrame.wrap(micros, busName, (int) id, extended, data));
        return "";
    }

    private String subscribe(List<String> words) {
        if (words.size() != 4) {
            return "< error subscribe needs SECS USECS ID >";
        }
        long secs = decimal(words.get(1));
        long usecs = decimal(words.get(2));
        String idText = words.get(3);
        long id = hex(idText, 8);
        boolean extended = idText.length() == 8;
        if (secs < 0 || usecs < 0 || id < 0 || id > (extended ? CanFrame.MAX_EXTENDED_ID : CanFrame.MAX_STANDARD_ID)) {
            return "< error bad subscribe arguments >";
        }
        subscriptions.put(key((int) id, extended), new long[] {secs * 1_000_000 + usecs, Long.MIN_VALUE});
        return "";
    }

    private String unsubscribe(List<String> words) {
        if (words.size() != 2) {
            return "< error unsubscribe needs an ID >";
        }
        String idText = words.get(1);
        long id = hex(idText, 8);
        if (id < 0 || subscriptions.remove(key((int) id, idText.length() == 8)) == null) {
            return "< error no subscription for " + idText + " >";
        }
        return "";
    }

    private static long key(int id, boolean extended) {
        return (extended ? 1L << 32 : 0L) | id;
    }

    /** The value of 1..maxDigits hex digits, or -1. */
    private static long hex(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** A decimal number of at most 9 digits, or -1. */
    private static long decimal(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(s);
    }
}
