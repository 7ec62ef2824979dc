package org.bmsworkbench.cli.internal.decode;

import java.util.Arrays;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameView;

/**
 * What {@code bmswb decode} writes, kept in reused primitive arrays instead of objects a frame:
 * decoded messages (received as a {@link MessageSink}) and frames printed without one (unknown,
 * error and remote frames under {@code --all}), in order, read back by index by the
 * {@link OutputFormat}s. A record holds its frame's time, bus, id and flags, the protocol and
 * message names and the signal keys as references (constant strings: storing them allocates
 * nothing), the message's numbers ({@link MessageSink#NONE} when absent), its signal values ({@code
 * double} in a {@code double[]}, any other in an {@code Object[]}), and the data bytes of a frame
 * printed without a message. Arrays grow only when more records, signals or bytes are stored than
 * ever before, so once warmed up, filling and clearing allocate nothing.
 *
 * <p>A message is committed by {@link #end()}; one begun but not ended (its session threw) is
 * dropped by {@link #discardOpen()}. Not thread-safe: one thread fills, then (after a hand-over that
 * publishes the writes) one thread reads.
 */
public final class Records implements MessageSink {
    /** A decoded message. */
    static final byte MESSAGE = 0;
    /** A data frame no protocol decodes ({@code --all}). */
    static final byte UNKNOWN = 1;
    /** An error frame ({@code --all}). */
    static final byte ERROR_FRAME = 2;
    /** A remote frame ({@code --all}). */
    static final byte REMOTE_REQUEST = 3;

    private static final int EXTENDED = 1;
    private static final int ERROR = 2;
    private static final int REMOTE = 4;
    private static final int FD = 8;
    private static final int CHUNK = 16;
    private static final int TX = 32;

    /** The message's numbers a record keeps, in this order. */
    private static final int PGN = 0;
    private static final int SOURCE = 1;
    private static final int DESTINATION = 2;
    private static final int INSTANCE = 3;
    private static final int REGISTER = 4;
    private static final int CODE = 5;
    private static final int DATA_ID = 6;
    private static final int NUMBERS = 7;

    /** In {@link #values}: the signal's value is {@link #doubles}' at the same index. */
    private static final Object DOUBLE = new Object();

    private byte[] kinds;
    private long[] times;
    private String[] buses;
    private int[] ids;
    private int[] flags;
    private int[] dlcs;
    private String[] protocols;
    private String[] messages;
    private int[] numbers;
    /** Record {@code i}'s signals are {@code signalStarts[i]} to {@code signalStarts[i + 1]}. */
    private int[] signalStarts;
    /** Record {@code i}'s data bytes are {@code dataStarts[i]} to {@code dataStarts[i + 1]} of {@link #bytes}. */
    private int[] dataStarts;

    private String[] keys;
    private double[] doubles;
    private Object[] values;
    private byte[] bytes;

    private int size;
    private int signals;
    private int byteCount;

    /** @param capacity the records to make room for at first (more grow the arrays) */
    public Records(int capacity) {
        int n = Math.max(1, capacity);
        kinds = new byte[n];
        times = new long[n];
        buses = new String[n];
        ids = new int[n];
        flags = new int[n];
        dlcs = new int[n];
        protocols = new String[n];
        messages = new String[n];
        numbers = new int[n * NUMBERS];
        signalStarts = new int[n + 1];
        dataStarts = new int[n + 1];
        keys = new String[4 * n];
        doubles = new double[4 * n];
        values = new Object[4 * n];
        bytes = new byte[8 * n];
    }

    /** The records stored. */
    public int size() {
        return size;
    }

    /**
     * Empties the records, keeping the arrays; drops the references to non-double values (they may
     * be the only objects a decoder made for a message) so that they can be collected.
     */
    public void clear() {
        Arrays.fill(values, 0, signals, null);
        size = 0;
        signals = 0;
        byteCount = 0;
    }

    // --- filling

    @Override
    public void begin(String protocol, String message, FrameView frame, int pgn, int source, int destination,
            int instance, int register, int code, int dataId) {
        int i = open(MESSAGE, frame);
        protocols[i] = protocol;
        messages[i] = message;
        int at = i * NUMBERS;
        numbers[at + PGN] = pgn;
        numbers[at + SOURCE] = source;
        numbers[at + DESTINATION] = destination;
        numbers[at + INSTANCE] = instance;
        numbers[at + REGISTER] = register;
        numbers[at + CODE] = code;
        numbers[at + DATA_ID] = dataId;
    }

    @Override
    public void number(String key, double value) {
        int j = signal(key);
        doubles[j] = value;
        values[j] = DOUBLE;
    }

    @Override
    public void value(String key, Object value) {
        int j = signal(key); // first: it may replace the arrays
        values[j] = value;
    }

    @Override
    public void end() {
        size++;
    }

    /** Drops a message begun and not ended (its session failed on the frame): the records are as before it. */
    public void discardOpen() {
        Arrays.fill(values, signalStarts[size], signals, null);
        signals = signalStarts[size];
        byteCount = dataStarts[size];
    }

    /** A frame printed without a message ({@link #UNKNOWN}, {@link #ERROR_FRAME}, {@link #REMOTE_REQUEST}), its bytes copied. */
    void frame(byte kind, FrameView frame) {
        int i = open(kind, frame);
        int length = frame.length();
        frame.copyData(room(length), byteCount);
        byteCount += length;
        closeFrame(i);
    }

    /** Bytes of a serial line printed without a message: {@code frame}'s time, bus and direction, and these bytes. */
    void chunk(FrameView frame, byte[] data) {
        int i = open(UNKNOWN, frame);
        flags[i] = CHUNK | (frame.direction() == Direction.TX ? TX : 0);
        System.arraycopy(data, 0, room(data.length), byteCount, data.length);
        byteCount += data.length;
        closeFrame(i);
    }

