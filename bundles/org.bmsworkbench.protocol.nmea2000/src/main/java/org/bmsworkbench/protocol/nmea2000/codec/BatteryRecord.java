package org.bmsworkbench.protocol.nmea2000.codec;

import java.util.List;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.codec.SignalMap;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * The PGN 127508 or 127506 message that
 * {@link Nmea2000Codec#decode(FrameView, FastPacketAssembler, java.util.function.IntPredicate, BatteryRecord)}
 * read last, held in reused fields: message, PGN, source, instance and the raw field patterns. It
 * becomes a {@link DecodedMessage} ({@link #toMessage}) or goes field by field to a
 * {@link MessageSink} ({@link #sendTo}) without an object a frame; both read the same fields by the
 * same {@link Nmea2000Field} rules, so the two cannot say different things. Whole-unit values
 * ({@code soc}, {@code time_to_go}, {@code capacity.remaining}) are {@code Long}s that the codec
 * boxes once per value.
 *
 * <p>One per session, made by {@link Nmea2000Codec#newRecord()} and filled again for every frame;
 * not thread-safe. It holds the message decoded last: read it ({@link #toMessage}, {@link #sendTo},
 * the getters) only after {@code decode} returned true for the frame at hand. After a false it still
 * holds the message before, which would be sent again with the new frame.
 */
public final class BatteryRecord {
    /** The keys and fields of one kind of record, in message order. */
    private record Layout(String message, Integer pgn, String[] keys, Nmea2000Field[] fields, SignalMap.Keys map) {
        Layout(String message, int pgn, List<String> keys, Nmea2000Field... fields) {
            this(message, pgn, keys.toArray(new String[0]), fields, new SignalMap.Keys(keys));
        }
    }

    private static final Layout PACK = new Layout(Nmea2000Codec.BATTERY_STATUS, BatteryStatus.PGN,
            BatteryStatus.Role.PACK.keys(), Nmea2000Field.VOLTAGE, Nmea2000Field.CURRENT, Nmea2000Field.TEMPERATURE);
    private static final Layout LOWEST_CELL = new Layout(Nmea2000Codec.BATTERY_STATUS, BatteryStatus.PGN,
            BatteryStatus.Role.LOWEST_CELL.keys(), Nmea2000Field.VOLTAGE, Nmea2000Field.TEMPERATURE);
    private static final Layout HIGHEST_CELL = new Layout(Nmea2000Codec.BATTERY_STATUS, BatteryStatus.PGN,
            BatteryStatus.Role.HIGHEST_CELL.keys(), Nmea2000Field.VOLTAGE, Nmea2000Field.TEMPERATURE);
    private static final Layout OTHER = new Layout(Nmea2000Codec.BATTERY_STATUS, BatteryStatus.PGN, List.of());
    private static final Layout DC = new Layout(Nmea2000Codec.DC_DETAILED_STATUS, DcDetailedStatus.PGN,
            DcDetailedStatus.KEY_NAMES, Nmea2000Field.PERCENT, Nmea2000Field.MINUTES, Nmea2000Field.AMP_HOURS);
    /**
     * The layouts by number: a frame sets the number, an int, not a reference (with G1 a reference
     * stored into a long-lived object costs a memory fence, a frame's worth of decoding).
     */
    private static final Layout[] LAYOUTS = {OTHER, PACK, LOWEST_CELL, HIGHEST_CELL, DC};
    private static final int IS_OTHER = 0;
    private static final int IS_PACK = 1;
    private static final int IS_LOWEST_CELL = 2;
    private static final int IS_HIGHEST_CELL = 3;
    private static final int IS_DC = 4;

    private final Nmea2000Codec codec;
    /** Where the fast-packet assembler puts a completed 127506 payload. */
    final byte[] payload = new byte[FastPacketAssembler.MAX_LENGTH];
    private int layout = IS_OTHER;
    private int source;
    private int instance;
    private int raw0;
    private int raw1;
    private int raw2;

    BatteryRecord(Nmea2000Codec codec) {
        this.codec = codec;
    }

    /**
     * A 127508 frame's fields: with the guide's instance meaning when {@code mgMasterLv}, else every
     * instance a battery of its own (see {@link Nmea2000Codec}).
     */
    void status(int source, int instance, boolean mgMasterLv, int voltage, int current, int temperature) {
        this.source = source;
        this.instance = instance;
        raw0 = voltage;
        if (!mgMasterLv) {
            layout = IS_PACK;
            raw1 = current;
            raw2 = temperature;
            return;
        }
        switch (instance % BatteryStatus.INSTANCE_STEP) {
            case 0 -> {
                layout = IS_PACK;
                raw1 = current;
                raw2 = temperature;
            }
            case 1 -> {
                layout = IS_LOWEST_CELL;
                raw1 = temperature;
            }
            case 2 -> {
                layout = IS_HIGHEST_CELL;
                raw1 = temperature;
            }
            default -> layout = IS_OTHER;
        }
    }

    /** A 127506 payload of {@code length} bytes (9 or more) in {@link #payload}. */
    void dcStatus(int source, int length) {
        this.source = source;
        layout = IS_DC;
        instance = payload[1] & 0xFF;
        raw0 = payload[3] & 0xFF;
        raw1 = DcDetailedStatus.u16(payload, 5);
        // a 9-byte payload has no amp hours: the marker, which reads as null
        raw2 = length >= DcDetailedStatus.LENGTH ? DcDetailedStatus.u16(payload, 9) : Nmea2000Field.AMP_HOURS.notAvailable();
    }

    /** {@code battery_status} or {@code dc_detailed_status}. */
    public String message() {
        return LAYOUTS[layout].message;
    }

    /** 127508 or 127506. */
    public int pgn() {
        return LAYOUTS[layout].pgn;
    }

    public int source() {
        return source;
    }

    /** 127508 byte 0, 127506 byte 1. */
    public int instance() {
        return instance;
    }

    /**
     * The message as {@link Nmea2000Codec#decode(CanFrame, FastPacketAssembler, java.util.function.IntPredicate)}
     * gives it, for the frame {@code decode} just returned true for (after a false: the message before).
     */
    public DecodedMessage toMessage(CanFrame frame) {
        Layout l = LAYOUTS[layout];
        Nmea2000Field[] f = l.fields;
        Object[] values = switch (f.length) {
            case 3 -> new Object[] {object(f[0], raw0), object(f[1], raw1), object(f[2], raw2)};
            case 2 -> new Object[] {object(f[0], raw0), object(f[1], raw1)};
            default -> new Object[0];
        };
        return new DecodedMessage(Nmea2000Codec.PROTOCOL_ID, l.message, frame, l.pgn, codec.boxed(source), null,
                codec.boxed(instance), null, null, l.map.wrap(values));
    }

    /** The model value of a raw pattern: {@link Nmea2000Field#decode}, with the codec's {@code Long}s. */
    private Object object(Nmea2000Field field, int raw) {
        if (field.isMarker(raw)) {
            return null;
        }
        return field.whole() ? (Object) codec.whole(field.wholeValue(raw)) : (Object) Double.valueOf(field.number(raw));
    }

    /**
     * Sends the message to {@code sink} as {@link MessageSink#replay} sends {@link #toMessage}'s:
     * begin (with {@code frame}), each signal in order ({@code Double}s by {@link MessageSink#number},
     * {@code Long}s and nulls by {@link MessageSink#value}), end. Only after {@code decode} returned
     * true for {@code frame}: after a false it sends the message before again, with this frame.
     */
    public void sendTo(FrameView frame, MessageSink sink) {
        Layout l = LAYOUTS[layout];
        sink.begin(Nmea2000Codec.PROTOCOL_ID, l.message, frame, l.pgn, source, MessageSink.NONE, instance,
                MessageSink.NONE, MessageSink.NONE, MessageSink.NONE);
        for (int k = 0; k < l.keys.length; k++) {
            Nmea2000Field field = l.fields[k];
            int raw = raw(k);
            if (field.isMarker(raw)) {
                sink.value(l.keys[k], null);
            } else if (field.whole()) {
                sink.value(l.keys[k], codec.whole(field.wholeValue(raw)));
            } else {
                sink.number(l.keys[k], field.number(raw));
            }
        }
        sink.end();
    }

    private int raw(int k) {
        return k == 0 ? raw0 : k == 1 ? raw1 : raw2;
    }
}
