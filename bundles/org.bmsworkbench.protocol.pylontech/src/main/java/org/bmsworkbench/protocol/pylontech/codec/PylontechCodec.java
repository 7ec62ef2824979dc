package org.bmsworkbench.protocol.pylontech.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol.MessageInfo;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.codec.Decimals;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * The Pylontech-style low-voltage battery frames (Pylontech US2000/US3000 and their clones),
 * 11-bit, 500 kbit/s, little endian, one message per frame. Immutable and thread-safe: the
 * manufacturer name a session remembers so as not to make it again a frame is in its own
 * {@link Memory}, passed in.
 *
 * <p>Built only on the BMS model's helpers ({@link FrameFields}, {@link Decimals}): a protocol
 * bundle needs nothing of another vendor's bundle.
 */
public final class PylontechCodec {
    public static final String PROTOCOL_ID = "pylontech";
    public static final String MANUFACTURER = "PYLON";

    public static final int LIMITS = 0x351;
    public static final int STATUS = 0x355;
    public static final int BASIC_INFO = 0x356;
    public static final int PROTECTION = 0x359;
    public static final int REQUESTS = 0x35C;
    public static final int NAME = 0x35E;

    /** What {@link #u16} and {@link #s16} give for the marker: no un16 or sn16 is this. */
    private static final int NOT_AVAILABLE = Integer.MIN_VALUE;

    /**
     * A session's memory of the manufacturer name it decoded last, so that a name sent again is not
     * made again; one a session, so that two batteries never share or overwrite it. Not thread-safe.
     */
    public static final class Memory {
        /** The name's (at most eight) bytes, packed little endian: all NULs are null from the start. */
        private long raw;
        private String text;
    }

    /** One bit of a flag byte onto one key. */
    record Flag(int byteIndex, int bit, String key) {
    }

    /** 0x359: protection (a hard fault, mapped to {@code alarm.*}) in bytes 0–1, alarms (warnings) in bytes 2–3. */
    static final List<Flag> PROTECTION_FLAGS = List.of(
            new Flag(0, 1, "alarm.high_voltage"), new Flag(0, 2, "alarm.low_voltage"),
            new Flag(0, 3, "alarm.high_temperature"), new Flag(0, 4, "alarm.low_temperature"),
            new Flag(0, 7, "alarm.high_current"), new Flag(1, 0, "alarm.high_charge_current"),
            new Flag(1, 3, "alarm.bms_internal"),
            new Flag(2, 1, "warning.high_voltage"), new Flag(2, 2, "warning.low_voltage"),
            new Flag(2, 3, "warning.high_temperature"), new Flag(2, 4, "warning.low_temperature"),
            new Flag(2, 7, "warning.high_current"), new Flag(3, 0, "warning.high_charge_current"),
            new Flag(3, 3, "warning.bms_internal"));

    /** 0x35C byte 0: the battery's requests to the charger or inverter. */
    static final List<Flag> REQUEST_FLAGS = List.of(
            new Flag(0, 7, PylontechSignals.CHARGE_ENABLE), new Flag(0, 6, PylontechSignals.DISCHARGE_ENABLE),
            new Flag(0, 5, PylontechSignals.FORCE_CHARGE_1), new Flag(0, 4, PylontechSignals.FORCE_CHARGE_2),
            new Flag(0, 3, PylontechSignals.FULL_CHARGE));

    private static final List<MessageInfo> MESSAGES = List.of(
            new MessageInfo("bms_limits", LIMITS, false, "charge voltage, charge and discharge current limits, discharge voltage"),
            new MessageInfo("battery_status", STATUS, false, "SOC and SOH"),
            new MessageInfo("battery_basic_info", BASIC_INFO, false, "pack voltage, current and temperature"),
            new MessageInfo("protection_alarms", PROTECTION, false, "protection and alarm flags, module count"),
            new MessageInfo("charge_requests", REQUESTS, false, "charge and discharge enable, force and full charge requests"),
            new MessageInfo("manufacturer_name", NAME, false, "manufacturer name, \"PYLON\""));

    /** The message names by id − 0x351, null where no message has that id. */
    private static final String[] NAMES_BY_ID = new String[NAME - LIMITS + 1];

    static {
        for (MessageInfo m : MESSAGES) {
            NAMES_BY_ID[m.canId() - LIMITS] = m.name();
        }
    }

