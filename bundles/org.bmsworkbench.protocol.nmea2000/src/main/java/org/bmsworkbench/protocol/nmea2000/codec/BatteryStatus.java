package org.bmsworkbench.protocol.nmea2000.codec;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.bms.codec.SignalMap;
import org.bmsworkbench.can.CanFrame;

/**
 * PGN 127508 Battery Status, one 8-byte frame, guide 1.5.3.1, as the raw fields on the wire:
 * byte 0 battery instance, bytes 1–2 voltage (int16, 0.01 V), bytes 3–4 current (int16, 0.1 A),
 * bytes 5–6 temperature (0.01 K, see {@link Nmea2000Field#TEMPERATURE}), byte 7 SID.
 *
 * <p>The MG Master LV sends three instances per data-instance base {@code b} (0, 32, … 224):
 * {@code b} the pack (voltage, current, highest temperature), {@code b+1} the lowest cell values
 * and {@code b+2} the highest (cell voltage in field 2, cell temperature in field 4, field 3 not
 * implemented, {@code 0x7FFF}). Any base is accepted: the role is {@code instance % 32}.
 *
 * @param instance    byte 0, 0..255
 * @param voltage     bytes 1–2 as the unsigned pattern, 0..0xFFFF
 * @param current     bytes 3–4 as the unsigned pattern
 * @param temperature bytes 5–6 as the unsigned pattern
 * @param sid         byte 7, 0..255
 */
public record BatteryStatus(int instance, int voltage, int current, int temperature, int sid) {
    public static final int PGN = 127508;
    public static final int LENGTH = 8;
    /** The bases step by 32 (guide 1.5.3). */
    public static final int INSTANCE_STEP = 32;
    /** Field 3 of the cell instances: "not implemented (0x7FFF)". */
    public static final int NOT_IMPLEMENTED = 0x7FFF;

    /** What an instance carries, from {@code instance % 32}. */
    public enum Role {
        /** {@code base}: pack voltage, current, highest temperature. */
        PACK(0, "pack.voltage", "pack.current", "pack.temperature"),
        /** {@code base+1}: lowest cell voltage and temperature. */
        LOWEST_CELL(1, "cell.voltage.min", "cell.temperature.min"),
        /** {@code base+2}: highest cell voltage and temperature. */
        HIGHEST_CELL(2, "cell.voltage.max", "cell.temperature.max"),
        /** Any other instance: not one the guide defines; decodes to no keys. */
        OTHER(-1);

        private final int offset;
        private final List<String> names;
        private final SignalMap.Keys keys;

        Role(int offset, String... names) {
            this.offset = offset;
            this.names = List.of(names);
            this.keys = new SignalMap.Keys(this.names);
        }

        /** The instance minus the base: 0, 1 or 2 (-1 for {@link #OTHER}). */
        public int offset() {
            return offset;
        }

        /** The model keys this role fills, in field order. */
        public List<String> keys() {
            return names;
        }

        static Role of(int instance) {
            return switch (instance % INSTANCE_STEP) {
                case 0 -> PACK;
                case 1 -> LOWEST_CELL;
                case 2 -> HIGHEST_CELL;
                default -> OTHER;
            };
        }
    }

    public BatteryStatus {
        check("instance", instance, 0xFF);
        check("voltage", voltage, 0xFFFF);
        check("current", current, 0xFFFF);
        check("temperature", temperature, 0xFFFF);
        check("SID", sid, 0xFF);
    }

