package org.bmsworkbench.protocol.pylontech.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol.MessageInfo;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.codec.Decimals;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.can.CanFrame;

/**
 * The Pylontech-style low-voltage battery frames (Pylontech US2000/US3000 and their clones),
 * 11-bit, 500 kbit/s, little endian, one message per frame. Immutable and thread-safe.
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

    /** The messages, in id order. */
    public List<MessageInfo> messageInfos() {
        return MESSAGES;
    }

    /** The message name of a frame of this protocol, or null. */
    public static String messageOf(CanFrame f) {
        if (f.extended() || f.remote() || f.error() || f.fd()) {
            return null;
        }
        for (MessageInfo m : MESSAGES) {
            if (m.canId() == f.id()) {
                return m.name();
            }
        }
        return null;
    }

    /**
     * Decodes one frame.
     *
     * @return the message, or null when the frame is not one of this protocol's
     * @throws MalformedFrameException when it has one of its ids but too few data bytes
     */
    public DecodedMessage decode(CanFrame f) throws MalformedFrameException {
        String name = messageOf(f);
        if (name == null) {
            return null;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        switch (f.id()) {
            case LIMITS -> {
                FrameFields.requireLength(f, 8, name);
                s.put("limit.charge_voltage", scaled(FrameFields.u16OrNull(f, 0), 1));
                s.put("limit.charge_current", scaled(FrameFields.s16OrNull(f, 2), 1));
                s.put("limit.discharge_current", scaled(FrameFields.s16OrNull(f, 4), 1));
                s.put("limit.discharge_voltage", scaled(FrameFields.u16OrNull(f, 6), 1));
            }
            case STATUS -> {
                FrameFields.requireLength(f, 4, name);
                s.put("soc", whole(FrameFields.u16OrNull(f, 0)));
                s.put("soh", whole(FrameFields.u16OrNull(f, 2)));
            }
            case BASIC_INFO -> {
                FrameFields.requireLength(f, 6, name);
                s.put("pack.voltage", scaled(FrameFields.s16OrNull(f, 0), 2));
                s.put("pack.current", scaled(FrameFields.s16OrNull(f, 2), 1));
                s.put("pack.temperature", scaled(FrameFields.s16OrNull(f, 4), 1));
            }
            case PROTECTION -> {
                FrameFields.requireLength(f, 5, name);
                for (Flag flag : PROTECTION_FLAGS) {
                    s.put(flag.key(), bit(f, flag) ? "raised" : "cleared");
                }
                s.put(PylontechSignals.MODULE_COUNT, (long) f.u8(4));
            }
            case REQUESTS -> {
                FrameFields.requireLength(f, 1, name);
                for (Flag flag : REQUEST_FLAGS) {
                    s.put(flag.key(), bit(f, flag));
                }
            }
            default -> { // NAME
                FrameFields.requireLength(f, 1, name);
                String text = FrameFields.ascii(f, 0, 8);
                s.put("bms.manufacturer", text.isEmpty() ? null : text);
            }
        }
        return DecodedMessage.of(PROTOCOL_ID, name, f, s);
    }

    /**
     * Encodes one message, the reverse of {@link #decode(CanFrame)}: an absent or null number is
     * sent as its not-available marker, an absent flag as 0, an absent name as spaces.
     *
     * @throws IllegalArgumentException for an unknown message, a value of the wrong type or out of range
     */
    public CanFrame encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        byte[] d;
        int id;
        switch (message) {
            case "bms_limits" -> {
                id = LIMITS;
                d = new byte[8];
                FrameFields.putU16(d, 0, unsigned(message, signals, "limit.charge_voltage", 1));
                FrameFields.putU16(d, 2, signed(message, signals, "limit.charge_current", 1));
                FrameFields.putU16(d, 4, signed(message, signals, "limit.discharge_current", 1));
                FrameFields.putU16(d, 6, unsigned(message, signals, "limit.discharge_voltage", 1));
            }
            case "battery_status" -> {
                id = STATUS;
                d = new byte[4];
                FrameFields.putU16(d, 0, unsigned(message, signals, "soc", 0));
                FrameFields.putU16(d, 2, unsigned(message, signals, "soh", 0));
            }
            case "battery_basic_info" -> {
                id = BASIC_INFO;
                d = new byte[6];
                FrameFields.putU16(d, 0, signed(message, signals, "pack.voltage", 2));
                FrameFields.putU16(d, 2, signed(message, signals, "pack.current", 1));
                FrameFields.putU16(d, 4, signed(message, signals, "pack.temperature", 1));
            }
            case "protection_alarms" -> {
                id = PROTECTION;
                d = new byte[7];
                for (Flag flag : PROTECTION_FLAGS) {
                    Object v = signals.get(flag.key());
                    if ("raised".equals(v)) {
                        d[flag.byteIndex()] |= (byte) (1 << flag.bit());
                    } else if (v != null && !"cleared".equals(v)) {
                        throw new IllegalArgumentException(message + ": " + flag.key() + " must be \"raised\" or \"cleared\", got " + v);
                    }
                }
                Object count = signals.get(PylontechSignals.MODULE_COUNT);
                d[4] = (byte) (count == null ? 0 : range(message, PylontechSignals.MODULE_COUNT, count, 0, 0, 255));
                d[5] = 'P';
                d[6] = 'N';
            }
            case "charge_requests" -> {
                id = REQUESTS;
                d = new byte[2];
                for (Flag flag : REQUEST_FLAGS) {
                    Object v = signals.get(flag.key());
                    if (Boolean.TRUE.equals(v)) {
                        d[0] |= (byte) (1 << flag.bit());
                    } else if (v != null && !(v instanceof Boolean)) {
                        throw new IllegalArgumentException(message + ": " + flag.key() + " must be true or false, got " + v);
                    }
                }
            }
            case "manufacturer_name" -> {
                id = NAME;
                d = "        ".getBytes(StandardCharsets.US_ASCII);
                Object v = signals.get("bms.manufacturer");
                if (v != null) {
                    String text = v.toString();
                    if (text.length() > 8 || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                        throw new IllegalArgumentException(message + ": bms.manufacturer must be at most 8 printable ASCII "
                                + "characters, got \"" + text + "\"");
                    }
                    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(b, 0, d, 0, b.length);
                }
            }
            default -> throw new IllegalArgumentException("unknown message '" + message + "' of " + PROTOCOL_ID
                    + " (known: " + String.join(", ", names()) + ")");
        }
        return CanFrame.of(timestampMicros, bus, id, false, d);
    }

    /**
     * How strongly a frame says "Pylontech": 0x359 carrying "PN" and 0x35C are this protocol's
     * own (100), 0x35E "PYLON" is its name (100), a 0x359 without "PN" 30; the frames it shares
     * with SMA-style protocols (0x351, 0x355, 0x356) only 2, so that a bus of those alone is not
     * taken for Pylontech.
     */
    public static int detectionScore(CanFrame f) {
        String name = messageOf(f);
        if (name == null) {
            return 0;
        }
        return switch (f.id()) {
            case PROTECTION -> f.length() >= 7 && f.u8(5) == 'P' && f.u8(6) == 'N' ? 100 : f.length() >= 5 ? 30 : 0;
            case REQUESTS -> f.length() >= 1 && f.length() <= 2 ? 100 : 0;
            case NAME -> MANUFACTURER.equals(FrameFields.ascii(f, 0, 8)) ? 100 : 0;
            case LIMITS -> f.length() >= 8 ? 2 : 0;
            case STATUS -> f.length() >= 4 ? 2 : 0;
            default -> f.length() >= 6 ? 2 : 0; // BASIC_INFO
        };
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        MESSAGES.forEach(m -> n.add(m.name()));
        return n;
    }

    private static boolean bit(CanFrame f, Flag flag) {
        return (f.u8(flag.byteIndex()) >> flag.bit() & 1) == 1;
    }

    private static Double scaled(Integer raw, int decimals) {
        return raw == null ? null : Decimals.scale(raw, decimals);
    }

    private static Long whole(Integer raw) {
        return raw == null ? null : (long) raw;
    }

    /** un16 at 10^-decimals; null or absent → 0xFFFF. */
    private static int unsigned(String message, Map<String, ?> signals, String key, int decimals) {
        Object v = signals.get(key);
        return v == null ? 0xFFFF : (int) range(message, key, v, decimals, 0, 0xFFFE);
    }

    /** sn16 at 10^-decimals; null or absent → 0x8000. */
    private static int signed(String message, Map<String, ?> signals, String key, int decimals) {
        Object v = signals.get(key);
        return v == null ? 0x8000 : (int) range(message, key, v, decimals, -0x7FFF, 0x7FFF) & 0xFFFF;
    }

    private static long range(String message, String key, Object v, int decimals, long min, long max) {
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(message + ": " + key + " must be a number, got " + v);
        }
        long raw;
        try {
            raw = Decimals.unscale(n.doubleValue(), decimals);
        } catch (ArithmeticException | NumberFormatException e) {
            raw = Long.MAX_VALUE; // NaN, infinite or huge: out of range below
        }
        if (raw < min || raw > max) {
            throw new IllegalArgumentException(message + ": " + key + " = " + v + " is outside "
                    + BigDecimal.valueOf(min, decimals).toPlainString() + ".." + BigDecimal.valueOf(max, decimals).toPlainString());
        }
        return raw;
    }
}
