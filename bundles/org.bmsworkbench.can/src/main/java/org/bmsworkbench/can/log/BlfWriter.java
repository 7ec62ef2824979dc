package org.bmsworkbench.can.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.Deflater;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * Writes Vector binary logs (BLF), streaming. Frames are gathered into a LOG_CONTAINER of up to
 * {@link #CONTAINER_BYTES} uncompressed bytes (as python-can does), compressed with zlib level 6,
 * and written when it is full, on {@link #flush()} and on {@link #close()}; a container holds
 * whole objects only. The file header goes out with the first container; it names the
 * measurement start (the first frame's time, cut to the millisecond, UTC). {@link #close()}
 * rewrites the header with the object count, the sizes and the last frame's time when the writer
 * was opened on a file ({@link #BlfWriter(Path)}); on a stream they stay 0.
 *
 * <p>Classic frames are CAN_MESSAGE objects, CAN FD frames CAN_FD_MESSAGE_64, error frames
 * CAN_ERROR_EXT (the class in the id, the data as data, TX as the extended error code's TX bit).
 * Times are nanoseconds from the measurement start. Bus {@code canN} is channel N+1 when that
 * number is still free; any other bus takes the lowest free channel (at most 255). A frame without
 * a timestamp is written at the time of the frame before it, a frame earlier than the first at the
 * measurement start.
 */
public final class BlfWriter implements CanLogWriter {
    /** Uncompressed bytes of objects per container. */
    public static final int CONTAINER_BYTES = 128 * 1024;
    static final int MAX_CHANNEL = 255;
    private static final int LARGEST_OBJECT = Blf.HEADER_V1_SIZE + Blf.CAN_FD_MESSAGE_64_BODY + CanFrame.MAX_FD_LENGTH;
    /** Application id and BL API version python-can writes, with which Vector's tools open its files. */
    private static final int APPLICATION_ID = 5;
    private static final byte[] API_VERSION = {2, 6, 8, 1};

    private final OutputStream out;
    private final FileChannel channel;
    private final Deflater deflater;
    private final Clock clock;
    private final byte[] objects;
    private final int containerBytes;
    private byte[] container = new byte[Blf.CONTAINER_HEADER_SIZE + CONTAINER_BYTES + 1024];
    private int used;
    private final ChannelNumbers channels = new ChannelNumbers(MAX_CHANNEL, "BLF log");
    private boolean started;
    private boolean headerWritten;
    private long startMicros;
    private long lastOffsetNanos;
    private long stopMicros;
    private long written;
    private long fileBytes;
    private long uncompressedBytes = Blf.FILE_HEADER_SIZE;
    private boolean closed;

    /** A writer on a stream, which it closes when closed; the header keeps 0 for counts and sizes. */
    public BlfWriter(OutputStream out) {
        this(Objects.requireNonNull(out, "out"), null, 6, CONTAINER_BYTES, Clock.systemUTC());
    }

    /** A writer creating (or replacing) {@code file}; {@link #close()} completes its header. */
    public BlfWriter(Path file) throws IOException {
        this(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE), 6, CONTAINER_BYTES, Clock.systemUTC());
    }

    private BlfWriter(FileChannel channel, int level, int containerBytes, Clock clock) {
        this(Channels.newOutputStream(channel), channel, level, containerBytes, clock);
    }

    /**
     * @param level          zlib level 1..9, or 0 for containers without compression
     * @param containerBytes uncompressed bytes per container, at least one object's worth
     */
    BlfWriter(OutputStream out, FileChannel channel, int level, int containerBytes, Clock clock) {
        if (containerBytes < LARGEST_OBJECT || containerBytes > CONTAINER_BYTES) {
            throw new IllegalArgumentException("container size " + containerBytes + " outside " + LARGEST_OBJECT
                    + ".." + CONTAINER_BYTES);
        }
        this.out = out;
        this.channel = channel;
        this.deflater = level == 0 ? null : new Deflater(level);
        this.containerBytes = containerBytes;
        this.objects = new byte[containerBytes];
        this.clock = clock;
    }

    @Override
    public void write(CanFrame frame) throws IOException {
        if (closed) {
            throw new IOException("the log writer is closed");
        }
        SerialTraceWriter.refuseChunk(frame, "Vector BLF");
        int channelNumber = channel(frame.bus());
        if (!started) {
            started = true;
            startMicros = frame.hasTimestamp() ? Math.floorDiv(frame.timestampMicros(), 1000L) * 1000L : 0;
            stopMicros = startMicros;
        }
        if (frame.hasTimestamp()) {
            long offset = frame.timestampMicros() - startMicros;
            lastOffsetNanos = offset <= 0 ? 0 : offset <= Long.MAX_VALUE / 1000 ? offset * 1000 : Long.MAX_VALUE;
            stopMicros = Math.max(stopMicros, frame.timestampMicros());
        }
        int body = frame.error() ? Blf.CAN_ERROR_EXT_BODY
                : frame.fd() ? Blf.CAN_FD_MESSAGE_64_BODY + frame.length() : Blf.CAN_MESSAGE_BODY;
        int size = Blf.HEADER_V1_SIZE + body;
        if (used + size > containerBytes) {
            writeContainer();
        }
        byte[] b = objects;
        int p = used;
        Arrays.fill(b, p, p + size, (byte) 0);
        Blf.put32(b, p, Blf.OBJECT_SIGNATURE);
        Blf.put16(b, p + 4, Blf.HEADER_V1_SIZE);
        Blf.put16(b, p + 6, 1);
        Blf.put32(b, p + 8, size);
        Blf.put32(b, p + 16, Blf.TIME_ONE_NANS);
        Blf.put64(b, p + 24, lastOffsetNanos);
        int q = p + Blf.HEADER_V1_SIZE;
        int id = frame.id() | (frame.extended() ? Blf.EXTENDED_ID : 0);
        boolean tx = frame.direction() == Direction.TX;
        if (frame.error()) {
            Blf.put32(b, p + 12, Blf.CAN_ERROR_EXT);
            Blf.put16(b, q, channelNumber);
            b[q + 10] = (byte) frame.length();
            Blf.put32(b, q + 16, id);
            Blf.put16(b, q + 20, tx ? Blf.ERROR_EXT_TX : 0);
            frame.copyData(b, q + 24);
        } else if (frame.fd()) {
            Blf.put32(b, p + 12, Blf.CAN_FD_MESSAGE_64);
            b[q] = (byte) channelNumber;
            b[q + 1] = (byte) CanFrame.fdDlcCodeOf(frame.length());
            b[q + 2] = (byte) frame.length();
            Blf.put32(b, q + 4, id);
            Blf.put32(b, q + 12, Blf.FD64_EDL | (frame.brs() ? Blf.FD64_BRS : 0) | (frame.esi() ? Blf.FD64_ESI : 0));
            b[q + 34] = (byte) (tx ? 1 : 0);
            frame.copyData(b, q + Blf.CAN_FD_MESSAGE_64_BODY);
        } else {
            Blf.put32(b, p + 12, Blf.CAN_MESSAGE);
            Blf.put16(b, q, channelNumber);
            b[q + 2] = (byte) ((tx ? Blf.FLAG_TX : 0) | (frame.remote() ? Blf.FLAG_REMOTE : 0));
            b[q + 3] = (byte) frame.dlc();
            Blf.put32(b, q + 4, id);
            frame.copyData(b, q + 8);
        }
        used += size;
        written++;
    }

    /** Compresses the objects gathered into a LOG_CONTAINER and writes it (after the file header, the first time). */
    private void writeContainer() throws IOException {
        if (used == 0) {
            return;
        }
        if (!headerWritten) {
            out.write(header(0, 0, 0, 0));
            headerWritten = true;
            fileBytes = Blf.FILE_HEADER_SIZE;
        }
        byte[] c = container;
        int dataSize;
        if (deflater == null) {
            System.arraycopy(objects, 0, c, Blf.CONTAINER_HEADER_SIZE, used);
            dataSize = used;
        } else {
            deflater.reset();
            deflater.setInput(objects, 0, used);
            deflater.finish();
            dataSize = 0;
            while (!deflater.finished()) {
                if (Blf.CONTAINER_HEADER_SIZE + dataSize == c.length) {
                    c = container = Arrays.copyOf(c, c.length * 2);
                }
                dataSize += deflater.deflate(c, Blf.CONTAINER_HEADER_SIZE + dataSize,
                        c.length - Blf.CONTAINER_HEADER_SIZE - dataSize);
            }
        }
        int size = Blf.CONTAINER_HEADER_SIZE + dataSize;
        int padded = size + Blf.padding(size);
        if (padded > c.length) {
            c = container = Arrays.copyOf(c, padded);
        }
        Arrays.fill(c, 0, Blf.CONTAINER_HEADER_SIZE, (byte) 0);
        Arrays.fill(c, size, padded, (byte) 0);
        Blf.put32(c, 0, Blf.OBJECT_SIGNATURE);
        Blf.put16(c, 4, Blf.BASE_HEADER_SIZE);
        Blf.put16(c, 6, 1);
        Blf.put32(c, 8, size);
        Blf.put32(c, 12, Blf.LOG_CONTAINER);
        Blf.put16(c, 16, deflater == null ? Blf.NO_COMPRESSION : Blf.ZLIB_DEFLATE);
        Blf.put32(c, 24, used);
        out.write(c, 0, padded);
        fileBytes += padded;
        uncompressedBytes += Blf.CONTAINER_HEADER_SIZE + used;
        used = 0;
    }

    /** The file header; 0 for the counts and sizes not known yet, and for an unknown stop time. */
    private byte[] header(long fileSize, long uncompressedSize, long objectCount, long stop) {
        byte[] h = new byte[Blf.FILE_HEADER_SIZE];
        Blf.put32(h, 0, Blf.FILE_SIGNATURE);
        Blf.put32(h, 4, Blf.FILE_HEADER_SIZE);
        h[8] = APPLICATION_ID;
        System.arraycopy(API_VERSION, 0, h, 12, API_VERSION.length);
        Blf.put64(h, 16, fileSize);
        Blf.put64(h, 24, uncompressedSize);
        Blf.put32(h, 32, (int) Math.min(objectCount, 0xFFFF_FFFFL));
        Blf.putSystemTime(h, 40, startMicros);
        if (stop != 0) {
            Blf.putSystemTime(h, 56, stop);
        }
        return h;
    }

    private int channel(String bus) {
        return channels.of(bus);
    }

    /** Writes the frames gathered so far as a container of their own, and flushes the stream. */
    @Override
    public void flush() throws IOException {
        if (closed) {
            return;
        }
        writeContainer();
        out.flush();
    }

    @Override
    public LogFormat format() {
        return LogFormat.BLF;
    }

    @Override
    public long framesWritten() {
        return written;
    }

    /** Bytes written to the file or stream so far. */
    public long bytesWritten() {
        return fileBytes;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!started) {
                startMicros = clock.millis() * 1000L;
                stopMicros = startMicros;
            }
            writeContainer();
            if (!headerWritten) {
                out.write(header(0, 0, 0, 0));
                headerWritten = true;
                fileBytes = Blf.FILE_HEADER_SIZE;
            }
            out.flush();
            if (channel != null) {
                ByteBuffer h = ByteBuffer.wrap(header(fileBytes, uncompressedBytes, written, stopMicros));
                long at = 0;
                while (h.hasRemaining()) {
                    at += channel.write(h, at);
                }
            }
        } finally {
            if (deflater != null) {
                deflater.end();
            }
            out.close();
        }
    }
}