    /** The flags as arrays: a loop over them makes no iterator a frame. */
    private static final Flag[] PROTECTION_FLAG_ARRAY = PROTECTION_FLAGS.toArray(new Flag[0]);
    private static final Flag[] REQUEST_FLAG_ARRAY = REQUEST_FLAGS.toArray(new Flag[0]);

    /** The messages, in id order. */
    public List<MessageInfo> messageInfos() {
        return MESSAGES;
    }

    /** The message name of a frame of this protocol, or null. */
    public static String messageOf(CanFrame f) {
        return messageName(f);
    }

    /** {@link #messageOf(CanFrame)} of a view: reads its flags and id, makes nothing. */
    public static String messageOf(FrameView f) {
        return messageName(f);
    }

    /** {@link #messageOf} without an iterator a frame: the names by id. */
    private static String messageName(FrameView f) {
        if (f.extended() || f.remote() || f.error() || f.fd()) {
            return null;
        }
        int id = f.id();
        return id >= LIMITS && id <= NAME ? NAMES_BY_ID[id - LIMITS] : null;
    }

    /**
     * Decodes one frame.
     *
     * @return the message, or null when the frame is not one of this protocol's
     * @throws MalformedFrameException when it has one of its ids but too few data bytes
     */
    public DecodedMessage decode(CanFrame f) throws MalformedFrameException {
        return decode(f, null);
    }

    /** {@link #decode(CanFrame)} with a session's memory (null: none), which holds the name decoded last. */
    public DecodedMessage decode(CanFrame f, Memory memory) throws MalformedFrameException {
        if (messageName(f) == null) {
            return null; // before the map: other protocols' frames make nothing
        }
        Collected collected = new Collected();
        decodeTo(f, memory, collected);
        return DecodedMessage.of(PROTOCOL_ID, collected.message, f, collected.signals);
    }

    /**
     * Decodes one frame into {@code sink}, field by field: what {@link #decode} gives (it is built on
     * this), without allocating but for a manufacturer name (made again each frame here; a session
     * passes its {@link Memory} to the next method), a frame too short and a module count over 127.
     *
     * @return true when the sink received the message, false (nothing sent) when the frame is not
     *         one of this protocol's
     * @throws MalformedFrameException when it has one of its ids but too few data bytes, before
     *         anything is sent
     */
    public boolean decodeTo(FrameView f, MessageSink sink) throws MalformedFrameException {
        return decodeTo(f, null, sink);
    }

    /** {@link #decodeTo(FrameView, MessageSink)} with a session's memory (null: none), which holds the name decoded last. */
    public boolean decodeTo(FrameView f, Memory memory, MessageSink sink) throws MalformedFrameException {
        String name = messageName(f);
        if (name == null) {
            return false;
        }
        int id = f.id();
        FrameFields.requireLength(f, switch (id) {
            case LIMITS -> 8;
            case STATUS -> 4;
            case BASIC_INFO -> 6;
            case PROTECTION -> 5;
            default -> 1; // REQUESTS, NAME
        }, name);
        sink.begin(PROTOCOL_ID, name, f, MessageSink.NONE, MessageSink.NONE, MessageSink.NONE, MessageSink.NONE,
                MessageSink.NONE, MessageSink.NONE, MessageSink.NONE);
        switch (id) {
            case LIMITS -> {
                scaled(sink, "limit.charge_voltage", u16(f, 0), 1);
                scaled(sink, "limit.charge_current", s16(f, 2), 1);
                scaled(sink, "limit.discharge_current", s16(f, 4), 1);
                scaled(sink, "limit.discharge_voltage", u16(f, 6), 1);
            }
            case STATUS -> {
                whole(sink, "soc", u16(f, 0));
                whole(sink, "soh", u16(f, 2));
            }
            case BASIC_INFO -> {
                scaled(sink, "pack.voltage", s16(f, 0), 2);
                scaled(sink, "pack.current", s16(f, 2), 1);
                scaled(sink, "pack.temperature", s16(f, 4), 1);
            }
            case PROTECTION -> {
                for (Flag flag : PROTECTION_FLAG_ARRAY) {
                    sink.value(flag.key(), bit(f, flag) ? "raised" : "cleared");
                }
                sink.value(PylontechSignals.MODULE_COUNT, (long) f.u8(4));
            }
            case REQUESTS -> {
                for (Flag flag : REQUEST_FLAG_ARRAY) {
                    sink.value(flag.key(), bit(f, flag));
                }
            }
            default -> sink.value("bms.manufacturer", name(f, memory)); // NAME
        }
        sink.end();
        return true;
    }

