package org.bmsworkbench.protocol.daly.codec;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Constants and frame building of the Daly protocol. Immutable and thread-safe.
 *
 * <p>UART/RS485: 13 bytes, {@code A5 <address> <data id> 08 <8 data bytes> <checksum>}, the
 * checksum the low byte of the sum of the 12 bytes before it. The address is the sender's: 0x40
 * for a host on UART/RS485, 0x80 for the Bluetooth module, 0x01 for the BMS in its replies.
 * CAN (250 kbit/s): 29-bit id {@code 0x18 <data id> <destination> <source>}, 8 data bytes laid
 * out as on UART: a request {@code 0x18900140} (host 0x40 to BMS 0x01), its reply
 * {@code 0x18904001}. Multi-byte fields are big endian.
 */
public final class DalyCodec {
    public static final String PROTOCOL = "daly";

    public static final int START = 0xA5;
    /** Bytes of one UART frame. */
    public static final int FRAME_LENGTH = 13;
    /** Data bytes of every frame, UART (its length byte) and CAN. */
    public static final int DATA_LENGTH = 8;
    /** The host's address on UART/RS485, and on CAN. */
    public static final int HOST = 0x40;
    /** The Bluetooth module's address as a host. */
    public static final int BLUETOOTH_HOST = 0x80;
    /** The BMS's address in its replies, and on CAN. */
    public static final int BMS = 0x01;
    /** The priority byte (bits 24-28) of every Daly CAN id. */
    public static final int CAN_PRIORITY = 0x18;
    /** The CAN bit rate of Daly's CAN port. */
    public static final int CAN_BITRATE = 250_000;

    public static final int SOC = 0x90;
    public static final int CELL_VOLTAGE_RANGE = 0x91;
    public static final int TEMPERATURE_RANGE = 0x92;
    public static final int MOSFET_STATUS = 0x93;
    public static final int STATUS_INFO = 0x94;
    public static final int CELL_VOLTAGES = 0x95;
    public static final int CELL_TEMPERATURES = 0x96;
    public static final int CELL_BALANCE = 0x97;
    public static final int FAILURE_CODES = 0x98;
    /** Command: data byte 0 = 1 switches the discharge MOSFETs on, 0 off. */
    public static final int DISCHARGE_MOS = 0xD9;
    /** Command: data byte 0 = 1 switches the charge MOSFETs on, 0 off. */
    public static final int CHARGE_MOS = 0xDA;

    /** Cells per 0x95 frame and sensors per 0x96 frame. */
    public static final int CELLS_PER_FRAME = 3;
    public static final int SENSORS_PER_FRAME = 7;
    /** Offset of 0x90's current (0.1 A) and of every temperature (1 °C). */
    public static final int CURRENT_OFFSET = 30_000;
    public static final int TEMPERATURE_OFFSET = 40;

    /** The message name of each data id a BMS answers, in data id order. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(SOC, "soc"), Map.entry(CELL_VOLTAGE_RANGE, "cell_voltage_range"),
            Map.entry(TEMPERATURE_RANGE, "temperature_range"), Map.entry(MOSFET_STATUS, "mosfet_status"),
            Map.entry(STATUS_INFO, "status_info"), Map.entry(CELL_VOLTAGES, "cell_voltages"),
            Map.entry(CELL_TEMPERATURES, "cell_temperatures"), Map.entry(CELL_BALANCE, "cell_balance"),
            Map.entry(FAILURE_CODES, "failure_codes"), Map.entry(DISCHARGE_MOS, "discharge_mos"),
            Map.entry(CHARGE_MOS, "charge_mos"));

    /** {@link #NAMES} by data id 0..255: looked up without boxing the id (a detection score asks it of every reply). */
    private static final String[] NAMES_BY_ID = namesById();

    /** The data ids a BMS answers with values, in order. */
    public static final List<Integer> VALUE_IDS = List.of(SOC, CELL_VOLTAGE_RANGE, TEMPERATURE_RANGE, MOSFET_STATUS,
            STATUS_INFO, CELL_VOLTAGES, CELL_TEMPERATURES, CELL_BALANCE, FAILURE_CODES);

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private DalyCodec() {
    }

    /** The message name of a data id ({@code soc} for 0x90), or null when this codec does not know it. */
    public static String messageName(int dataId) {
        return dataId >= 0 && dataId < NAMES_BY_ID.length ? NAMES_BY_ID[dataId] : null;
    }

    private static String[] namesById() {
        String[] names = new String[256];
        NAMES.forEach((id, name) -> names[id] = name);
        return names;
    }

    /** The data id of a message name, or -1. */
    public static int dataIdOf(String message) {
        for (Map.Entry<Integer, String> e : NAMES.entrySet()) {
            if (e.getValue().equals(message)) {
                return e.getKey();
            }
        }
        return -1;
    }

