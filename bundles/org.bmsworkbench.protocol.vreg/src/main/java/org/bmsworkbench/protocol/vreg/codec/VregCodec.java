package org.bmsworkbench.protocol.vreg.codec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.bms.codec.SignalMap;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * The VREG frame codec, guide 1.5.4. Every VREG is one 29-bit frame of PGN 0xEF00 (PDU1,
 * CAN id {@code 1CEF<destination><source>}) whose data is
 * {@code 0x66 0x99 <un16 VREG id> <payload>}, little endian. Two VREG ids are commands
 * (guide 1.5.4.3, Victron velib {@code VE_REG_REQ}/{@code VE_REG_ACK}):
 * <ul>
 * <li>{@code 0x0001} request: payload {@code <un16 register> <un16 mask>}, the mask 0xFFFF for one register;</li>
 * <li>{@code 0x0002} ACK: payload {@code <un16 register> <un16 code>}, e.g. 0x8000 "invalid request";</li>
 * </ul>
 * every other id is a register and the payload its value (up to 4 bytes). A value broadcast
 * to 0xFF is a reply or a periodic/on-change update; a value addressed to a node is a write.
 * Immutable and thread-safe; a session that decodes many frames reads them into one
 * {@link VregRecord} of its own ({@link #decode(FrameView, VregRecord)}).
 */
public final class VregCodec {
    public static final String PROTOCOL = "vreg";
    public static final String VALUE = "vreg";
    public static final String REQUEST = "vreg_request";
    public static final String ACK = "vreg_ack";
    /** PGN 0xEF00, proprietary addressed (PDU1). */
    public static final int PGN = 0xEF00;
    /** Victron's manufacturer code 358 with industry group 4 (marine), little endian: 0x66 0x99. */
    public static final int MAGIC_0 = 0x66;
    public static final int MAGIC_1 = 0x99;
    public static final int REQUEST_ID = 0x0001;
    public static final int ACK_ID = 0x0002;
    /** The whole-register mask of a request. */
    public static final int SINGLE = 0xFFFF;
    public static final int BROADCAST = J1939Id.BROADCAST;
    /** Priority 7, as in every id of the guide (0x1C...). */
    public static final int PRIORITY = 7;
    /** Signal key of a request's mask, present only when it is not 0xFFFF. */
    public static final String MASK_KEY = "vreg.mask";
    /** The unused bytes after a value, as sent. 0x00 is accepted too. */
    public static final byte PADDING = (byte) 0xFF;

    public static final VregCodec INSTANCE = new VregCodec(VregCatalogue.INSTANCE);

    static final SignalMap.Keys NO_KEYS = new SignalMap.Keys(List.of());
    static final SignalMap.Keys MASK_KEYS = new SignalMap.Keys(List.of(MASK_KEY));

    private final VregCatalogue catalogue;
    /** Register ids, sorted, and what decodes each: a binary search on the hot path. */
    private final int[] ids;
    private final RegisterInfo[] registers;
    private final SignalMap.Keys[] keys;
    /** Each register's fields, as an array (no iterator a frame). */
    private final RegisterField[][] fields;
    /** Each register's value bytes ({@link RegisterInfo#size()}, which walks the fields with an iterator). */
    private final int[] sizes;
    /** The most fields one register has. */
    private final int maxFields;

    private VregCodec(VregCatalogue catalogue) {
        this.catalogue = catalogue;
        List<RegisterInfo> sorted = catalogue.registers().stream()
                .sorted((a, b) -> Integer.compare(a.id(), b.id())).toList();
        ids = sorted.stream().mapToInt(RegisterInfo::id).toArray();
        registers = sorted.toArray(new RegisterInfo[0]);
        keys = new SignalMap.Keys[registers.length];
        fields = new RegisterField[registers.length][];
        sizes = new int[registers.length];
        int most = 0;
        for (int i = 0; i < registers.length; i++) {
            keys[i] = new SignalMap.Keys(registers[i].fields().stream().map(RegisterField::key).toList());
            fields[i] = registers[i].fields().toArray(new RegisterField[0]);
            sizes[i] = registers[i].size();
            most = Math.max(most, fields[i].length);
        }
        maxFields = most;
    }

    public VregCatalogue catalogue() {
        return catalogue;
    }

    /**
     * The value bytes of catalogued register {@code register} ({@link RegisterInfo#size()}), or -1
     * when the catalogue has none: a binary search, nothing made (a detection score asks it of every
     * VREG frame).
     */
    public int valueSize(int register) {
        int i = Arrays.binarySearch(ids, register);
        return i < 0 ? -1 : sizes[i];
    }

    /** True for a VREG frame: 29-bit data frame of PGN 0xEF00 whose data starts 0x66 0x99. */
    public static boolean isVreg(CanFrame f) {
        return isVreg((FrameView) f);
    }

    /** {@link #isVreg(CanFrame)} of a view: reads its identifier and two bytes, makes nothing. */
    public static boolean isVreg(FrameView f) {
        return f.extended() && !f.remote() && !f.error() && !f.fd() && (f.id() >>> 16 & 0x3FF) == 0xEF && f.length() >= 2
                && f.u8(0) == MAGIC_0 && f.u8(1) == MAGIC_1;
    }

    /**
     * Decodes one frame.
     *
     * @return the message; null for a frame that is not a VREG (another PGN, another
     *         manufacturer's 0xEF00) or a value of a register outside the catalogue
     * @throws MalformedFrameException for a VREG too short for its id, request, ACK or value
     */
    public DecodedMessage decode(CanFrame f) throws MalformedFrameException {
        VregRecord record = new VregRecord(this, false);
        return decode(f, record) ? record.toMessage(f) : null;
    }

    /** A record to decode into, for one session: it keeps the last value object of each field, for reuse. */
    public VregRecord newRecord() {
        return new VregRecord(this, true);
    }

    /**
     * Decodes one frame into {@code into}, as {@link #decode(CanFrame)} but without an object a frame
     * (a value's {@code Long} or text is made again only when it changed, see {@link VregRecord}). The
     * frame is read during this call only.
     *
     * @return true when it is a VREG this codec decodes, now in {@code into}; false as
     *         {@link #decode(CanFrame)} returns null ({@code into} then holds what it held)
     * @throws MalformedFrameException as {@link #decode(CanFrame)}, with the same message
     */
    public boolean decode(FrameView f, VregRecord into) throws MalformedFrameException {
        if (!isVreg(f)) {
            return false;
        }
        FrameFields.requireLength(f, 4, "VREG (0x66 0x99 and a register id)");
        int source = f.id() & 0xFF;
        int destination = f.id() >>> 8 & 0xFF;
        int id = FrameFields.u16(f, 2);
        if (id == REQUEST_ID) {
            FrameFields.requireLength(f, 6, "VREG request (0x0001 and a register id)");
            into.request(source, destination, FrameFields.u16(f, 4), f.length() >= 8 ? FrameFields.u16(f, 6) : SINGLE);
            return true;
        }
        if (id == ACK_ID) {
            FrameFields.requireLength(f, 8, "VREG ACK (0x0002, a register id and a code)");
            into.ack(source, destination, FrameFields.u16(f, 4), FrameFields.u16(f, 6));
            return true;
        }
        int i = Arrays.binarySearch(ids, id);
        if (i < 0) {
            return false;
        }
        if (f.length() < FieldValues.VALUE_OFFSET + sizes[i]) {
            throw new MalformedFrameException(String.format("0x%s VREG 0x%04X %s needs %d data bytes, got %d",
                    f.toFrame().idHex(), id, registers[i].name(), FieldValues.VALUE_OFFSET + sizes[i], f.length()));
        }
        into.value(source, destination, id, i, f);
        return true;
    }

    /** The fields of catalogue row {@code row} (registers sorted by id). */
    RegisterField[] fields(int row) {
        return fields[row];
    }

    /** The signal keys of catalogue row {@code row}. */
    SignalMap.Keys keys(int row) {
        return keys[row];
    }

    int rows() {
        return registers.length;
    }

    int maxFields() {
        return maxFields;
    }

    /**
     * A register's value: broadcast ({@code destination} 0xFF) as a device sends it, or
     * addressed to a node as a write. Keys of {@code signals} that are not the register's are
     * ignored; an absent or null key is sent as the register's not-available marker.
     *
     * @throws IllegalArgumentException for a register outside the catalogue, a command id, or a
     *         value of the wrong type or out of its field's range
     */
    public CanFrame value(int register, Map<String, ?> signals, int source, int destination, String bus,
            long timestampMicros) {
        RegisterInfo info = catalogue.find(register).orElseThrow(() -> new IllegalArgumentException(
                String.format("VREG 0x%04X is not in the catalogue of guide 1.5.4.2", register)));
        byte[] data = header(register);
        for (RegisterField field : info.fields()) {
            FieldValues.encode(signals.get(field.key()), field, register, data);
        }
        return frame(data, source, destination, bus, timestampMicros);
    }

    /**
     * A register's value from its raw bytes, for any register id, catalogued or not: a device
     * broadcasting its own raw register table, or a write to a register the guide does not list.
     * That is how the unlock code reaches the MG Master LV ({@code RegisterAccess.write} refuses
     * registers outside the catalogue): with the MG device profile's {@code UnlockSettings u},
     * {@code rawValue(u.registerId(), u.payload(code), 0x20, node, bus, time)}. DLC 8, priority 7,
     * the payload (little endian, as every VREG value) in bytes 4–7, padded with 0xFF.
     *
     * @param payload 0 to 4 value bytes
     * @throws IllegalArgumentException for the command ids 0x0001 and 0x0002, a payload longer
     *         than 4 bytes, an id or address out of range
     */
    public CanFrame rawValue(int register, byte[] payload, int source, int destination, String bus,
            long timestampMicros) {
        if (register == REQUEST_ID || register == ACK_ID) {
            throw new IllegalArgumentException(String.format("VREG 0x%04X is a command, not a register; use %s",
                    register, register == REQUEST_ID ? "request(...)" : "ack(...)"));
        }
        if (payload.length > 4) {
            throw new IllegalArgumentException(String.format("a VREG frame carries at most 4 value bytes, not %d"
                    + " (VREG 0x%04X)", payload.length, register));
        }
        byte[] data = header(register);
        System.arraycopy(payload, 0, data, FieldValues.VALUE_OFFSET, payload.length);
        return frame(data, source, destination, bus, timestampMicros);
    }

    /** A request (guide 1.5.4.3): {@code 66 99 01 00 <register> <mask>}. */
    public CanFrame request(int register, int mask, int source, int destination, String bus, long timestampMicros) {
        return command(REQUEST_ID, register, mask, source, destination, bus, timestampMicros);
    }

    /** An ACK (guide 1.5.4.3): {@code 66 99 02 00 <register> <code>}. */
    public CanFrame ack(int register, int code, int source, int destination, String bus, long timestampMicros) {
        return command(ACK_ID, register, code, source, destination, bus, timestampMicros);
    }

    /**
     * The frame of a decoded message again (its register, code, addresses, signals, bus and
     * time): {@code encode(decode(frame)) == frame} for frames sent as this codec sends them
     * (priority 7, DLC 8, 0xFF padding).
     */
    public CanFrame encode(DecodedMessage m) {
        CanFrame f = m.frame();
        int source = m.source() == null ? 0 : m.source();
        int destination = m.destination() == null ? BROADCAST : m.destination();
        return switch (m.message()) {
            case REQUEST -> request(m.register(), maskOf(m.signals()), source, destination, f.bus(), f.timestampMicros());
            case ACK -> ack(m.register(), m.code(), source, destination, f.bus(), f.timestampMicros());
            case VALUE -> value(m.register(), m.signals(), source, destination, f.bus(), f.timestampMicros());
            default -> throw new IllegalArgumentException("VREG has no message " + m.message());
        };
    }

    static int maskOf(Map<String, ?> signals) {
        Object mask = signals.get(MASK_KEY);
        return mask == null ? SINGLE : ((Number) mask).intValue();
    }

    private CanFrame command(int command, int register, int word, int source, int destination, String bus,
            long timestampMicros) {
        check("register", register, 0xFFFF);
        check("word", word, 0xFFFF);
        byte[] data = header(command);
        FrameFields.putU16(data, 4, register);
        FrameFields.putU16(data, 6, word);
        return frame(data, source, destination, bus, timestampMicros);
    }

    private static byte[] header(int id) {
        check("VREG id", id, 0xFFFF);
        byte[] data = {MAGIC_0, (byte) MAGIC_1, 0, 0, PADDING, PADDING, PADDING, PADDING};
        FrameFields.putU16(data, 2, id);
        return data;
    }

    private static CanFrame frame(byte[] data, int source, int destination, String bus, long timestampMicros) {
        check("source address", source, 0xFF);
        check("destination address", destination, 0xFF);
        int id = J1939Id.of(PRIORITY, PGN, source, destination).canId();
        return CanFrame.wrap(timestampMicros, bus, id, true, data);
    }

    private static void check(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(String.format("%s 0x%X is outside 0..0x%X", what, value, max));
        }
    }
}