    private void closeFrame(int i) {
        protocols[i] = null;
        messages[i] = null;
        size++;
    }

    /** Starts record {@link #size} with the frame's fields, no signals and no bytes yet. */
    private int open(byte kind, FrameView frame) {
        int i = size;
        if (i == kinds.length) {
            grow();
        }
        signals = signalStarts[i];
        byteCount = dataStarts[i];
        kinds[i] = kind;
        times[i] = frame.timestampMicros();
        buses[i] = frame.bus();
        ids[i] = frame.id();
        flags[i] = (frame.extended() ? EXTENDED : 0) | (frame.error() ? ERROR : 0) | (frame.remote() ? REMOTE : 0)
                | (frame.fd() ? FD : 0) | (frame.chunk() ? CHUNK : 0) | (frame.direction() == Direction.TX ? TX : 0);
        dlcs[i] = frame.dlc();
        signalStarts[i + 1] = signals;
        dataStarts[i + 1] = byteCount;
        return i;
    }

    private int signal(String key) {
        int j = signals;
        if (j == keys.length) {
            int n = 2 * j;
            keys = Arrays.copyOf(keys, n);
            doubles = Arrays.copyOf(doubles, n);
            values = Arrays.copyOf(values, n);
        }
        keys[j] = key;
        signals = j + 1;
        signalStarts[size + 1] = signals;
        return j;
    }

    /** {@link #bytes}, with room for {@code more} bytes after {@link #byteCount}; records the new end. */
    private byte[] room(int more) {
        if (byteCount + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(byteCount + more, 2 * bytes.length));
        }
        dataStarts[size + 1] = byteCount + more;
        return bytes;
    }

    private void grow() {
        int n = 2 * kinds.length;
        kinds = Arrays.copyOf(kinds, n);
        times = Arrays.copyOf(times, n);
        buses = Arrays.copyOf(buses, n);
        ids = Arrays.copyOf(ids, n);
        flags = Arrays.copyOf(flags, n);
        dlcs = Arrays.copyOf(dlcs, n);
        protocols = Arrays.copyOf(protocols, n);
        messages = Arrays.copyOf(messages, n);
        numbers = Arrays.copyOf(numbers, n * NUMBERS);
        signalStarts = Arrays.copyOf(signalStarts, n + 1);
        dataStarts = Arrays.copyOf(dataStarts, n + 1);
    }

    // --- reading record i

    byte kind(int i) {
        return kinds[i];
    }

    boolean hasTimestamp(int i) {
        return times[i] != CanFrame.NO_TIMESTAMP;
    }

    long timestampMicros(int i) {
        return times[i];
    }

    String bus(int i) {
        return buses[i];
    }

    /** A chunk of a serial line: no CAN id. */
    boolean chunk(int i) {
        return (flags[i] & CHUNK) != 0;
    }

    boolean fd(int i) {
        return (flags[i] & FD) != 0;
    }

    /** The chunk's direction was transmit. */
    boolean tx(int i) {
        return (flags[i] & TX) != 0;
    }

    int dlc(int i) {
        return dlcs[i];
    }

    /** The protocol of a message. */
    String protocol(int i) {
        return protocols[i];
    }

    /** The name of a message. */
    String message(int i) {
        return messages[i];
    }

    int pgn(int i) {
        return numbers[i * NUMBERS + PGN];
    }

    int source(int i) {
        return numbers[i * NUMBERS + SOURCE];
    }

    int destination(int i) {
        return numbers[i * NUMBERS + DESTINATION];
    }

    int instance(int i) {
        return numbers[i * NUMBERS + INSTANCE];
    }

    int register(int i) {
        return numbers[i * NUMBERS + REGISTER];
    }

    int code(int i) {
        return numbers[i * NUMBERS + CODE];
    }

    int dataId(int i) {
        return numbers[i * NUMBERS + DATA_ID];
    }

    /**
     * The digits of a message's register: 2 for a JBD register (a byte, read over a byte stream),
     * 4 for a VREG register.
     */
    int registerDigits(int i) {
        return register(i) < 0x100 && (chunk(i) || "jbd".equals(protocols[i])) ? 2 : 4;
    }

    /** The id's hex digits as logs show them: 3 for 11-bit, 8 for 29-bit and for an error frame. */
    TextBuffer appendId(int i, TextBuffer out) {
        int f = flags[i];
        if ((f & ERROR) != 0) {
            return out.appendHex(ids[i] | OutputFormat.CAN_ERR_FLAG, 8);
        }
        return out.appendHex(ids[i], (f & EXTENDED) != 0 ? 8 : 3);
    }

    /** The data bytes of a frame printed without a message, as contiguous upper-case hex. */
    TextBuffer appendData(int i, TextBuffer out) {
        for (int b = dataStarts[i]; b < dataStarts[i + 1]; b++) {
            out.appendHex(bytes[b] & 0xFF, 2);
        }
        return out;
    }

    /** The first of record {@code i}'s signals. */
    int signalStart(int i) {
        return signalStarts[i];
    }

    /** After the last of record {@code i}'s signals. */
    int signalEnd(int i) {
        return signalStarts[i + 1];
    }

    /** Signal {@code j}'s model key. */
    String key(int j) {
        return keys[j];
    }

    /** Whether signal {@code j}'s value is a {@code double} ({@link #doubleValue}), else {@link #value}. */
    boolean isDouble(int j) {
        return values[j] == DOUBLE;
    }

    double doubleValue(int j) {
        return doubles[j];
    }

    /** Signal {@code j}'s value when it is not a double: any object, null when not available. */
    Object value(int j) {
        return values[j];
    }
}
