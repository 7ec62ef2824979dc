package org.bmsworkbench.protocol.nmea2000.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.bmsworkbench.bms.BmsProtocol.MessageInfo;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * The NMEA 2000 PGNs of the MG Master LV (guide 1.5) onto the model keys of docs/SIGNALS.md and back:
 * PGN 127508 {@code battery_status} (single frame) and PGN 127506 {@code dc_detailed_status} (fast
 * packet). Immutable and thread-safe (but for a cache of boxed values, filled as values are first
 * seen); the per-connection state (reassembly, sequence counters, the {@link BatteryRecord} a frame
 * is read into) is passed in, owned by the session.
 *
 * <p>Encoding takes model keys, plus these optional keys that are not model values and are never
 * decoded: {@value #OPTION_SOURCE} (default {@value #DEFAULT_SOURCE}, 0x50 as the guide says),
 * {@value #OPTION_PRIORITY} (default {@value #DEFAULT_PRIORITY}), {@value #OPTION_DATA_INSTANCE}
 * (the device's data-instance base 0, 32, … 224 for 127508; the DC instance for 127506; default 0),
 * {@value #OPTION_SID} (default 0xFF, not available), {@value #OPTION_DC_TYPE} (default 0, battery)
 * and {@value #OPTION_LENGTH} (127506: 11, or 9 without amp hours).
 */
public final class Nmea2000Codec {
    public static final String PROTOCOL_ID = "nmea2000";
    public static final String BATTERY_STATUS = "battery_status";
    public static final String DC_DETAILED_STATUS = "dc_detailed_status";
    /** The MG Master LV's default source address (guide 1.5.3). */
    public static final int DEFAULT_SOURCE = 0x50;
    /** Both PGNs' default priority (guide 1.5.3.1, 1.5.3.2). */
    public static final int DEFAULT_PRIORITY = 6;
    public static final String OPTION_SOURCE = "nmea2000.source";
    public static final String OPTION_PRIORITY = "nmea2000.priority";
    public static final String OPTION_DATA_INSTANCE = "nmea2000.data_instance";
    public static final String OPTION_SID = "nmea2000.sid";
    public static final String OPTION_DC_TYPE = "nmea2000.dc_type";
    public static final String OPTION_LENGTH = "nmea2000.length";

    private final Integer[] sources = new Integer[256];
    /**
     * {@code Long}s of the whole-unit values 0..0xFFFF in blocks of 256 by high byte, each block made
     * when a value of it is first decoded and each {@code Long} when it is: a frame makes no box, and a
     * codec holds only the blocks of the values it saw (a battery's SOC, time to go and amp hours stay
     * in a few). Filled racily by design: a {@code Long} is immutable, so a thread sees null (and makes
     * one) or a whole one; two threads making one block each keep correct values either way.
     */
    private final Long[][] wholes = new Long[0x100][];
    private final List<SignalDescriptor> signals;

    public Nmea2000Codec() {
        for (int i = 0; i < sources.length; i++) {
            sources[i] = i;
        }
        List<SignalDescriptor> list = new ArrayList<>();
        for (String key : List.of("pack.voltage", "pack.current", "pack.temperature", "cell.voltage.min",
                "cell.temperature.min", "cell.voltage.max", "cell.temperature.max", "soc", "time_to_go",
                "capacity.remaining")) {
            list.add(StandardSignals.find(key).orElseThrow());
        }
        this.signals = List.copyOf(list);
    }

    /**
     * The PGN of a frame this codec decodes (127508 or 127506: a 29-bit data frame with reserved
     * bit 0, data page 1 and PDU format 0xF2), or -1.
     */
    public static int pgnOf(CanFrame frame) {
        return pgnOf((FrameView) frame);
    }

    /** {@link #pgnOf(CanFrame)} of a view. */
    public static int pgnOf(FrameView frame) {
        if (!frame.extended() || frame.remote() || frame.error() || frame.fd()) {
            return -1;
        }
        int pgn = frame.id() >>> 8 & 0x3FFFF;
        return pgn == BatteryStatus.PGN || pgn == DcDetailedStatus.PGN ? pgn : -1;
    }

    /**
     * Decodes one frame as the MG Master LV's (every source is read with the guide's instance
     * meaning); a fast-packet frame goes through {@code assembler}. On a bus of many devices use
     * {@link #decode(CanFrame, FastPacketAssembler, IntPredicate)}.
     *
     * @return the message, or null for a frame that is not one of these PGNs or only part of a
     *         fast packet (and for one the assembler drops, see {@link FastPacketAssembler})
     * @throws MalformedFrameException for a 127508 frame with fewer than 8 bytes, a fast-packet
     *         frame the assembler rejects, or a 127506 payload shorter than 9 bytes
     */
    public DecodedMessage decode(CanFrame frame, FastPacketAssembler assembler) throws MalformedFrameException {
        return decode(frame, assembler, source -> true);
    }

    /**
     * Decodes one frame; a fast-packet frame goes through {@code assembler}. A 127508 record from a
     * source {@code mgMasterLv} accepts is read with the guide's instance meaning (base: pack, base+1:
     * lowest cells, base+2: highest cells, others: no keys); from any other source every instance is
     * a battery of its own ({@link BatteryStatus#packSignals()}). 127506 reads the same from any source.
     * The message carries {@code source} and {@code instance} (127508 byte 0, 127506 byte 1).
     * A session that decodes many frames keeps one {@link BatteryRecord} and calls
     * {@link #decode(FrameView, FastPacketAssembler, IntPredicate, BatteryRecord)} instead.
     *
     * @param mgMasterLv which source addresses are the MG Master LV
     * @return the message, or null as {@link #decode(CanFrame, FastPacketAssembler)}
     * @throws MalformedFrameException as {@link #decode(CanFrame, FastPacketAssembler)}
     */
    public DecodedMessage decode(CanFrame frame, FastPacketAssembler assembler, IntPredicate mgMasterLv)
            throws MalformedFrameException {
        BatteryRecord record = newRecord();
        return decode(frame, assembler, mgMasterLv, record) ? record.toMessage(frame) : null;
    }

    /** A record to decode into, for one session (it is filled again by every frame). */
    public BatteryRecord newRecord() {
        return new BatteryRecord(this);
    }

    /**
     * Decodes one frame into {@code into}, as {@link #decode(CanFrame, FastPacketAssembler, IntPredicate)}
     * but without an object a frame: the frame is read during this call only (a fast packet's bytes
     * are copied by {@code assembler}), so a view a reader fills again may be passed.
     *
     * @return true when the frame completed a message, now in {@code into}; false for a frame that
     *         is not one of these PGNs or only part of a fast packet ({@code into} then holds what it held)
     * @throws MalformedFrameException as {@link #decode(CanFrame, FastPacketAssembler)}, with the same message
     */
    public boolean decode(FrameView frame, FastPacketAssembler assembler, IntPredicate mgMasterLv, BatteryRecord into)
            throws MalformedFrameException {
        return decode(frame, pgnOf(frame), assembler, mgMasterLv, into);
    }

    /** {@link #decode(FrameView, FastPacketAssembler, IntPredicate, BatteryRecord)} with the frame's own PGN. */
    private boolean decode(FrameView frame, int pgn, FastPacketAssembler assembler, IntPredicate mgMasterLv,
            BatteryRecord into) throws MalformedFrameException {
        if (pgn != BatteryStatus.PGN && pgn != DcDetailedStatus.PGN) {
            return false;
        }
        int source = frame.id() & 0xFF;
        if (pgn == BatteryStatus.PGN) {
            FrameFields.requireLength(frame, BatteryStatus.LENGTH, "PGN 127508 battery_status");
            into.status(source, frame.u8(0), mgMasterLv.test(source), FrameFields.u16(frame, 1), FrameFields.u16(frame, 3), FrameFields.u16(frame, 5));
            return true;
        }
        int length = assembler.accept(source, pgn, frame, into.payload);
        if (length < 0) {
            return false;
        }
        if (length < DcDetailedStatus.SHORT_LENGTH) {
            throw new MalformedFrameException("0x" + idHex(frame) + " " + DcDetailedStatus.tooShort(length).getMessage());
        }
        into.dcStatus(source, length);
        return true;
    }

    /** The identifier as {@link CanFrame#idHex()} writes it, for the message of a malformed frame. */
    static String idHex(FrameView frame) {
        return frame.toFrame().idHex();
    }

    /** The {@code Integer} of 0..255 (a source address or an instance) without a box a frame. */
    Integer boxed(int value) {
        return sources[value];
    }

    /** The {@code Long} of a whole-unit value, boxed once per value (0..0xFFFF; others each time). */
    Long whole(int value) {
        if (value < 0 || value > 0xFFFF) {
            return Long.valueOf(value);
        }
        Long[] block = wholes[value >>> 8];
        if (block == null) {
            block = new Long[0x100];
            wholes[value >>> 8] = block;
        }
        Long boxed = block[value & 0xFF];
        if (boxed == null) {
            boxed = (long) value;
            block[value & 0xFF] = boxed;
        }
        return boxed;
    }

    /**
     * Encodes one message from model values and the options above.
     *
     * @return one frame for {@code battery_status}, the fast-packet frames for {@code dc_detailed_status}
     *         (the sequence counter from {@code encoder})
     * @throws IllegalArgumentException for an unknown message, an option or value out of range
     */
    public List<CanFrame> encode(String message, Map<String, ?> values, String bus, long timestampMicros,
            FastPacketEncoder encoder) {
        int source = option(values, OPTION_SOURCE, DEFAULT_SOURCE, 0xFF);
        int priority = option(values, OPTION_PRIORITY, DEFAULT_PRIORITY, 7);
        int dataInstance = option(values, OPTION_DATA_INSTANCE, 0, 0xFF);
        int sid = option(values, OPTION_SID, 0xFF, 0xFF);
        switch (message) {
            case BATTERY_STATUS -> {
                byte[] data = BatteryStatus.of(values, dataInstance, sid).toBytes();
                int id = J1939Id.of(priority, BatteryStatus.PGN, source, J1939Id.BROADCAST).canId();
                return List.of(CanFrame.wrap(timestampMicros, bus, id, true, data));
            }
            case DC_DETAILED_STATUS -> {
                int dcType = option(values, OPTION_DC_TYPE, DcDetailedStatus.DC_TYPE_BATTERY, 0xFF);
                int length = option(values, OPTION_LENGTH, DcDetailedStatus.LENGTH, 0xFF);
                byte[] payload = DcDetailedStatus.of(values, dataInstance, sid, dcType, length).toBytes();
                int id = J1939Id.of(priority, DcDetailedStatus.PGN, source, J1939Id.BROADCAST).canId();
                List<CanFrame> frames = new ArrayList<>(2);
                for (byte[] data : encoder.encode(source, DcDetailedStatus.PGN, payload)) {
                    frames.add(CanFrame.wrap(timestampMicros, bus, id, true, data));
                }
                return List.copyOf(frames);
            }
            default -> throw new IllegalArgumentException("protocol " + PROTOCOL_ID + " has no message " + message
                    + "; it has [" + BATTERY_STATUS + ", " + DC_DETAILED_STATUS + "]");
        }
    }

    private static int option(Map<String, ?> values, String key, int absent, int max) {
        Object v = values.get(key);
        if (v == null) {
            return absent;
        }
        if (!(v instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 0 || n.longValue() > max) {
            throw new IllegalArgumentException(key + " = " + v + " is not a whole number in 0.." + max);
        }
        return n.intValue();
    }

    /** The model keys the two PGNs fill, all standard. */
    public List<SignalDescriptor> signals() {
        return signals;
    }

    /** The two messages, with the identifiers the MG Master LV sends them with (priority 6, source 0x50). */
    public List<MessageInfo> messageInfos() {
        return List.of(
                new MessageInfo(BATTERY_STATUS, J1939Id.of(DEFAULT_PRIORITY, BatteryStatus.PGN, DEFAULT_SOURCE, 0xFF).canId(),
                        true, "PGN 127508 Battery Status: pack (instance base), lowest cells (base+1), highest cells (base+2)"),
                new MessageInfo(DC_DETAILED_STATUS, J1939Id.of(DEFAULT_PRIORITY, DcDetailedStatus.PGN, DEFAULT_SOURCE, 0xFF)
                        .canId(), true, "PGN 127506 DC Detailed Status (fast packet): SOC, time to go, amp hours"));
    }
}
