package org.bmsworkbench.protocol.daly.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.bms.codec.Decimals;
import org.bmsworkbench.can.CanFrame;

/**
 * Encodes model values as the frames a Daly BMS answers with (the reverse of {@link DalyDecoder}),
 * and a host's requests and MOSFET commands: UART chunks on a byte stream, CAN frames otherwise.
 * An absent or null value is sent as 0 (Daly has no not-available marker); a value out of its
 * field's range throws {@link IllegalArgumentException} naming message, key and range. The
 * current is sent as given (positive = charging). Immutable and thread-safe.
 */
public final class DalyEncoder {
    /** The key of the data id a {@code request} asks for. */
    public static final String DATA_ID_KEY = "daly.data_id";
    /** The message name of a host's request. */
    public static final String REQUEST = "request";

    private static final Pattern CELL_VOLTAGE = Pattern.compile("cell\\.(\\d+)\\.voltage");
    private static final Pattern CELL_BALANCING = Pattern.compile("cell\\.(\\d+)\\.balancing");
    private static final Pattern TEMPERATURE = Pattern.compile("temperature\\.(\\d+)");

    private DalyEncoder() {
    }

    /**
     * The frames of {@code message}: {@code request} (the data id in {@code daly.data_id}),
     * {@code charge_mos} / {@code discharge_mos} (the host's command, on or off from
     * {@code fet.charge} / {@code fet.discharge}), or any reply of 0x90..0x98 by name; several
     * frames for {@code cell_voltages} and {@code cell_temperatures} (as many as {@code cell.count}
     * or {@code daly.temperature_sensors} need, else as the highest numbered key present needs).
     */
    public static List<CanFrame> encode(String message, Map<String, ?> signals, boolean byteStream, String bus,
            long timestampMicros) {
        if (REQUEST.equals(message)) {
            int id = (int) whole(message, signals, DATA_ID_KEY, 0, 255, true);
            return List.of(DalyCodec.request(id, byteStream, bus, timestampMicros));
        }
        int dataId = DalyCodec.dataIdOf(message);
        if (dataId < 0) {
            throw new IllegalArgumentException("protocol daly has no message " + message + "; it has " + REQUEST
                    + " and the replies soc, cell_voltage_range, temperature_range, mosfet_status, status_info,"
                    + " cell_voltages, cell_temperatures, cell_balance, failure_codes, and charge_mos, discharge_mos");
        }
        if (dataId == DalyCodec.CHARGE_MOS || dataId == DalyCodec.DISCHARGE_MOS) {
            boolean charge = dataId == DalyCodec.CHARGE_MOS;
            String key = charge ? "fet.charge" : "fet.discharge";
            if (!(signals.get(key) instanceof Boolean on)) {
                throw new IllegalArgumentException(message + ": " + key + " must be true or false, got " + signals.get(key));
            }
            return List.of(DalyCodec.mosfetCommand(charge, on, byteStream, bus, timestampMicros));
        }
        List<byte[]> datas = new ArrayList<>();
        byte[] d = new byte[DalyCodec.DATA_LENGTH];
        switch (dataId) {
            case DalyCodec.SOC -> {
                DalyCodec.putU16(d, 0, scaled(message, signals, "pack.voltage", 1, 0, 0xFFFF));
                DalyCodec.putU16(d, 2, scaled(message, signals, DalySignals.ACQUISITION_VOLTAGE, 1, 0, 0xFFFF));
                DalyCodec.putU16(d, 4, scaled(message, signals, "pack.current", 1, -DalyCodec.CURRENT_OFFSET,
                        0xFFFF - DalyCodec.CURRENT_OFFSET) + DalyCodec.CURRENT_OFFSET);
                DalyCodec.putU16(d, 6, scaled(message, signals, "soc", 1, 0, 1000));
            }
            case DalyCodec.CELL_VOLTAGE_RANGE -> {
                DalyCodec.putU16(d, 0, scaled(message, signals, "cell.voltage.max", 3, 0, 0xFFFF));
                d[2] = (byte) whole(message, signals, DalySignals.MAX_CELL, 0, 255, false);
                DalyCodec.putU16(d, 3, scaled(message, signals, "cell.voltage.min", 3, 0, 0xFFFF));
                d[5] = (byte) whole(message, signals, DalySignals.MIN_CELL, 0, 255, false);
            }
            case DalyCodec.TEMPERATURE_RANGE -> {
                d[0] = (byte) temperature(message, signals, "cell.temperature.max");
                d[1] = (byte) whole(message, signals, DalySignals.MAX_SENSOR, 0, 255, false);
                d[2] = (byte) temperature(message, signals, "cell.temperature.min");
                d[3] = (byte) whole(message, signals, DalySignals.MIN_SENSOR, 0, 255, false);
            }
            case DalyCodec.MOSFET_STATUS -> {
                d[0] = (byte) whole(message, signals, DalySignals.STATE, 0, 2, false);
                d[1] = flag(message, signals, "fet.charge");
                d[2] = flag(message, signals, "fet.discharge");
                d[3] = (byte) whole(message, signals, DalySignals.BMS_LIFE, 0, 255, false);
                DalyCodec.putU32(d, 4, scaled(message, signals, "capacity.remaining", 3, 0, 0xFFFF_FFFFL));
            }
            case DalyCodec.STATUS_INFO -> {
                d[0] = (byte) whole(message, signals, "cell.count", 0, 255, false);
                d[1] = (byte) whole(message, signals, DalySignals.SENSOR_COUNT, 0, 255, false);
                d[2] = flag(message, signals, DalySignals.CHARGER);
                d[3] = flag(message, signals, DalySignals.LOAD);
                for (int i = 0; i < 4; i++) {
                    d[4] |= (byte) (flag(message, signals, DalySignals.DI + (i + 1)) << i);
                    d[4] |= (byte) (flag(message, signals, DalySignals.DO + (i + 1)) << (i + 4));
                }
                DalyCodec.putU16(d, 5, whole(message, signals, "cycles", 0, 0xFFFF, false));
            }
            case DalyCodec.CELL_VOLTAGES -> {
                int count = count(message, signals, "cell.count", CELL_VOLTAGE);
                for (int first = 1; first <= count; first += DalyCodec.CELLS_PER_FRAME) {
                    byte[] f = new byte[DalyCodec.DATA_LENGTH];
                    f[0] = (byte) ((first - 1) / DalyCodec.CELLS_PER_FRAME + 1);
                    for (int k = 0; k < DalyCodec.CELLS_PER_FRAME && first + k <= count; k++) {
                        DalyCodec.putU16(f, 1 + 2 * k, scaled(message, signals, "cell." + (first + k) + ".voltage", 3, 0, 0xFFFF));
                    }
                    datas.add(f);
                }
            }
            case DalyCodec.CELL_TEMPERATURES -> {
                int count = count(message, signals, DalySignals.SENSOR_COUNT, TEMPERATURE);
                for (int first = 1; first <= count; first += DalyCodec.SENSORS_PER_FRAME) {
                    byte[] f = new byte[DalyCodec.DATA_LENGTH];
                    f[0] = (byte) ((first - 1) / DalyCodec.SENSORS_PER_FRAME + 1);
                    for (int k = 0; k < DalyCodec.SENSORS_PER_FRAME && first + k <= count; k++) {
                        f[1 + k] = (byte) temperature(message, signals, "temperature." + (first + k));
                    }
                    datas.add(f);
                }
            }
            case DalyCodec.CELL_BALANCE -> {
                int count = Math.min(48, count(message, signals, "cell.count", CELL_BALANCING));
                for (int cell = 1; cell <= count; cell++) {
                    d[(cell - 1) / 8] |= (byte) (flag(message, signals, "cell." + cell + ".balancing") << ((cell - 1) % 8));
                }
            }
            default -> { // FAILURE_CODES
                for (DalySignals.Fault f : DalySignals.FAULTS) {
                    d[f.byteIndex()] |= (byte) (flag(message, signals, f.key()) << f.bit());
                }
                d[7] = (byte) whole(message, signals, DalySignals.FAULT_CODE, 0, 255, false);
            }
        }
        if (datas.isEmpty() && dataId != DalyCodec.CELL_VOLTAGES && dataId != DalyCodec.CELL_TEMPERATURES) {
            datas.add(d);
        }
        List<CanFrame> frames = new ArrayList<>();
        for (byte[] data : datas) {
            frames.add(DalyCodec.reply(dataId, data, byteStream, bus, timestampMicros));
        }
        return List.copyOf(frames);
    }

