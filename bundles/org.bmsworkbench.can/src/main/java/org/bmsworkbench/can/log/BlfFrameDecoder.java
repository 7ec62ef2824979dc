package org.bmsworkbench.can.log;

import java.util.Arrays;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Turns the frame objects of a BLF file (CAN_MESSAGE, CAN_MESSAGE2, CAN_ERROR_EXT,
 * CAN_FD_MESSAGE, CAN_FD_MESSAGE_64) into frames; layouts as in Vector's binlog object
 * definitions and python-can's {@code can/io/blf.py}.
 */
final class BlfFrameDecoder {
    /** Locates a fault at a stream offset. */
    @FunctionalInterface
    interface Faults {
        LogParseException fault(long at, String reason);
    }

    private final Faults faults;
    private String[] buses = new String[8];
    /** The header's measurement start, microseconds since the epoch (UTC). */
    long startMicros;

    BlfFrameDecoder(Faults faults) {
        this.faults = faults;
    }

    /** The frame of a frame object, or null for one that carries none (a transmit request). */
    CanFrame decode(byte[] w, int p, int type, int size, long at) throws LogParseException {
        int version = Blf.u16(w, p + 6);
        int headerSize = switch (version) {
            case 1 -> Blf.HEADER_V1_SIZE;
            case 2 -> Blf.HEADER_V2_SIZE;
            default -> throw faults.fault(at, Blf.typeName(type) + " with object header version " + version
                    + " (known: 1, 2)");
        };
        int body = p + headerSize;
        int bodySize = size - headerSize;
        int needed = switch (type) {
            case Blf.CAN_ERROR_EXT -> Blf.CAN_ERROR_EXT_BODY;
            case Blf.CAN_FD_MESSAGE -> Blf.CAN_FD_MESSAGE_BODY;
            case Blf.CAN_FD_MESSAGE_64 -> Blf.CAN_FD_MESSAGE_64_BODY;
            default -> Blf.CAN_MESSAGE_BODY;
        };
        if (bodySize < needed) {
            throw faults.fault(at, Blf.typeName(type) + " of " + size + " bytes, too small: it needs "
                    + (headerSize + needed));
        }
        long time = startMicros + offsetMicros(Blf.u32(w, p + 16), Blf.i64(w, p + 24), type, at);
        try {
            return switch (type) {
                case Blf.CAN_ERROR_EXT -> errorFrame(w, body, time, at);
                case Blf.CAN_FD_MESSAGE -> fdMessage(w, body, bodySize, time, at);
                case Blf.CAN_FD_MESSAGE_64 -> fdMessage64(w, p, body, size, headerSize, time, at);
                default -> message(w, body, time, at);
            };
        } catch (IllegalArgumentException e) {
            throw faults.fault(at, Blf.typeName(type) + ": " + e.getMessage());
        }
    }

    private long offsetMicros(long flags, long stamp, int type, long at) throws LogParseException {
        if (stamp < 0) {
            throw faults.fault(at, Blf.typeName(type) + " time stamp " + Long.toUnsignedString(stamp)
                    + " is out of range");
        }
        if ((flags & 3) == Blf.TIME_TEN_MICS) {
            return stamp * 10;
        }
        return (stamp + 500) / 1000;
    }

    /** CAN_MESSAGE and CAN_MESSAGE2: channel u16, flags, DLC, id, 8 data bytes. */
    private CanFrame message(byte[] w, int body, long time, long at) throws LogParseException {
        String bus = bus(Blf.u16(w, body), at);
        int flags = Blf.u8(w, body + 2);
        int dlc = Math.min(Blf.u8(w, body + 3), 8);
        int id = Blf.i32(w, body + 4);
        boolean extended = (id & Blf.EXTENDED_ID) != 0;
        id &= CanFrame.MAX_EXTENDED_ID;
        CanFrame frame = (flags & Blf.FLAG_REMOTE) != 0 ? CanFrame.remote(time, bus, id, extended, dlc)
                : CanFrame.wrap(time, bus, id, extended, Arrays.copyOfRange(w, body + 8, body + 8 + dlc));
        return (flags & Blf.FLAG_TX) != 0 ? frame.withDirection(Direction.TX) : frame;
    }

    /**
     * CAN_ERROR_EXT: channel u16, length u16, flags u32, ECC, position, DLC, reserved, frame length
     * u32, id u32, extended error code u16, reserved u16, 8 data bytes. As python-can does, the id
     * is the error frame's class and the data its data; the extended error code's TX bit is TX.
     */
    private CanFrame errorFrame(byte[] w, int body, long time, long at) throws LogParseException {
        String bus = bus(Blf.u16(w, body), at);
        int dlc = Math.min(Blf.u8(w, body + 10), 8);
        int id = Blf.i32(w, body + 16) & CanFrame.MAX_EXTENDED_ID;
        CanFrame frame = CanFrame.error(time, bus, id, Arrays.copyOfRange(w, body + 24, body + 24 + dlc));
        return (Blf.u16(w, body + 20) & Blf.ERROR_EXT_TX) != 0 ? frame.withDirection(Direction.TX) : frame;
    }

