package org.bmsworkbench.can.log;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Reads Vector binary logs (BLF) as a stream: the file header, then the objects of the
 * LOG_CONTAINERs (zlib-compressed or not, objects may run from one container into the next),
 * in constant memory whatever the size of the file (see {@link BlfObjectStream}).
 *
 * <p>Frames come from CAN_MESSAGE, CAN_MESSAGE2, CAN_FD_MESSAGE, CAN_FD_MESSAGE_64 and
 * CAN_ERROR_EXT objects; every other object is skipped by its size and counted in
 * {@link #skippedObjects()}. A frame's time is the header's measurement start, taken as UTC, plus
 * the object's time stamp (10 µs or 1 ns units, nanoseconds rounded to the microsecond). Channel
 * N is bus {@code can<N-1>}.
 *
 * <p>{@link #linesRead()} counts the objects read (inside the containers, skipped ones too);
 * {@link #skippedLines()} counts the faults skipped in tolerant mode. Faults name the file and
 * the byte offset (of the container, and the byte in its data, for an object inside one). In
 * tolerant mode reading goes on at the next {@code LOBJ} signature.
 */
public final class BlfReader implements CanLogReader {
    /** Largest frame object read whole; a larger size is a fault. */
    static final int MAX_FRAME_OBJECT = 4096;

    private final BlfFileInput file;
    private final BlfObjectStream stream;
    private final String source;
    private final ProblemListener problems;
    private boolean headerRead;
    private long startMicros;
    private long objects;
    private long skippedObjects;
    private long skipped;
    /** Look for the next {@code LOBJ} anywhere, not just past up to three padding bytes. */
    private boolean scanning;
    private String[] buses = new String[8];
    private boolean closed;

    /**
     * A reader of the BLF log on {@code in} (from its first byte, {@code LOGG}); closing the reader
     * closes {@code in}.
     *
     * @param sourceName the name faults give for the file
     * @param problems   null for strict mode; otherwise tolerant mode, told of each fault skipped
     */
    public BlfReader(InputStream in, String sourceName, ProblemListener problems) {
        this.file = new BlfFileInput(Objects.requireNonNull(in, "in"));
        this.source = Objects.requireNonNull(sourceName, "sourceName");
        this.stream = new BlfObjectStream(file, sourceName);
        this.problems = problems;
    }

    @Override
    public CanFrame next() throws IOException, LogParseException {
        if (closed) {
            throw new IOException(source + ": the log reader is closed");
        }
        while (true) {
            try {
                if (!headerRead) {
                    headerRead = true;
                    readHeader();
                }
                return nextFrame();
            } catch (LogParseException e) {
                if (problems == null) {
                    throw e;
                }
                skipped++;
                problems.skipped(e);
            }
        }
    }

    private void readHeader() throws IOException, LogParseException {
        int n = file.require(Blf.FILE_HEADER_FIELDS);
        byte[] b = file.buf;
        if (n < 4 || Blf.i32(b, file.pos) != Blf.FILE_SIGNATURE) {
            stream.resyncFile();
            throw LogParseException.atByte(source, 0, "not a BLF file: no LOGG signature");
        }
        if (n < Blf.FILE_HEADER_FIELDS) {
            file.skip(n);
            throw LogParseException.atByte(source, 0, "file header cut short: " + n + " bytes");
        }
        int p = file.pos;
        long headerSize = Blf.u32(b, p + 4);
        String problem = null;
        try {
            startMicros = Blf.systemTimeMicros(b, p + 40);
        } catch (IllegalArgumentException e) {
            problem = "measurement start: " + e.getMessage() + " (times are taken from 1970-01-01)";
        }
        if (headerSize < Blf.FILE_HEADER_FIELDS || headerSize > BlfFileInput.BUFFER_SIZE) {
            problem = "file header size " + headerSize + " (taken as " + Blf.FILE_HEADER_SIZE + ")";
            headerSize = Blf.FILE_HEADER_SIZE;
        }
        long present = file.skip(headerSize);
        if (present < headerSize) {
            throw LogParseException.atByte(source, 0, "file header cut short: " + present + " of " + headerSize
                    + " bytes");
        }
        if (problem != null) {
            throw LogParseException.atByte(source, 0, problem);
        }
    }

    private CanFrame nextFrame() throws IOException, LogParseException {
        BlfObjectStream s = stream;
        while (true) {
            if (!locateObject()) {
                return null;
            }
            int p = s.pos;
            long at = s.streamOffset(p);
            byte[] w = s.win;
            long size = Blf.u32(w, p + 8);
            int type = Blf.i32(w, p + 12);
            objects++;
            if (size < Blf.BASE_HEADER_SIZE) {
                s.pos = p + 1;
                scanning = true;
                throw s.fault(at, "object size " + size + " is smaller than its " + Blf.BASE_HEADER_SIZE
                        + "-byte header");
            }
            if (at + size > s.gap()) {
                dropToGap(at);
                continue;
            }
            if (!isFrameType(type)) {
                skippedObjects++;
                long done = s.skip(size);
                if (done < size) {
                    throw s.fault(at, Blf.typeName(type) + " of " + size + " bytes cut short by the end of the file ("
                            + done + " bytes of it present)");
                }
                continue;
            }
            if (size > MAX_FRAME_OBJECT) {
                s.pos = p + 1;
                scanning = true;
                throw s.fault(at, Blf.typeName(type) + " of " + size + " bytes, more than a frame object takes ("
                        + MAX_FRAME_OBJECT + ")");
            }
            int got = s.fill((int) size);
            if (got < size) {
                s.pos = s.limit;
                throw s.fault(at, Blf.typeName(type) + " of " + size + " bytes cut short by the end of the file ("
                        + got + " bytes of it present)");
            }
            p = s.pos;
            s.pos = p + (int) size;
            CanFrame frame = decode(s.win, p, type, (int) size, at);
            if (frame != null) {
                return frame;
            }
        }
    }

    private static boolean isFrameType(int type) {
        return type == Blf.CAN_MESSAGE || type == Blf.CAN_MESSAGE2 || type == Blf.CAN_ERROR_EXT
                || type == Blf.CAN_FD_MESSAGE || type == Blf.CAN_FD_MESSAGE_64;
    }

    /**
     * Moves to the next object's {@code LOBJ}, past up to three bytes of padding, with its base
     * header in the window; false at the end of the file.
     */
    private boolean locateObject() throws IOException, LogParseException {
        BlfObjectStream s = stream;
        long here = s.streamOffset(s.pos);
        if (here >= s.gap()) {
            s.clearGap();
            scanning = true;
        } else if (here + Blf.BASE_HEADER_SIZE > s.gap()) {
            dropToGap(here);
        }
        if (scanning) {
            if (!scan()) {
                return false;
            }
            scanning = false;
        } else {
            int available = s.fill(4);
            if (available == 0) {
                return false;
            }
            if (available < 4 || !Blf.isObjectSignature(s.win, s.pos)) {
                available = s.fill(7);
                int shift = 1;
                while (shift < 4 && (shift + 4 > available || !Blf.isObjectSignature(s.win, s.pos + shift))) {
                    shift++;
                }
                if (shift == 4) {
                    if (available <= 3 && Blf.isZero(s.win, s.pos, available)) { // padding after the last object
                        s.pos = s.limit;
                        return false;
                    }
                    long at = s.streamOffset(s.pos);
                    s.pos++;
                    scanning = true;
                    throw s.fault(at, "no object here (no LOBJ signature)");
                }
                s.pos += shift;
            }
        }
        long at = s.streamOffset(s.pos);
        if (at + Blf.BASE_HEADER_SIZE > s.gap()) {
            dropToGap(at);
            return locateObject();
        }
        int available = s.fill(Blf.BASE_HEADER_SIZE);
        if (available < Blf.BASE_HEADER_SIZE) {
            s.pos = s.limit;
            throw s.fault(at, "object header cut short by the end of the file");
        }
        return true;
    }

    /** Finds the next {@code LOBJ} anywhere in the stream; false at the end. */
    private boolean scan() throws IOException, LogParseException {
        BlfObjectStream s = stream;
        while (true) {
            if (s.fill(4) < 4) {
                s.pos = s.limit;
                return false;
            }
            byte[] w = s.win;
            for (int i = s.pos; i + 4 <= s.limit; i++) {
                if (w[i] == 'L' && Blf.isObjectSignature(w, i)) {
                    s.pos = i;
                    return true;
                }
            }
            s.pos = s.limit - 3;
        }
    }

    /** Drops the object at {@code at}, cut by a damaged container (already reported). */
    private void dropToGap(long at) throws IOException, LogParseException {
        stream.skip(stream.gap() - at);
        stream.clearGap();
        scanning = true;
    }

    /** The frame of a frame object, or null for one that carries none (a transmit request). */
    private CanFrame decode(byte[] w, int p, int type, int size, long at) throws LogParseException {
        int version = Blf.u16(w, p + 6);
        int headerSize = switch (version) {
            case 1 -> Blf.HEADER_V1_SIZE;
            case 2 -> Blf.HEADER_V2_SIZE;
            default -> throw stream.fault(at, Blf.typeName(type) + " with object header version " + version
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
            throw stream.fault(at, Blf.typeName(type) + " of " + size + " bytes, too small: it needs "
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
            throw stream.fault(at, Blf.typeName(type) + ": " + e.getMessage());
        }
    }

    private long offsetMicros(long flags, long stamp, int type, long at) throws LogParseException {
        if (stamp < 0) {
            throw stream.fault(at, Blf.typeName(type) + " time stamp " + Long.toUnsignedString(stamp)
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
            skippedObjects++;
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
            throw stream.fault(at, "channel 0: BLF channels start at 1");
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

    @Override
    public LogFormat format() {
        return LogFormat.BLF;
    }

    /** Objects read so far (those inside containers; skipped ones too). */
    @Override
    public long linesRead() {
        return objects;
    }

    /** Faults skipped so far (tolerant mode only). */
    @Override
    public long skippedLines() {
        return skipped;
    }

    /** Objects of other types than the frame objects (and CAN FD transmit requests) skipped so far. */
    public long skippedObjects() {
        return skippedObjects;
    }

    /** The measurement start of the file header (UTC), microseconds since the epoch; 0 before the first read. */
    long startMicros() {
        return startMicros;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            stream.close();
            file.close();
        }
    }
}
