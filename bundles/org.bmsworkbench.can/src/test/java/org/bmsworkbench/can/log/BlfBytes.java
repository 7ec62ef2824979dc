package org.bmsworkbench.can.log;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.bmsworkbench.can.CanFrame;

/**
 * BLF files built byte by byte for the tests, from the layout of Vector's binlog object
 * definitions as python-can's can/io/blf.py packs them (struct formats quoted at each object).
 * Independent of {@link BlfWriter}: objects are laid out field by field here.
 */
final class BlfBytes {
    static final String SOURCE = "test.blf";
    /** 2020-09-14 12:26:40.500 UTC. */
    static final long START = 1_600_086_400_500_000L;

    private BlfBytes() {
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** File header "<4sLBBBBBBBBQQLL8H8H" padded to 144 bytes; start as SYSTEMTIME 2020-09-14 12:26:40.500 (a Monday). */
    static byte[] header(boolean withStart) {
        ByteBuffer b = le(144);
        b.put("LOGG".getBytes()).putInt(144);
        b.put(new byte[] {5, 0, 0, 0, 2, 6, 8, 1});
        b.putLong(0).putLong(0).putInt(0).putInt(0);
        if (withStart) {
            for (int v : new int[] {2020, 9, 1, 14, 12, 26, 40, 500}) {
                b.putShort((short) v);
            }
        }
        return b.array();
    }

    /**
     * An object with a version 1 header: base "<4sHHLL" (LOBJ, header size 32, version 1, object
     * size, type) and "<LHHQ" (flags, client index, object version, time stamp), then the body.
     */
    static byte[] object(int type, int timeFlags, long stamp, byte[] body) {
        ByteBuffer b = le(32 + body.length);
        b.put("LOBJ".getBytes()).putShort((short) 32).putShort((short) 1).putInt(32 + body.length).putInt(type);
        b.putInt(timeFlags).putShort((short) 0).putShort((short) 0).putLong(stamp);
        return b.put(body).array();
    }

    /** As {@link #object} with a version 2 header "<LBxHQ8x" (40 bytes). */
    static byte[] objectV2(int type, int timeFlags, long stamp, byte[] body) {
        ByteBuffer b = le(40 + body.length);
        b.put("LOBJ".getBytes()).putShort((short) 40).putShort((short) 2).putInt(40 + body.length).putInt(type);
        b.putInt(timeFlags).put((byte) 0).put((byte) 0).putShort((short) 0).putLong(stamp).putLong(0);
        return b.put(body).array();
    }

    /** CAN_MESSAGE (1) / CAN_MESSAGE2 (86) body "<HBBL8s" (CAN_MESSAGE2 adds frame length, bit count, 3 reserved). */
    static byte[] canMessage(int channel, int flags, int dlc, int id, int... data) {
        ByteBuffer b = le(16);
        b.putShort((short) channel).put((byte) flags).put((byte) dlc).putInt(id);
        for (int d : data) {
            b.put((byte) d);
        }
        return b.array();
    }

    /** CAN_ERROR_EXT (73) body "<HHLBBBxLLH2x8s": channel, length, flags, ECC, position, DLC, frame length, id, ext flags, data. */
    static byte[] canErrorExt(int channel, int dlc, int id, int extFlags, int... data) {
        ByteBuffer b = le(32);
        b.putShort((short) channel).putShort((short) 0).putInt(0).put((byte) 0).put((byte) 0).put((byte) dlc).put((byte) 0);
        b.putInt(0).putInt(id).putShort((short) extFlags).putShort((short) 0);
        for (int d : data) {
            b.put((byte) d);
        }
        return b.array();
    }

    /**
     * CAN_FD_MESSAGE (100) body "<HBBLLBBB5x64s": channel, flags, DLC code, id, frame length, bit
     * count, FD flags (EDL 1, BRS 2, ESI 4), valid data bytes, data (64 bytes).
     */
    static byte[] canFdMessage(int channel, int flags, int dlc, int id, int fdFlags, int valid, byte[] data) {
        ByteBuffer b = le(84);
        b.putShort((short) channel).put((byte) flags).put((byte) dlc).putInt(id).putInt(0);
        b.put((byte) 0).put((byte) fdFlags).put((byte) valid).put(new byte[5]);
        return b.put(data).array();
    }

    /**
     * CAN_FD_MESSAGE_64 (101) body "<BBBBLLLLLLLHBBL" then the data: channel, DLC code, valid data
     * bytes, TX count, id, frame length, flags (remote 0x10, EDL 0x1000, BRS 0x2000, ESI 0x4000),
     * two bit timings, two time offsets, bit count, direction, ext data offset, CRC.
     */
    static byte[] canFdMessage64(int channel, int dlc, int id, int flags, int direction, byte[] data) {
        ByteBuffer b = le(40 + data.length);
        b.put((byte) channel).put((byte) dlc).put((byte) data.length).put((byte) 0).putInt(id).putInt(0).putInt(flags);
        b.putInt(0).putInt(0).putInt(0).putInt(0).putShort((short) 0).put((byte) direction).put((byte) 0).putInt(0);
        return b.put(data).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Bytes of the given length counting up from {@code first}. */
    static byte[] counting(int first, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    /**
     * A LOG_CONTAINER (10): base header with header size 16, then "<H6xL4x" (method, uncompressed
     * size), then the data (zlib when {@code zlib}); padded with size % 4 zero bytes.
     */
    static byte[] container(byte[] data, boolean zlib) {
        byte[] stored = zlib ? deflate(data) : data;
        int size = 32 + stored.length;
        ByteBuffer b = le(size + size % 4);
        b.put("LOBJ".getBytes()).putShort((short) 16).putShort((short) 1).putInt(size).putInt(10);
        b.putShort((short) (zlib ? 2 : 0)).put(new byte[6]).putInt(data.length).putInt(0);
        return b.put(stored).array();
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(6);
        d.setInput(data);
        d.finish();
        byte[] out = new byte[data.length + 1024];
        int n = 0;
        while (!d.finished()) {
            n += d.deflate(out, n, out.length - n);
        }
        d.end();
        return Arrays.copyOf(out, n);
    }

    /** A file: header, then {@code stream} cut into containers at the given offsets. */
    static byte[] file(byte[] stream, boolean zlib, int... cuts) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(header(true));
        int from = 0;
        for (int cut : cuts) {
            parts.add(container(Arrays.copyOfRange(stream, from, cut), zlib));
            from = cut;
        }
        parts.add(container(Arrays.copyOfRange(stream, from, stream.length), zlib));
        return concat(parts.toArray(byte[][]::new));
    }

    static List<CanFrame> read(byte[] file) throws IOException, LogParseException {
        try (BlfReader reader = new BlfReader(new ByteArrayInputStream(file), SOURCE, null)) {
            return readAll(reader);
        }
    }

    static List<CanFrame> readAll(CanLogReader reader) throws IOException, LogParseException {
        List<CanFrame> frames = new ArrayList<>();
        for (CanFrame f = reader.next(); f != null; f = reader.next()) {
            frames.add(f);
        }
        return frames;
    }

    /** A tolerant read: frames, problems, skipped objects. */
    record Tolerant(List<CanFrame> frames, List<LogParseException> problems, long skippedObjects) {
    }

    static Tolerant readTolerant(byte[] file) throws IOException, LogParseException {
        List<LogParseException> problems = new ArrayList<>();
        try (BlfReader reader = new BlfReader(new ByteArrayInputStream(file), SOURCE, problems::add)) {
            List<CanFrame> frames = readAll(reader);
            if (reader.skippedLines() != problems.size()) {
                throw new AssertionError("skippedLines " + reader.skippedLines() + " but " + problems.size() + " problems");
            }
            return new Tolerant(frames, problems, reader.skippedObjects());
        }
    }

    static byte[] write(List<CanFrame> frames, int level, int containerBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BlfWriter writer = new BlfWriter(out, null, level, containerBytes, java.time.Clock.systemUTC())) {
            for (CanFrame f : frames) {
                writer.write(f);
            }
        }
        return out.toByteArray();
    }
}
