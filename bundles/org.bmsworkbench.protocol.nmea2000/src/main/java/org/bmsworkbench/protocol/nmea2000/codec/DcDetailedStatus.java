package org.bmsworkbench.protocol.nmea2000.codec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.codec.SignalMap;

/**
 * PGN 127506 DC Detailed Status, a fast packet of 11 bytes, guide 1.5.3.2, as the raw fields:
 * byte 0 SID, 1 DC instance, 2 DC type (0 battery … 0xFF not available), 3 SOC (uint8, 1 %),
 * 4 SOH (not implemented, 0xFF), 5–6 time remaining (uint16, 1 min), 7–8 ripple voltage (not
 * implemented, uint16 1 mV), 9–10 amp hours (uint16, 1 Ah). A 9-byte payload (no amp hours) is
 * valid too (docs/SIGNALS.md) and gives {@code capacity.remaining = null}.
 *
 * @param sid           0..255
 * @param instance      the DC instance, 0..255 (the battery pack's data-instance base)
 * @param dcType        0..255
 * @param soc           raw, 0..255
 * @param soh           raw, 0..255
 * @param timeRemaining raw, 0..0xFFFF
 * @param ripple        raw, 0..0xFFFF
 * @param ampHours      raw, 0..0xFFFF (0xFFFF when {@code length} is below 11)
 * @param length        the payload length, 9..223 (11 as the guide sends it)
 */
public record DcDetailedStatus(int sid, int instance, int dcType, int soc, int soh, int timeRemaining, int ripple,
        int ampHours, int length) {
    public static final int PGN = 127506;
    /** The payload as the guide sends it. */
    public static final int LENGTH = 11;
    /** The shortest payload accepted: up to the ripple voltage, no amp hours. */
    public static final int SHORT_LENGTH = 9;
    /** DC type 0 (guide 1.5.3.2). */
    public static final int DC_TYPE_BATTERY = 0;

    /** The model keys, in payload order. */
    static final List<String> KEY_NAMES = List.of("soc", "time_to_go", "capacity.remaining");
    static final SignalMap.Keys KEYS = new SignalMap.Keys(KEY_NAMES);

    public DcDetailedStatus {
        check("SID", sid, 0xFF);
        check("DC instance", instance, 0xFF);
        check("DC type", dcType, 0xFF);
        check("SOC", soc, 0xFF);
        check("SOH", soh, 0xFF);
        check("time remaining", timeRemaining, 0xFFFF);
        check("ripple voltage", ripple, 0xFFFF);
        check("amp hours", ampHours, 0xFFFF);
        if (length < SHORT_LENGTH || length > FastPacketAssembler.MAX_LENGTH) {
            throw new IllegalArgumentException("length " + length + " is outside " + SHORT_LENGTH + ".."
                    + FastPacketAssembler.MAX_LENGTH);
        }
        if (length < LENGTH && ampHours != 0xFFFF) {
            throw new IllegalArgumentException("a " + length + "-byte payload carries no amp hours");
        }
    }

    private static void check(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0.." + max);
        }
    }

    /**
     * The fields of a reassembled payload; bytes after the eleventh are ignored.
     *
     * @throws MalformedFrameException when the payload has fewer than 9 bytes
     */
    public static DcDetailedStatus read(byte[] payload) throws MalformedFrameException {
        if (payload.length < SHORT_LENGTH) {
            throw tooShort(payload.length);
        }
        return new DcDetailedStatus(payload[0] & 0xFF, payload[1] & 0xFF, payload[2] & 0xFF, payload[3] & 0xFF,
                payload[4] & 0xFF, u16(payload, 5), u16(payload, 7),
                payload.length >= LENGTH ? u16(payload, 9) : 0xFFFF, payload.length);
    }

    /** A payload of {@code length} bytes, fewer than {@value #SHORT_LENGTH}. */
    static MalformedFrameException tooShort(int length) {
        return new MalformedFrameException("PGN 127506 dc_detailed_status needs " + SHORT_LENGTH
                + " payload bytes, got " + length);
    }

    static int u16(byte[] b, int offset) {
        return b[offset] & 0xFF | (b[offset + 1] & 0xFF) << 8;
    }

    /** The payload, {@code length} bytes; bytes the fields do not cover are 0xFF. */
    public byte[] toBytes() {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) 0xFF);
        b[0] = (byte) sid;
        b[1] = (byte) instance;
        b[2] = (byte) dcType;
        b[3] = (byte) soc;
        b[4] = (byte) soh;
        b[5] = (byte) timeRemaining;
        b[6] = (byte) (timeRemaining >>> 8);
        b[7] = (byte) ripple;
        b[8] = (byte) (ripple >>> 8);
        if (length >= LENGTH) {
            b[9] = (byte) ampHours;
            b[10] = (byte) (ampHours >>> 8);
        }
        return b;
    }

    /** {@code soc}, {@code time_to_go}, {@code capacity.remaining}; markers (and a 9-byte payload's amp hours) null. */
    public SignalMap signals() {
        return KEYS.wrap(new Object[] {Nmea2000Field.PERCENT.decode(soc), Nmea2000Field.MINUTES.decode(timeRemaining),
            length >= LENGTH ? Nmea2000Field.AMP_HOURS.decode(ampHours) : null});
    }

    /**
     * The message carrying {@code values} ({@code soc}, {@code time_to_go}, {@code capacity.remaining};
     * absent or null: the marker). SOH and ripple voltage, not implemented by the device, are sent
     * as markers.
     *
     * @param length 11, or 9 to leave the amp hours out
     * @throws IllegalArgumentException for a value out of range, or amp hours with length 9
     */
    public static DcDetailedStatus of(Map<String, ?> values, int instance, int sid, int dcType, int length) {
        if (length != LENGTH && length != SHORT_LENGTH) {
            throw new IllegalArgumentException("dc_detailed_status is sent with 11 or 9 bytes, not " + length);
        }
        Object capacity = values.get("capacity.remaining");
        if (length == SHORT_LENGTH && capacity != null) {
            throw new IllegalArgumentException("a 9-byte dc_detailed_status has no capacity.remaining (got " + capacity + ")");
        }
        return new DcDetailedStatus(sid, instance, dcType, Nmea2000Field.PERCENT.encode(values.get("soc"), "soc"), 0xFF,
                Nmea2000Field.MINUTES.encode(values.get("time_to_go"), "time_to_go"), 0xFFFF,
                Nmea2000Field.AMP_HOURS.encode(capacity, "capacity.remaining"), length);
    }
}
