package org.bmsworkbench.protocol.pylontech.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bmsworkbench.bms.codec.Decimals;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.can.CanFrame;

/**
 * Encodes one Pylontech message into its frame for {@link PylontechCodec#encode}: the layouts
 * {@link PylontechCodec} decodes, in reverse, with the range and type checks of the values a caller
 * gives. Apart from the codec because decoding runs on every frame and encoding only when a
 * simulator or a test sends one.
 */
final class PylontechEncoder {

    private PylontechEncoder() {
    }

    static CanFrame encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        byte[] d;
        int id;
        switch (message) {
            case "bms_limits" -> {
                id = PylontechCodec.LIMITS;
                d = new byte[8];
                FrameFields.putU16(d, 0, unsigned(message, signals, "limit.charge_voltage", 1));
                FrameFields.putU16(d, 2, signed(message, signals, "limit.charge_current", 1));
                FrameFields.putU16(d, 4, signed(message, signals, "limit.discharge_current", 1));
                FrameFields.putU16(d, 6, unsigned(message, signals, "limit.discharge_voltage", 1));
            }
            case "battery_status" -> {
                id = PylontechCodec.STATUS;
                d = new byte[4];
                FrameFields.putU16(d, 0, unsigned(message, signals, "soc", 0));
                FrameFields.putU16(d, 2, unsigned(message, signals, "soh", 0));
            }
            case "battery_basic_info" -> {
                id = PylontechCodec.BASIC_INFO;
                d = new byte[6];
                FrameFields.putU16(d, 0, signed(message, signals, "pack.voltage", 2));
                FrameFields.putU16(d, 2, signed(message, signals, "pack.current", 1));
                FrameFields.putU16(d, 4, signed(message, signals, "pack.temperature", 1));
            }
            case "protection_alarms" -> {
                id = PylontechCodec.PROTECTION;
                d = new byte[7];
                for (PylontechCodec.Flag flag : PylontechCodec.PROTECTION_FLAGS) {
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
                id = PylontechCodec.REQUESTS;
                d = new byte[2];
                for (PylontechCodec.Flag flag : PylontechCodec.REQUEST_FLAGS) {
                    Object v = signals.get(flag.key());
                    if (Boolean.TRUE.equals(v)) {
                        d[0] |= (byte) (1 << flag.bit());
                    } else if (v != null && !(v instanceof Boolean)) {
                        throw new IllegalArgumentException(message + ": " + flag.key() + " must be true or false, got " + v);
                    }
                }
            }
            case "manufacturer_name" -> {
                id = PylontechCodec.NAME;
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
            default -> throw new IllegalArgumentException("unknown message '" + message + "' of " + PylontechCodec.PROTOCOL_ID
                    + " (known: " + String.join(", ", PylontechCodec.names()) + ")");
        }
        return CanFrame.of(timestampMicros, bus, id, false, d);
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