    /** {@code countKey}, else the highest n of the keys matching {@code perCell}. */
    private static int count(String message, Map<String, ?> signals, String countKey, Pattern perCell) {
        if (signals.get(countKey) != null) {
            return (int) whole(message, signals, countKey, 0, 255, false);
        }
        int max = 0;
        for (String key : signals.keySet()) {
            Matcher m = perCell.matcher(key);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max;
    }

    private static long scaled(String message, Map<String, ?> signals, String key, int decimals, long min, long max) {
        Object v = signals.get(key);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(message + ": " + key + " must be a number, got " + v);
        }
        long raw = Decimals.unscale(n.doubleValue(), decimals);
        if (raw < min || raw > max) {
            throw new IllegalArgumentException(message + ": " + key + " = " + v + " is outside "
                    + Decimals.scale(min, decimals) + ".." + Decimals.scale(max, decimals));
        }
        return raw;
    }

    private static long whole(String message, Map<String, ?> signals, String key, long min, long max, boolean required) {
        Object v = signals.get(key);
        if (v == null && !required) {
            return 0;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(message + ": " + key + " must be a whole number, got " + v);
        }
        if (n.longValue() < min || n.longValue() > max) {
            throw new IllegalArgumentException(message + ": " + key + " = " + v + " is outside " + min + ".." + max);
        }
        return n.longValue();
    }

    private static int temperature(String message, Map<String, ?> signals, String key) {
        Object v = signals.get(key);
        if (v == null) {
            return 0;
        }
        return (int) scaled(message, Map.of(key, v), key, 0, -DalyCodec.TEMPERATURE_OFFSET,
                255 - DalyCodec.TEMPERATURE_OFFSET) + DalyCodec.TEMPERATURE_OFFSET;
    }

    private static byte flag(String message, Map<String, ?> signals, String key) {
        Object v = signals.get(key);
        if (v == null || Boolean.FALSE.equals(v)) {
            return 0;
        }
        if (Boolean.TRUE.equals(v)) {
            return 1;
        }
        throw new IllegalArgumentException(message + ": " + key + " must be true or false, got " + v);
    }
}