    /** The low byte of the sum of {@code length} bytes from {@code offset}. */
    public static int checksum(byte[] bytes, int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    /**
     * The 13 bytes of a UART frame.
     *
     * @param address the sender: {@link #HOST}, {@link #BLUETOOTH_HOST} or the BMS ({@link #BMS})
     * @param data    8 data bytes
     */
    public static byte[] uartFrame(int address, int dataId, byte[] data) {
        checkByte("address", address);
        checkByte("data id", dataId);
        if (data.length != DATA_LENGTH) {
            throw new IllegalArgumentException("a Daly frame carries 8 data bytes, got " + data.length);
        }
        byte[] f = new byte[FRAME_LENGTH];
        f[0] = (byte) START;
        f[1] = (byte) address;
        f[2] = (byte) dataId;
        f[3] = DATA_LENGTH;
        System.arraycopy(data, 0, f, 4, DATA_LENGTH);
        f[12] = (byte) checksum(f, 0, 12);
        return f;
    }

    /** The 29-bit CAN id {@code 0x18 <data id> <destination> <source>}. */
    public static int canId(int dataId, int destination, int source) {
        checkByte("data id", dataId);
        checkByte("destination", destination);
        checkByte("source", source);
        return CAN_PRIORITY << 24 | dataId << 16 | destination << 8 | source;
    }

    /**
     * A host's request for {@code dataId} (8 zero data bytes) or command (data as given), sent
     * by the host 0x40 to the BMS 0x01: a UART chunk ({@link Direction#TX}) on a byte stream,
     * else a CAN frame.
     */
    public static CanFrame request(int dataId, byte[] data, boolean byteStream, String bus, long timestampMicros) {
        if (byteStream) {
            return CanFrame.chunk(timestampMicros, bus, Direction.TX, uartFrame(HOST, dataId, data));
        }
        if (data.length != DATA_LENGTH) {
            throw new IllegalArgumentException("a Daly frame carries 8 data bytes, got " + data.length);
        }
        return CanFrame.of(timestampMicros, bus, canId(dataId, BMS, HOST), true, data).withDirection(Direction.TX);
    }

    /** A request for {@code dataId} with 8 zero data bytes. */
    public static CanFrame request(int dataId, boolean byteStream, String bus, long timestampMicros) {
        return request(dataId, new byte[DATA_LENGTH], byteStream, bus, timestampMicros);
    }

    /** The command that switches the charge ({@code charge}) or discharge MOSFETs on or off: 0xDA or 0xD9, byte 0 = 1/0. */
    public static CanFrame mosfetCommand(boolean charge, boolean on, boolean byteStream, String bus,
            long timestampMicros) {
        byte[] data = new byte[DATA_LENGTH];
        data[0] = (byte) (on ? 1 : 0);
        return request(charge ? CHARGE_MOS : DISCHARGE_MOS, data, byteStream, bus, timestampMicros);
    }

    /** The BMS's reply carrying {@code data}: a UART chunk from address 0x01, or CAN id {@code 0x18<id>4001}. */
    public static CanFrame reply(int dataId, byte[] data, boolean byteStream, String bus, long timestampMicros) {
        if (byteStream) {
            return CanFrame.chunk(timestampMicros, bus, Direction.RX, uartFrame(BMS, dataId, data));
        }
        return CanFrame.of(timestampMicros, bus, canId(dataId, HOST, BMS), true, data);
    }

    /** Whether a 29-bit id is a Daly reply: priority 0x18 and the host 0x40 as destination. */
    public static boolean isReplyId(int canId) {
        return canId >>> 24 == CAN_PRIORITY && (canId >>> 8 & 0xFF) == HOST;
    }

    /** Whether a 29-bit id is a host's Daly request: priority 0x18 and the host 0x40 as source. */
    public static boolean isRequestId(int canId) {
        return canId >>> 24 == CAN_PRIORITY && (canId & 0xFF) == HOST;
    }

    /** Whether a UART address byte is a host's (0x40, 0x80): the frame is a request, not a reply. */
    public static boolean isHostAddress(int address) {
        return address == HOST || address == BLUETOOTH_HOST;
    }

    static String hex(byte[] bytes, int offset, int length) {
        return HEX.formatHex(bytes, offset, offset + length);
    }

    static int u16(byte[] d, int offset) {
        return (d[offset] & 0xFF) << 8 | d[offset + 1] & 0xFF;
    }

    static long u32(byte[] d, int offset) {
        return ((long) u16(d, offset) << 16 | u16(d, offset + 2)) & 0xFFFF_FFFFL;
    }

    static void putU16(byte[] d, int offset, long value) {
        d[offset] = (byte) (value >>> 8);
        d[offset + 1] = (byte) value;
    }

    static void putU32(byte[] d, int offset, long value) {
        putU16(d, offset, value >>> 16);
        putU16(d, offset + 2, value);
    }

    private static void checkByte(String what, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(what + " 0x" + Integer.toHexString(value) + " is not a byte");
        }
    }
}
