package org.bmsworkbench.protocol.jbd.codec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.bms.codec.Decimals;
import org.bmsworkbench.can.CanFrame;

/**
 * The JBD registers onto model keys: replies of 0x03 (basic information), 0x04 (cell voltages)
 * and 0x05 (hardware name) decoded and encoded, acknowledgements and error replies named.
 * Stateless and thread-safe.
 */
public final class JbdCodec {
    public static final String PROTOCOL = "jbd";
    public static final JbdCodec INSTANCE = new JbdCodec();

    public static final int BASIC_INFO_REGISTER = 0x03;
    public static final int CELL_VOLTAGES_REGISTER = 0x04;
    public static final int HARDWARE_REGISTER = 0x05;
    /** Writing {@code 56 78} here enters factory mode. */
    public static final int ENTER_FACTORY_REGISTER = 0x00;
    /** Writing {@code 00 00} here leaves factory mode without saving the EEPROM. */
    public static final int EXIT_FACTORY_REGISTER = 0x01;
    /** MOSFET control: bit 0 set switches the charge MOSFET off, bit 1 the discharge one. */
    public static final int MOSFET_CONTROL_REGISTER = 0xE1;

    public static final String BASIC_INFO = "basic_info";
    public static final String CELL_VOLTAGES = "cell_voltages";
    public static final String HARDWARE = "hardware";
    public static final String ACK = "jbd_ack";
    public static final String ERROR = "jbd_error";

    /** JBD-only keys. */
    public static final String PRODUCTION_DATE_KEY = "jbd.production_date";
    public static final String PROTECTION_FLAGS_KEY = "jbd.protection_flags";

    /** Bytes of 0x03 before the NTC temperatures. */
    public static final int BASIC_INFO_FIXED = 23;
    /** Balance bits cover cells 1..32 (two 16-bit words). */
    public static final int BALANCE_CELLS = 32;
    /** 0.1 K offset of the NTC temperatures: 2731 = 0 °C. */
    public static final int KELVIN_OFFSET = 2731;

    private static final List<String> PROTECTIONS = StandardSignals.protectionNames();

    private JbdCodec() {
    }

    /** The message name of a reply to {@code register}, ok or not. */
    public static String messageOf(int register, int status) {
        if (status != JbdFrame.STATUS_OK) {
            return ERROR;
        }
        return switch (register) {
            case BASIC_INFO_REGISTER -> BASIC_INFO;
            case CELL_VOLTAGES_REGISTER -> CELL_VOLTAGES;
            case HARDWARE_REGISTER -> HARDWARE;
            default -> ACK;
        };
    }

    /**
     * Decodes a reply; {@code chunk} is the chunk that completed it (its time and port are the
     * message's).
     *
     * @return the message, or null for a host request (the host's own bytes carry no values)
     * @throws MalformedFrameException when a 0x03 or 0x04 reply is too short for what it says it holds
     */
    public DecodedMessage decode(JbdFrame frame, CanFrame chunk) throws MalformedFrameException {
        if (frame.request()) {
            return null;
        }
        String message = messageOf(frame.register(), frame.status());
        Map<String, Object> signals = switch (message) {
            case BASIC_INFO -> basicInfo(frame);
            case CELL_VOLTAGES -> cellVoltages(frame);
            case HARDWARE -> Map.of("bms.model", model(frame.data()));
            default -> Map.of();
        };
        return new DecodedMessage(PROTOCOL, message, chunk, null, null, null, null, frame.register(),
                message.equals(BASIC_INFO) || message.equals(CELL_VOLTAGES) || message.equals(HARDWARE) ? null
                        : frame.status(),
                signals);
    }

