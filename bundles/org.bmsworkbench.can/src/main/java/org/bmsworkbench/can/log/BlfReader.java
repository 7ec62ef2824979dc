package org.bmsworkbench.can.log;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.bmsworkbench.can.CanFrame;

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
    private final BlfFrameDecoder decoder;
    private boolean headerRead;
    private long objects;
    private long skippedObjects;
    private long skipped;
    /** Look for the next {@code LOBJ} anywhere, not just past up to three padding bytes. */
    private boolean scanning;
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
        this.decoder = new BlfFrameDecoder(stream::fault);
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
            decoder.startMicros = Blf.systemTimeMicros(b, p + 40);
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
            CanFrame frame = decoder.decode(s.win, p, type, (int) size, at);
            if (frame != null) {
                return frame;
            }
            skippedObjects++; // a CAN FD transmit request
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
        return decoder.startMicros;
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