    /**
     * The name as {@link FrameFields#ascii} reads it, null for padding only; with a memory, read again
     * only when it changes.
     */
    private static String name(FrameView f, Memory memory) {
        int count = Math.min(8, f.length());
        long raw = 0;
        for (int i = 0; i < count; i++) {
            raw |= (long) f.u8(i) << 8 * i;
        }
        // the same bytes, or these and more NULs, trim to the same text: raw alone is the key
        if (memory != null && memory.raw == raw) {
            return memory.text;
        }
        String text = FrameFields.ascii(f.toFrame(), 0, 8);
        text = text.isEmpty() ? null : text;
        if (memory != null) {
            memory.raw = raw;
            memory.text = text;
        }
        return text;
    }

    /**
     * Encodes one message, the reverse of {@link #decode(CanFrame)}: an absent or null number is
     * sent as its not-available marker, an absent flag as 0, an absent name as spaces.
     *
     * @throws IllegalArgumentException for an unknown message, a value of the wrong type or out of range
     */
    public CanFrame encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        return PylontechEncoder.encode(message, signals, bus, timestampMicros);
    }

    /**
     * How strongly a frame says "Pylontech": 0x359 carrying "PN" and 0x35C are this protocol's
     * own (100), 0x35E "PYLON" is its name (100), a 0x359 without "PN" 30; the frames it shares
     * with SMA-style protocols (0x351, 0x355, 0x356) only 2, so that a bus of those alone is not
     * taken for Pylontech.
     */
    public static int detectionScore(CanFrame f) {
        return detectionScore((FrameView) f);
    }

    /** {@link #detectionScore(CanFrame)} of a view, read in place (the name byte by byte): makes nothing. */
    public static int detectionScore(FrameView f) {
        String name = messageName(f);
        if (name == null) {
            return 0;
        }
        return switch (f.id()) {
            case PROTECTION -> f.length() >= 7 && f.u8(5) == 'P' && f.u8(6) == 'N' ? 100 : f.length() >= 5 ? 30 : 0;
            case REQUESTS -> f.length() >= 1 && f.length() <= 2 ? 100 : 0;
            case NAME -> FrameFields.asciiEquals(f, 0, 8, MANUFACTURER) ? 100 : 0;
            case LIMITS -> f.length() >= 8 ? 2 : 0;
            case STATUS -> f.length() >= 4 ? 2 : 0;
            default -> f.length() >= 6 ? 2 : 0; // BASIC_INFO
        };
    }

    /** The message names, in the guide's order. */
    static List<String> names() {
        List<String> n = new ArrayList<>();
        MESSAGES.forEach(m -> n.add(m.name()));
        return n;
    }

    private static boolean bit(FrameView f, Flag flag) {
        return (f.u8(flag.byteIndex()) >> flag.bit() & 1) == 1;
    }

    /** un16, {@link #NOT_AVAILABLE} for 0xFFFF. */
    private static int u16(FrameView f, int offset) {
        int v = FrameFields.u16(f, offset);
        return v == 0xFFFF ? NOT_AVAILABLE : v;
    }

    /** sn16, {@link #NOT_AVAILABLE} for 0x8000. */
    private static int s16(FrameView f, int offset) {
        int v = (short) FrameFields.u16(f, offset);
        return v == Short.MIN_VALUE ? NOT_AVAILABLE : v;
    }

    private static void scaled(MessageSink sink, String key, int raw, int decimals) {
        if (raw == NOT_AVAILABLE) {
            sink.value(key, null);
        } else {
            sink.number(key, Decimals.scale(raw, decimals));
        }
    }

    private static void whole(MessageSink sink, String key, int raw) {
        sink.value(key, raw == NOT_AVAILABLE ? null : Long.valueOf(raw));
    }

    /** The signals {@link #decodeTo} sends, in a map in their order: what {@link #decode} returns. */
    private static final class Collected implements MessageSink {
        String message;
        final Map<String, Object> signals = new LinkedHashMap<>();

        @Override
        public void begin(String protocol, String name, FrameView frame, int pgn, int source, int destination,
                int instance, int register, int code, int dataId) {
            message = name;
        }

        @Override
        public void number(String key, double value) {
            signals.put(key, value);
        }

        @Override
        public void value(String key, Object value) {
            signals.put(key, value);
        }

        @Override
        public void end() {
        }
    }
}