    /**
     * CAN_FD_MESSAGE: channel u16, flags, DLC code, id, frame length u32, bit count, FD flags,
     * valid data bytes, 5 reserved, 64 data bytes.
     */
    private CanFrame fdMessage(byte[] w, int body, int bodySize, long time, long at) throws LogParseException {
        String bus = bus(Blf.u16(w, body), at);
        int flags = Blf.u8(w, body + 2);
        int fdFlags = Blf.u8(w, body + 13);
        int stored = Math.min(Blf.u8(w, body + 14), Math.min(64, bodySize - Blf.CAN_FD_MESSAGE_BODY));
        return frame(w, body + Blf.CAN_FD_MESSAGE_BODY, stored, Blf.u8(w, body + 3), Blf.i32(w, body + 4), bus, time,
                (fdFlags & Blf.FD_EDL) != 0, (fdFlags & Blf.FD_BRS) != 0, (fdFlags & Blf.FD_ESI) != 0,
                (flags & Blf.FLAG_REMOTE) != 0, (flags & Blf.FLAG_TX) != 0);
    }

    /**
     * CAN_FD_MESSAGE_64: channel u8, DLC code, valid data bytes, TX count, id, frame length,
     * flags u32, two bit timings, two time offsets, bit count u16, direction, extended data
     * offset, CRC, then the data (up to the extended data, if any).
     */
    private CanFrame fdMessage64(byte[] w, int p, int body, int size, int headerSize, long time, long at)
            throws LogParseException {
        String bus = bus(Blf.u8(w, body), at);
        int flags = Blf.i32(w, body + 12);
        int direction = Blf.u8(w, body + 34);
        if (direction == Blf.FD64_DIR_TX_REQUEST) {
            return null;
        }
        int extOffset = Blf.u8(w, body + 35);
        int dataEnd = extOffset != 0 && extOffset < size ? extOffset : size;
        int stored = Math.max(0, Math.min(Blf.u8(w, body + 2), dataEnd - headerSize - Blf.CAN_FD_MESSAGE_64_BODY));
        return frame(w, body + Blf.CAN_FD_MESSAGE_64_BODY, stored, Blf.u8(w, body + 1), Blf.i32(w, body + 4), bus,
                time, (flags & Blf.FD64_EDL) != 0, (flags & Blf.FD64_BRS) != 0, (flags & Blf.FD64_ESI) != 0,
                (flags & Blf.FD64_REMOTE) != 0, direction != 0);
    }

    /**
     * A frame of an FD object: with EDL a CAN FD frame of the DLC code's length, else a classic
     * one of min(DLC, 8) bytes. Bytes the object does not store (fewer valid data bytes than the
     * DLC says) are zero, as CANoe shows them.
     */
    private CanFrame frame(byte[] w, int data, int stored, int dlc, int rawId, String bus, long time, boolean edl,
            boolean brs, boolean esi, boolean remote, boolean tx) throws LogParseException {
        boolean extended = (rawId & Blf.EXTENDED_ID) != 0;
        int id = rawId & CanFrame.MAX_EXTENDED_ID;
        CanFrame frame;
        if (edl) {
            if (dlc > 15) {
                throw new IllegalArgumentException("DLC code " + dlc + " is outside 0..15");
            }
            if (remote) {
                throw new IllegalArgumentException("a CAN FD frame cannot be a remote frame");
            }
            byte[] bytes = new byte[CanFrame.fdLengthOf(dlc)];
            System.arraycopy(w, data, bytes, 0, Math.min(stored, bytes.length));
            frame = CanFrame.wrapFd(time, bus, id, extended, brs, esi, bytes);
        } else if (remote) {
            frame = CanFrame.remote(time, bus, id, extended, Math.min(dlc, 8));
        } else {
            byte[] bytes = new byte[Math.min(dlc, 8)];
            System.arraycopy(w, data, bytes, 0, Math.min(stored, bytes.length));
            frame = CanFrame.wrap(time, bus, id, extended, bytes);
        }
        return tx ? frame.withDirection(Direction.TX) : frame;
    }

    private String bus(int channel, long at) throws LogParseException {
        if (channel < 1) {
            throw faults.fault(at, "channel 0: BLF channels start at 1");
        }
        if (channel >= buses.length) {
            buses = Arrays.copyOf(buses, Math.max(channel + 1, buses.length * 2));
        }
        String bus = buses[channel];
        if (bus == null) {
            bus = "can" + (channel - 1);
            buses[channel] = bus;
        }
        return bus;
    }
}
