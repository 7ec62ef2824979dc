package org.bmsworkbench.can.log;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The stream of objects inside the containers of a BLF file, uncompressed as it is read: the
 * containers' data run on from one to the next, so an object may begin in one container and end
 * in another. An object outside any container is part of the stream too. Holds a window of
 * {@link #WINDOW} uncompressed bytes plus the file buffer and one {@link Inflater}, whatever the
 * size of a container or of the file.
 *
 * <p>A damaged container (zlib fault, cut short by the end of the file, sizes that disagree) is
 * reported once; what was inflated before the damage stays readable, and the stream notes the
 * gap, so that the reader drops the object cut by it and looks for the next {@code LOBJ}.
 */
final class BlfObjectStream {
    static final int WINDOW = 1 << 16;
    /** Largest uncompressed size a container may declare. */
    static final long MAX_CONTAINER_DATA = 64L << 20;
    private static final int RING = 256;

    private final BlfFileInput file;
    private final String source;
    private final Inflater inflater = new Inflater();

    final byte[] win = new byte[WINDOW];
    /** Next unread byte of the window. */
    int pos;
    /** End of the uncompressed bytes in the window. */
    int limit;
    /** Stream offset of {@code win[0]}. */
    private long windowOffset;
    /** Stream offset where data is missing after a damaged container, or {@code Long.MAX_VALUE}. */
    private long gap = Long.MAX_VALUE;

    private boolean inContainer;
    private boolean compressed;
    /** What the current source is: {@code LOG_CONTAINER}, or the type of a top-level object. */
    private String kind = "";
    private long containerOffset;
    private long containerSize;
    private long remainingIn;
    private long declaredOut;
    private long produced;
    /** Where each recent source of the stream begins: stream offset, file offset, container or not. */
    private final long[] ringStream = new long[RING];
    private final long[] ringFile = new long[RING];
    private final boolean[] ringContainer = new boolean[RING];
    private int ringNext;
    private int ringSize;
    /** The top-level reader needs to look for the next {@code LOBJ} (after damage). */
    private boolean fileResync;

    BlfObjectStream(BlfFileInput file, String source) {
        this.file = file;
        this.source = source;
    }

    /** Stream offset of {@code win[index]}. */
    long streamOffset(int index) {
        return windowOffset + index;
    }

    long gap() {
        return gap;
    }

    void clearGap() {
        gap = Long.MAX_VALUE;
    }

    /**
     * Makes at least {@code n} (at most {@link #WINDOW}) bytes available from {@link #pos};
     * returns how many are, fewer only at the end of the file.
     *
     * @throws LogParseException for a damaged container or top-level object (reading may go on)
     */
    int fill(int n) throws IOException, LogParseException {
        while (limit - pos < n) {
            if (!inContainer) {
                try {
                    if (!openNext()) {
                        return limit - pos;
                    }
                } catch (LogParseException e) {
                    gap = Math.min(gap, streamOffset(limit));
                    throw e;
                }
                continue;
            }
            if (limit == win.length || win.length - limit < n - (limit - pos)) {
                System.arraycopy(win, pos, win, 0, limit - pos);
                windowOffset += pos;
                limit -= pos;
                pos = 0;
            }
            produce();
        }
        return limit - pos;
    }

    /** Consumes {@code n} bytes from {@link #pos}; returns how many, fewer only at the end of the file. */
    long skip(long n) throws IOException, LogParseException {
        long done = 0;
        while (done < n) {
            if (pos == limit && fill(1) == 0) {
                break;
            }
            int k = (int) Math.min(n - done, limit - pos);
            pos += k;
            done += k;
        }
        return done;
    }

    /** A fault at stream offset {@code at}, located by the container (or top-level object) holding it. */
    LogParseException fault(long at, String reason) {
        for (int i = 1; i <= ringSize; i++) {
            int r = Math.floorMod(ringNext - i, RING);
            if (ringStream[r] <= at) {
                long k = at - ringStream[r];
                return ringContainer[r]
                        ? LogParseException.atByte(source, ringFile[r], "LOG_CONTAINER data byte " + k + ": " + reason)
                        : LogParseException.atByte(source, ringFile[r] + k, reason);
            }
        }
        return LogParseException.atByte(source, file.offset(), reason);
    }

    private void remember(long fileOffset, boolean container) {
        ringStream[ringNext] = streamOffset(limit);
        ringFile[ringNext] = fileOffset;
        ringContainer[ringNext] = container;
        ringNext = (ringNext + 1) % RING;
        ringSize = Math.min(ringSize + 1, RING);
    }

    /** Reads the next top-level object's header; false at the end of the file. */
    private boolean openNext() throws IOException, LogParseException {
        if (fileResync) {
            fileResync = false;
            if (!file.findObjectSignature()) {
                return false;
            }
        }
        long at = file.offset();
        int available = file.require(Blf.BASE_HEADER_SIZE + 3);
        int shift = 0;
        while (shift < 4 && shift + 4 <= available && !Blf.isObjectSignature(file.buf, file.pos + shift)) {
            shift++;
        }
        if (shift + 4 > available) {
            if (available <= 3 && Blf.isZero(file.buf, file.pos, available)) { // padding after the last object
                file.skip(available);
                return false;
            }
            int zeros = 0;
            while (zeros < 3 && zeros < available && file.buf[file.pos + zeros] == 0) {
                zeros++;
            }
            file.skip(available);
            throw LogParseException.atByte(source, at + zeros, "object cut short by the end of the file");
        }
        if (shift == 4) {
            fileResync = true;
            file.skip(1);
            throw LogParseException.atByte(source, at, "no object here (no LOBJ signature)");
        }
        file.skip(shift);
        at += shift;
        available -= shift;
        if (available < Blf.BASE_HEADER_SIZE) {
            file.skip(available);
            throw LogParseException.atByte(source, at, "object header cut short by the end of the file");
        }
        byte[] b = file.buf;
        int p = file.pos;
        long size = Blf.u32(b, p + 8);
        int type = Blf.i32(b, p + 12);
        if (type != Blf.LOG_CONTAINER) {
            if (size < Blf.BASE_HEADER_SIZE) {
                fileResync = true;
                file.skip(1);
                throw LogParseException.atByte(source, at, "object size " + size + " is smaller than its "
                        + Blf.BASE_HEADER_SIZE + "-byte header");
            }
            startSource(at, Blf.typeName(type), false, size, size, size);
            return true;
        }
        if (file.require(Blf.CONTAINER_HEADER_SIZE) < Blf.CONTAINER_HEADER_SIZE) {
            file.skip(file.limit - file.pos);
            throw LogParseException.atByte(source, at, "LOG_CONTAINER header cut short by the end of the file");
        }
        b = file.buf;
        p = file.pos;
        int method = Blf.u16(b, p + 16);
        long declared = Blf.u32(b, p + 24);
        long dataSize = size - Blf.CONTAINER_HEADER_SIZE;
        String problem = null;
        if (size < Blf.CONTAINER_HEADER_SIZE) {
            problem = "LOG_CONTAINER size " + size + " is smaller than its " + Blf.CONTAINER_HEADER_SIZE + "-byte header";
        } else if (method != Blf.NO_COMPRESSION && method != Blf.ZLIB_DEFLATE) {
            problem = "LOG_CONTAINER compression method " + method + " (known: 0 none, 2 zlib)";
        } else if (declared > MAX_CONTAINER_DATA) {
            problem = "LOG_CONTAINER declares " + declared + " bytes uncompressed, more than " + MAX_CONTAINER_DATA;
        } else if (method == Blf.NO_COMPRESSION && dataSize != declared) {
            problem = "uncompressed LOG_CONTAINER of " + dataSize + " data bytes declares " + declared;
        }
        if (problem != null) {
            fileResync = true;
            file.skip(1);
            throw LogParseException.atByte(source, at, problem);
        }
        file.skip(Blf.CONTAINER_HEADER_SIZE);
        startSource(at, "LOG_CONTAINER", method == Blf.ZLIB_DEFLATE, size, dataSize, declared);
        return true;
    }

    private void startSource(long at, String what, boolean zlib, long size, long dataSize, long declared) {
        remember(at, what.equals("LOG_CONTAINER"));
        kind = what;
        inContainer = true;
        compressed = zlib;
        containerOffset = at;
        containerSize = size;
        remainingIn = dataSize;
        declaredOut = declared;
        produced = 0;
        inflater.reset();
    }

    /** Moves uncompressed bytes of the current container (or top-level object) into the window. */
    private void produce() throws IOException, LogParseException {
        int space = win.length - limit;
        if (!compressed) {
            if (remainingIn == 0) {
                endSource();
                return;
            }
            int available = file.require(1);
            if (available == 0) {
                damaged(null);
            }
            int k = (int) Math.min(Math.min(space, remainingIn), available);
            System.arraycopy(file.buf, file.pos, win, limit, k);
            file.pos += k;
            limit += k;
            remainingIn -= k;
            produced += k;
            return;
        }
        if (inflater.finished()) {
            endSource();
            return;
        }
        if (inflater.needsInput()) {
            if (remainingIn == 0) {
                damaged("zlib data cut short: the container ends before the zlib stream does");
            }
            int available = file.require(1);
            if (available == 0) {
                damaged(null);
            }
            int k = (int) Math.min(available, remainingIn);
            inflater.setInput(file.buf, file.pos, k);
            file.pos += k;
            remainingIn -= k;
        }
        try {
            int n = inflater.inflate(win, limit, space);
            limit += n;
            produced += n;
            if (n == 0 && inflater.needsDictionary()) {
                damaged("bad zlib data: a preset dictionary is required");
            }
        } catch (DataFormatException e) {
            damaged("bad zlib data: " + e.getMessage());
        }
        if (produced > declaredOut) {
            damaged("LOG_CONTAINER holds more than the " + declaredOut + " bytes it declares");
        }
    }

    private void endSource() throws IOException, LogParseException {
        inContainer = false;
        int trailing = compressed ? inflater.getRemaining() : 0;
        long unused = remainingIn;
        if (trailing > 0 || unused > 0) {
            long present = file.skip(unused);
            remainingIn = 0;
            gap = streamOffset(limit);
            if (present < unused) {
                throw LogParseException.atByte(source, containerOffset, kind + " of " + containerSize
                        + " bytes runs past the end of the file (" + (file.offset() - containerOffset)
                        + " bytes of it present)");
            }
            throw LogParseException.atByte(source, containerOffset, (trailing + unused)
                    + " bytes after the end of the zlib data of the LOG_CONTAINER");
        }
        if (produced != declaredOut) {
            throw LogParseException.atByte(source, containerOffset, "LOG_CONTAINER holds " + produced
                    + " bytes uncompressed but declares " + declaredOut);
        }
    }

    /** Ends the current container at a fault: the data after it is missing from the stream. */
    private void damaged(String reason) throws IOException, LogParseException {
        inContainer = false;
        gap = streamOffset(limit);
        if (reason == null) {
            throw LogParseException.atByte(source, containerOffset, kind + " of " + containerSize
                    + " bytes runs past the end of the file (" + (file.offset() - containerOffset)
                    + " bytes of it present)");
        }
        file.skip(remainingIn);
        remainingIn = 0;
        throw LogParseException.atByte(source, containerOffset, reason);
    }

    /** After a bad file header: look for the first object anywhere. */
    void resyncFile() {
        fileResync = true;
    }

    void close() {
        inflater.end();
    }
}