    private static void check(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0.." + max);
        }
    }

    /**
     * The fields of a PGN 127508 frame (its identifier is not looked at).
     *
     * @throws MalformedFrameException when the frame has fewer than 8 data bytes
     */
    public static BatteryStatus read(CanFrame frame) throws MalformedFrameException {
        FrameFields.requireLength(frame, LENGTH, "PGN 127508 battery_status");
        return new BatteryStatus(frame.u8(0), FrameFields.u16(frame, 1), FrameFields.u16(frame, 3),
                FrameFields.u16(frame, 5), frame.u8(7));
    }

    /** The 8 data bytes. */
    public byte[] toBytes() {
        byte[] data = new byte[LENGTH];
        data[0] = (byte) instance;
        FrameFields.putU16(data, 1, voltage);
        FrameFields.putU16(data, 3, current);
        FrameFields.putU16(data, 5, temperature);
        data[7] = (byte) sid;
        return data;
    }

    public Role role() {
        return Role.of(instance);
    }

    /** The data-instance base this instance belongs to: 0, 32, … 224. */
    public int dataInstance() {
        return instance - instance % INSTANCE_STEP;
    }

    /** The model values of this instance's role (none for {@link Role#OTHER}); markers are null. */
    public SignalMap signals() {
        return switch (role()) {
            case PACK -> Role.PACK.keys.wrap(new Object[] {Nmea2000Field.VOLTAGE.decode(voltage),
                Nmea2000Field.CURRENT.decode(current), Nmea2000Field.TEMPERATURE.decode(temperature)});
            case LOWEST_CELL, HIGHEST_CELL -> role().keys.wrap(new Object[] {Nmea2000Field.VOLTAGE.decode(voltage),
                Nmea2000Field.TEMPERATURE.decode(temperature)});
            case OTHER -> Role.OTHER.keys.wrap(new Object[0]);
        };
    }

    /**
     * This instance read as a battery of its own, whatever its number: voltage, current, temperature
     * as {@code pack.*} (markers are null). This is how every instance of a source that is not the MG
     * Master LV is read (docs/SIGNALS.md, "Other devices on the bus").
     */
    public SignalMap packSignals() {
        return Role.PACK.keys.wrap(new Object[] {Nmea2000Field.VOLTAGE.decode(voltage),
            Nmea2000Field.CURRENT.decode(current), Nmea2000Field.TEMPERATURE.decode(temperature)});
    }

    /**
     * The instance that carries {@code values}: the role follows from the keys present (pack keys,
     * the {@code .min} cell keys or the {@code .max} cell keys; none: the pack), absent or null
     * keys are sent as markers, field 3 of a cell instance as {@code 0x7FFF}.
     *
     * @param dataInstance the base, 0, 32, … 224
     * @throws IllegalArgumentException for keys of more than one role, a bad base, or a value out of range
     */
    public static BatteryStatus of(Map<String, ?> values, int dataInstance, int sid) {
        if (dataInstance < 0 || dataInstance > 224 || dataInstance % INSTANCE_STEP != 0) {
            throw new IllegalArgumentException("data instance " + dataInstance + " is not one of 0, 32, 64, ... 224");
        }
        Role role = null;
        for (Role r : List.of(Role.PACK, Role.LOWEST_CELL, Role.HIGHEST_CELL)) {
            for (String key : r.names) {
                if (values.containsKey(key)) {
                    if (role != null && role != r) {
                        throw new IllegalArgumentException("battery_status carries the keys of one instance: "
                                + role.names + " or " + r.names + ", not both");
                    }
                    role = r;
                }
            }
        }
        role = role == null ? Role.PACK : role;
        int instance = dataInstance + role.offset;
        String voltageKey = role.names.get(0);
        int voltage = Nmea2000Field.VOLTAGE.encode(values.get(voltageKey), voltageKey);
        if (role == Role.PACK) {
            return new BatteryStatus(instance, voltage, Nmea2000Field.CURRENT.encode(values.get("pack.current"), "pack.current"),
                    Nmea2000Field.TEMPERATURE.encode(values.get("pack.temperature"), "pack.temperature"), sid);
        }
        String temperatureKey = role.names.get(1);
        return new BatteryStatus(instance, voltage, NOT_IMPLEMENTED,
                Nmea2000Field.TEMPERATURE.encode(values.get(temperatureKey), temperatureKey), sid);
    }
}
