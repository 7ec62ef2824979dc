package org.bmsworkbench.protocol.daly.codec;

import static org.bmsworkbench.protocol.daly.codec.DalyCodec.u16;
import static org.bmsworkbench.protocol.daly.codec.DalyCodec.u32;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.bms.codec.Decimals;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Decodes the replies of one Daly BMS, from the chunks of a serial line or from CAN frames, onto
 * the model keys. One per connection (it keeps the unfinished frame of each direction, the cell
 * and sensor counts of 0x94 and the current's sign); not thread-safe.
 *
 * <p>A host's request (UART address 0x40 or 0x80, CAN source 0x40) is recognised and yields no
 * message: its echo must not pass for the BMS's answer. A reply with a data id this decoder does
 * not know yields none either. Per-cell values are emitted as each 0x95/0x96 frame arrives, for
 * the cells that frame carries: up to the count of 0x94 once known, before that every cell that
 * does not read 0 (the padding of unused places).
 */
public final class DalyDecoder {
    private final DalyStreamReader rx = new DalyStreamReader();
    private final DalyStreamReader tx = new DalyStreamReader();
    private final CurrentSign sign = new CurrentSign();
    private Integer cellCount;
    private Integer sensorCount;

    /** Cells in series as 0x94 last said, or null before (or when it said 0). */
    public Integer cellCount() {
        return cellCount;
    }

    /** Temperature sensors as 0x94 last said, or null before (or when it said 0). */
    public Integer sensorCount() {
        return sensorCount;
    }

    /** Whether this BMS turned out to send its current with the sign inverted (see the README). */
    public boolean currentInverted() {
        return sign.invertedNow();
    }

    /**
     * Every message a chunk completes, or the one message of a CAN frame.
     *
     * @throws MalformedFrameException naming the bytes skipped in a chunk (no start byte, a wrong
     *         length byte or checksum, an unfinished frame gone stale) or a frame whose content cannot
     *         be; {@link MalformedFrameException#decoded()} holds the chunk's messages all the same,
     *         {@link MalformedFrameException#skipped()} the skipped bytes
     */
    public List<DecodedMessage> decodeAll(CanFrame f) throws MalformedFrameException {
        if (!f.chunk()) {
            DecodedMessage m = decode(f);
            return m == null ? List.of() : List.of(m);
        }
        boolean sent = f.direction() == Direction.TX;
        DalyStreamReader.Result r = (sent ? tx : rx).feed(f.data(), f.timestampMicros());
        List<DecodedMessage> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ByteArrayOutputStream skipped = new ByteArrayOutputStream();
        for (DalyStreamReader.Skip s : r.skipped()) {
            problems.add("skipped " + s);
            skipped.writeBytes(s.bytes());
        }
        for (byte[] frame : r.frames()) {
            if (DalyCodec.isHostAddress(frame[1] & 0xFF)) {
                continue; // a host's request
            }
            CanFrame carrier = CanFrame.chunk(f.timestampMicros(), f.bus(), f.direction(), frame);
            try {
                DecodedMessage m = message(frame[2] & 0xFF, Arrays.copyOfRange(frame, 4, 12), carrier,
                        "frame " + DalyCodec.hex(frame, 0, frame.length));
                if (m != null) {
                    out.add(m);
                }
            } catch (MalformedFrameException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new MalformedFrameException("daly on " + f.bus() + (sent ? " tx: " : " rx: ")
                    + String.join("; ", problems), out, skipped.size() == 0 ? null : skipped.toByteArray());
        }
        return out;
    }

    /**
     * The message of a CAN frame with a Daly reply id ({@code 0x18<id>40<bms>}), or null for any
     * other frame. A chunk gives the first message it completes: use {@link #decodeAll} for chunks.
     */
    public DecodedMessage decode(CanFrame f) throws MalformedFrameException {
        if (f.chunk()) {
            List<DecodedMessage> all = decodeAll(f);
            return all.isEmpty() ? null : all.get(0);
        }
        if (!f.extended() || f.remote() || f.error() || f.fd() || !DalyCodec.isReplyId(f.id())) {
            return null;
        }
        int dataId = f.id() >>> 16 & 0xFF;
        String name = DalyCodec.messageName(dataId);
        if (name == null) {
            return null;
        }
        FrameFields.requireLength(f, DalyCodec.DATA_LENGTH, name);
        return message(dataId, Arrays.copyOf(f.data(), DalyCodec.DATA_LENGTH), f, "0x" + f.idHex());
    }

    private DecodedMessage message(int dataId, byte[] d, CanFrame carrier, String where)
            throws MalformedFrameException {
        String name = DalyCodec.messageName(dataId);
        if (name == null) {
            return null;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        long t = carrier.timestampMicros();
        switch (dataId) {
            case DalyCodec.SOC -> {
                s.put("pack.voltage", Decimals.scale(u16(d, 0), 1));
                s.put(DalySignals.ACQUISITION_VOLTAGE, Decimals.scale(u16(d, 2), 1));
                s.put("pack.current", Decimals.scale(sign.current(u16(d, 4) - DalyCodec.CURRENT_OFFSET, t), 1));
                s.put("soc", Decimals.scale(u16(d, 6), 1));
            }
            case DalyCodec.CELL_VOLTAGE_RANGE -> {
                s.put("cell.voltage.max", Decimals.scale(u16(d, 0), 3));
                s.put(DalySignals.MAX_CELL, (long) u8(d, 2));
                s.put("cell.voltage.min", Decimals.scale(u16(d, 3), 3));
                s.put(DalySignals.MIN_CELL, (long) u8(d, 5));
            }
            case DalyCodec.TEMPERATURE_RANGE -> {
                s.put("cell.temperature.max", celsius(u8(d, 0)));
                s.put(DalySignals.MAX_SENSOR, (long) u8(d, 1));
                s.put("cell.temperature.min", celsius(u8(d, 2)));
                s.put(DalySignals.MIN_SENSOR, (long) u8(d, 3));
            }
            case DalyCodec.MOSFET_STATUS -> {
                sign.state(u8(d, 0), t);
                s.put(DalySignals.STATE, (long) u8(d, 0));
                s.put("fet.charge", u8(d, 1) != 0);
                s.put("fet.discharge", u8(d, 2) != 0);
                s.put(DalySignals.BMS_LIFE, (long) u8(d, 3));
                s.put("capacity.remaining", Decimals.scale(u32(d, 4), 3));
            }
            case DalyCodec.STATUS_INFO -> statusInfo(d, s);
            case DalyCodec.CELL_VOLTAGES -> {
                int first = firstOf(d, DalyCodec.CELLS_PER_FRAME, name, where);
                for (int k = 0; k < DalyCodec.CELLS_PER_FRAME && first + k <= StandardSignals.MAX_CELLS; k++) {
                    int cell = first + k;
                    int mv = u16(d, 1 + 2 * k);
                    if (cellCount != null ? cell <= cellCount : mv != 0) {
                        s.put(StandardSignals.cellVoltage(cell).key(), Decimals.scale(mv, 3));
                    }
                }
            }
            case DalyCodec.CELL_TEMPERATURES -> {
                int first = firstOf(d, DalyCodec.SENSORS_PER_FRAME, name, where);
                for (int k = 0; k < DalyCodec.SENSORS_PER_FRAME && first + k <= StandardSignals.MAX_CELLS; k++) {
                    int sensor = first + k;
                    int raw = u8(d, 1 + k);
                    if (sensorCount != null ? sensor <= sensorCount : raw != 0) {
                        s.put(StandardSignals.temperature(sensor).key(), celsius(raw));
                    }
                }
            }
            case DalyCodec.CELL_BALANCE -> {
                for (int cell = 1; cell <= 48; cell++) {
                    boolean on = (d[(cell - 1) / 8] >> ((cell - 1) % 8) & 1) != 0;
                    if (cellCount != null ? cell <= cellCount : on) {
                        s.put(StandardSignals.cellBalancing(cell).key(), on);
                    }
                }
            }
            case DalyCodec.FAILURE_CODES -> {
                for (DalySignals.Fault fault : DalySignals.FAULTS) {
                    s.put(fault.key(), (d[fault.byteIndex()] >> fault.bit() & 1) != 0);
                }
                s.put(DalySignals.FAULT_CODE, (long) u8(d, 7));
            }
            default -> { } // the answer to a MOSFET command: no values
        }
        return new DecodedMessage(DalyCodec.PROTOCOL, name, carrier, null, null, null, null, null, null, dataId, s);
    }

    private void statusInfo(byte[] d, Map<String, Object> s) {
        cellCount = u8(d, 0) == 0 ? null : u8(d, 0);
        sensorCount = u8(d, 1) == 0 ? null : u8(d, 1);
        s.put("cell.count", (long) u8(d, 0));
        s.put(DalySignals.SENSOR_COUNT, (long) u8(d, 1));
        s.put(DalySignals.CHARGER, u8(d, 2) != 0);
        s.put(DalySignals.LOAD, u8(d, 3) != 0);
        for (int i = 0; i < 4; i++) {
            s.put(DalySignals.DI + (i + 1), (d[4] >> i & 1) != 0);
        }
        for (int i = 0; i < 4; i++) {
            s.put(DalySignals.DO + (i + 1), (d[4] >> (i + 4) & 1) != 0);
        }
        s.put("cycles", (long) u16(d, 5));
    }

    /** The first cell or sensor number of a 0x95/0x96 frame: frame n (from 1) carries {@code per} of them. */
    private static int firstOf(byte[] d, int per, String name, String where) throws MalformedFrameException {
        int frameNumber = u8(d, 0);
        if (frameNumber == 0) {
            throw new MalformedFrameException(String.format("0x%02X %s %s: frame number 0; Daly numbers them from 1",
                    per == DalyCodec.CELLS_PER_FRAME ? DalyCodec.CELL_VOLTAGES : DalyCodec.CELL_TEMPERATURES, name,
                    where));
        }
        return (frameNumber - 1) * per + 1;
    }

    private static double celsius(int raw) {
        return raw - DalyCodec.TEMPERATURE_OFFSET;
    }

    private static int u8(byte[] d, int i) {
        return d[i] & 0xFF;
    }
}
