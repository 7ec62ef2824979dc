package org.bmsworkbench.service.unlock.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * ZIP files written byte by byte (PKWARE APPNOTE 6.3.10, 4.3.7 local file header), for what
 * {@link java.util.zip.ZipOutputStream} will not write: an entry twice, a header whose
 * uncompressed size lies, names with NUL or backslashes. Local headers only: a streaming reader
 * needs nothing else.
 */
final class RawZip {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A stored entry whose header tells the truth. */
    RawZip stored(String name, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return entry(name, 0, data, data.length, data.length, crc.getValue());
    }

    /** A deflated entry of {@code zeros} zero bytes whose header claims {@code claimedSize} bytes. */
    RawZip deflatedZeros(String name, long zeros, long claimedSize) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] block = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (long left = zeros; left > 0; left -= block.length) {
            d.setInput(block, 0, (int) Math.min(block.length, left));
            while (!d.needsInput()) {
                compressed.write(buffer, 0, d.deflate(buffer));
            }
        }
        d.finish();
        while (!d.finished()) {
            compressed.write(buffer, 0, d.deflate(buffer));
        }
        d.end();
        byte[] data = compressed.toByteArray();
        return entry(name, 8, data, data.length, claimedSize, 0);
    }

    private RawZip entry(String name, int method, byte[] data, long compressedSize, long size, long crc) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) method)
                .putShort((short) 0).putShort((short) 0x21).putInt((int) crc).putInt((int) compressedSize)
                .putInt((int) size).putShort((short) n.length).putShort((short) 0);
        out.writeBytes(h.array());
        out.writeBytes(n);
        out.writeBytes(data);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** The entries plus a manifest listing them all with their true hashes, as stored entries. */
    static RawZip withManifest(Map<String, byte[]> entries) {
        RawZip zip = new RawZip();
        StringBuilder manifest = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            zip.stored(e.getKey(), e.getValue());
            manifest.append(Sha256.of(e.getValue())).append("  ").append(e.getKey()).append('\n');
        }
        return zip.stored("manifest.sha256", manifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The three content entries of a minimal valid snapshot. */
    static Map<String, byte[]> minimal(String json) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("snapshot.json", json.getBytes(StandardCharsets.UTF_8));
        m.put("frames.log", "(1700000000.000000) can0 356#C014\n".getBytes(StandardCharsets.UTF_8));
        m.put("audit.log", new byte[0]);
        return m;
    }

    static List<String> names(Map<String, byte[]> m) {
        return new ArrayList<>(m.keySet());
    }
}