    private static Map<String, Object> basicInfo(JbdFrame f) throws MalformedFrameException {
        if (f.length() < BASIC_INFO_FIXED) {
            throw new MalformedFrameException(String.format("JBD 0x03 reply of %d data bytes, fewer than the %d of its fixed fields",
                    f.length(), BASIC_INFO_FIXED));
        }
        int cells = f.u8(21);
        int ntcs = f.u8(22);
        if (f.length() < BASIC_INFO_FIXED + 2 * ntcs) {
            throw new MalformedFrameException(String.format("JBD 0x03 reply of %d data bytes names %d temperature sensors, which need %d",
                    f.length(), ntcs, BASIC_INFO_FIXED + 2 * ntcs));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("pack.voltage", Decimals.scale(f.u16(0), 2));
        s.put("pack.current", Decimals.scale((short) f.u16(2), 2));
        s.put("capacity.remaining", Decimals.scale(f.u16(4), 2));
        s.put("capacity.nominal", Decimals.scale(f.u16(6), 2));
        s.put("cycles", (long) f.u16(8));
        s.put(PRODUCTION_DATE_KEY, productionDate(f.u16(10)));
        long balance = ((long) f.u16(12)) | ((long) f.u16(14) << 16);
        for (int n = 1; n <= Math.min(cells, BALANCE_CELLS); n++) {
            s.put("cell." + n + ".balancing", (balance & (1L << (n - 1))) != 0);
        }
        int protection = f.u16(16);
        for (int bit = 0; bit < PROTECTIONS.size(); bit++) {
            s.put("protection." + PROTECTIONS.get(bit), (protection & (1 << bit)) != 0);
        }
        s.put(PROTECTION_FLAGS_KEY, (long) protection);
        s.put("bms.firmware", firmware(f.u8(18)));
        s.put("soc", (long) f.u8(19));
        s.put("fet.charge", (f.u8(20) & 0x01) != 0);
        s.put("fet.discharge", (f.u8(20) & 0x02) != 0);
        s.put("cell.count", (long) cells);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int n = 1; n <= ntcs; n++) {
            double c = Decimals.scale(f.u16(BASIC_INFO_FIXED + 2 * (n - 1)) - KELVIN_OFFSET, 1);
            s.put("temperature." + n, c);
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        if (ntcs > 0) {
            s.put("cell.temperature.min", min);
            s.put("cell.temperature.max", max);
        }
        return s;
    }

    private static Map<String, Object> cellVoltages(JbdFrame f) throws MalformedFrameException {
        if (f.length() % 2 != 0) {
            throw new MalformedFrameException(String.format("JBD 0x04 reply of %d data bytes, not a whole number of 2-byte cell voltages",
                    f.length()));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int n = 1; n <= f.length() / 2; n++) {
            int mv = f.u16(2 * (n - 1));
            s.put("cell." + n + ".voltage", Decimals.scale(mv, 3));
            min = Math.min(min, mv);
            max = Math.max(max, mv);
        }
        if (!s.isEmpty()) {
            s.put("cell.voltage.min", Decimals.scale(min, 3));
            s.put("cell.voltage.max", Decimals.scale(max, 3));
        }
        return s;
    }

    /**
     * The 0x05 name: the data as ASCII. A first byte that is a control character and counts the
     * rest (the register map of bms-tools describes a length byte; JBD's own documents and
     * replies quoted by others have none) is a length byte and left out. Trailing NULs and blanks
     * are trimmed; other control characters show as {@code ?}.
     */
    static String model(byte[] data) {
        int from = data.length > 0 && (data[0] & 0xFF) < 0x20 && (data[0] & 0xFF) == data.length - 1 ? 1 : 0;
        String s = new String(data, from, data.length - from, StandardCharsets.ISO_8859_1);
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 && c != 0 ? '?' : c);
        }
        return b.toString().replaceAll("[\\x00 ]+$", "");
    }

    /** {@code 0x10} → {@code "1.0"}: high nibble, dot, low nibble. */
    static String firmware(int version) {
        return (version >> 4) + "." + (version & 0x0F);
    }

    /** Bits 15..9 year − 2000, 8..5 month, 4..0 day: {@code 0x2078} → {@code "2016-03-24"}; 0 → null. */
    static String productionDate(int raw) {
        if (raw == 0) {
            return null;
        }
        return String.format("%04d-%02d-%02d", 2000 + (raw >> 9), (raw >> 5) & 0x0F, raw & 0x1F);
    }

    // ---- encoding (the simulator's side, and round trips in tests) ----

    /**
     * The reply a BMS sends for {@code message} ({@code basic_info}, {@code cell_voltages},
     * {@code hardware}) from model keys. JBD has no not-available markers: an absent or null key
     * is sent as 0 (as an empty name for {@code bms.model}). The cells of 0x04 are
     * {@code cell.count} many, else as many as consecutive {@code cell.<n>.voltage} keys from 1;
     * the temperature sensors of 0x03 as many as consecutive {@code temperature.<n>} keys.
     *
     * @throws IllegalArgumentException for another message, or a value outside its field
     */
    public JbdFrame encode(String message, Map<String, ?> signals) {
        return switch (message) {
            case BASIC_INFO -> JbdFrame.reply(BASIC_INFO_REGISTER, JbdFrame.STATUS_OK, encodeBasicInfo(signals));
            case CELL_VOLTAGES -> JbdFrame.reply(CELL_VOLTAGES_REGISTER, JbdFrame.STATUS_OK, encodeCells(signals));
            case HARDWARE -> JbdFrame.reply(HARDWARE_REGISTER, JbdFrame.STATUS_OK, text(signals, "bms.model").getBytes(StandardCharsets.ISO_8859_1));
            default -> throw new IllegalArgumentException("protocol jbd encodes no message " + message + "; it encodes "
                    + List.of(BASIC_INFO, CELL_VOLTAGES, HARDWARE));
        };
    }

    private static byte[] encodeBasicInfo(Map<String, ?> s) {
        int cells = (int) whole(s, "cell.count", 0, 255);
        int ntcs = count(s, "temperature.");
        byte[] d = new byte[BASIC_INFO_FIXED + 2 * ntcs];
        put16(d, 0, Decimals.unscale(number(s, "pack.voltage"), 2), 0, 0xFFFF, "pack.voltage");
        put16(d, 2, Decimals.unscale(number(s, "pack.current"), 2), Short.MIN_VALUE, Short.MAX_VALUE, "pack.current");
        put16(d, 4, Decimals.unscale(number(s, "capacity.remaining"), 2), 0, 0xFFFF, "capacity.remaining");
        put16(d, 6, Decimals.unscale(number(s, "capacity.nominal"), 2), 0, 0xFFFF, "capacity.nominal");
        put16(d, 8, whole(s, "cycles", 0, 0xFFFF), 0, 0xFFFF, "cycles");
        put16(d, 10, encodeDate(s.get(PRODUCTION_DATE_KEY)), 0, 0xFFFF, PRODUCTION_DATE_KEY);
        long balance = 0;
        for (int n = 1; n <= BALANCE_CELLS; n++) {
            if (Boolean.TRUE.equals(s.get("cell." + n + ".balancing"))) {
                balance |= 1L << (n - 1);
            }
        }
        put16(d, 12, balance & 0xFFFF, 0, 0xFFFF, "cell.<n>.balancing");
        put16(d, 14, balance >> 16, 0, 0xFFFF, "cell.<n>.balancing");
        long protection = whole(s, PROTECTION_FLAGS_KEY, 0, 0xFFFF);
        for (int bit = 0; bit < PROTECTIONS.size(); bit++) {
            if (Boolean.TRUE.equals(s.get("protection." + PROTECTIONS.get(bit)))) {
                protection |= 1 << bit;
            }
        }
        put16(d, 16, protection, 0, 0xFFFF, "protection.*");
        d[18] = (byte) encodeFirmware(s.get("bms.firmware"));
        d[19] = (byte) whole(s, "soc", 0, 255);
        d[20] = (byte) ((Boolean.TRUE.equals(s.get("fet.charge")) ? 1 : 0) | (Boolean.TRUE.equals(s.get("fet.discharge")) ? 2 : 0));
        d[21] = (byte) cells;
        d[22] = (byte) ntcs;
        for (int n = 1; n <= ntcs; n++) {
            put16(d, BASIC_INFO_FIXED + 2 * (n - 1), Decimals.unscale(number(s, "temperature." + n), 1) + KELVIN_OFFSET,
                    0, 0xFFFF, "temperature." + n);
        }
        return d;
    }

    private static byte[] encodeCells(Map<String, ?> s) {
        int cells = s.get("cell.count") != null ? (int) whole(s, "cell.count", 0, 127) : count(s, "cell.", ".voltage");
        byte[] d = new byte[2 * cells];
        for (int n = 1; n <= cells; n++) {
            put16(d, 2 * (n - 1), Decimals.unscale(number(s, "cell." + n + ".voltage"), 3), 0, 0xFFFF, "cell." + n + ".voltage");
        }
        return d;
    }

    private static int count(Map<String, ?> s, String prefix) {
        return count(s, prefix, "");
    }

    private static int count(Map<String, ?> s, String prefix, String suffix) {
        int n = 0;
        while (s.get(prefix + (n + 1) + suffix) != null) {
            n++;
        }
        return n;
    }

    private static double number(Map<String, ?> s, String key) {
        Object v = s.get(key);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(key + " must be a number, got " + v);
        }
        return n.doubleValue();
    }

    private static long whole(Map<String, ?> s, String key, long min, long max) {
        double v = number(s, key);
        if (v != Math.rint(v) || v < min || v > max) {
            throw new IllegalArgumentException(key + " = " + s.get(key) + " is not a whole number in " + min + ".." + max);
        }
        return (long) v;
    }

    private static String text(Map<String, ?> s, String key) {
        Object v = s.get(key);
        return v == null ? "" : v.toString();
    }

    private static void put16(byte[] d, int offset, long value, long min, long max, String key) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " does not fit its JBD field: raw " + value + " is outside " + min + ".." + max);
        }
        d[offset] = (byte) (value >> 8);
        d[offset + 1] = (byte) value;
    }

    private static int encodeFirmware(Object v) {
        if (v == null) {
            return 0;
        }
        String[] parts = v.toString().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            if (parts.length <= 2 && major >= 0 && major <= 15 && minor >= 0 && minor <= 15) {
                return major << 4 | minor;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("bms.firmware = " + v + " is not MAJOR.MINOR with both 0..15");
    }

    private static long encodeDate(Object v) {
        if (v == null) {
            return 0;
        }
        String[] p = v.toString().split("-");
        try {
            int year = Integer.parseInt(p[0]) - 2000;
            int month = Integer.parseInt(p[1]);
            int day = Integer.parseInt(p[2]);
            if (p.length == 3 && year >= 0 && year <= 127 && month >= 0 && month <= 15 && day >= 0 && day <= 31) {
                return (long) year << 9 | month << 5 | day;
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(PRODUCTION_DATE_KEY + " = " + v + " is not YYYY-MM-DD with a year 2000..2127");
    }
}
