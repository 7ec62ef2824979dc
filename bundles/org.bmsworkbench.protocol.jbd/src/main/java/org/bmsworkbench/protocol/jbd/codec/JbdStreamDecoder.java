package org.bmsworkbench.protocol.jbd.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Finds JBD frames in a byte stream that arrives in chunks of any size: a frame may span chunks,
 * several may share one, and bytes that are not a frame are skipped and named. A frame is a
 * {@code DD} start byte, a header, the length, that many data bytes, a checksum that matches and
 * the {@code 77} end byte. Between chunks it keeps at most one unfinished frame
 * ({@value JbdFrame#MAX_LENGTH} bytes), so its memory is bounded. Not thread-safe: one per
 * direction of one line.
 *
 * <p>A candidate is given up, and its start byte skipped, as soon as it cannot be a frame: a
 * reply (byte 1 neither {@code A5} nor {@code 5A}) whose status byte is neither 0x00 nor 0x80,
 * no end byte where the length puts it, or a checksum that does not match. The search then goes
 * on from the next byte, so a frame right after garbage (or inside a broken frame) is found.
 */
public final class JbdStreamDecoder {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** Skipped bytes shown in a fault, at most. */
    private static final int SHOWN = 16;

    private final byte[] buffer = new byte[2 * JbdFrame.MAX_LENGTH];
    private int length;

    /**
     * What one chunk gave.
     *
     * @param frames       the frames it completed, in order
     * @param skipped      one line per run of skipped bytes: how many, the bytes, why
     * @param skippedBytes every skipped byte, in order (what {@code bmswb decode --all} shows as unknown)
     */
    public record Result(List<JbdFrame> frames, List<String> skipped, byte[] skippedBytes) {
        public Result {
            frames = List.copyOf(frames);
            skipped = List.copyOf(skipped);
            skippedBytes = skippedBytes.clone();
        }

        @Override
        public byte[] skippedBytes() {
            return skippedBytes.clone();
        }
    }

    /** Adds a chunk and returns the frames it completes and the bytes it made skip. */
    public Result feed(byte[] chunk) {
        List<JbdFrame> frames = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        ByteArrayOutputStream skippedBytes = new ByteArrayOutputStream();
        Skip skip = new Skip(skipped, skippedBytes);
        int offset = 0;
        while (offset < chunk.length) {
            int n = Math.min(chunk.length - offset, buffer.length - length);
            System.arraycopy(chunk, offset, buffer, length, n);
            length += n;
            offset += n;
            scan(frames, skip);
        }
        skip.flush();
        return new Result(frames, skipped, skippedBytes.toByteArray());
    }

    /** Bytes of an unfinished frame kept for the next chunk. */
    public int pending() {
        return length;
    }

    /** The bytes of the unfinished frame kept for the next chunk (what {@link #discardPending} would drop). */
    public byte[] pendingBytes() {
        return Arrays.copyOf(buffer, length);
    }

    /**
     * Drops the unfinished frame (the line went quiet in the middle of it).
     *
     * @return a fault line naming the dropped bytes, or null when nothing was pending
     */
    public String discardPending(String why) {
        if (length == 0) {
            return null;
        }
        String line = describe(buffer, 0, length, why);
        length = 0;
        return line;
    }

    private void scan(List<JbdFrame> frames, Skip skip) {
        int pos = 0;
        while (pos < length) {
            if ((buffer[pos] & 0xFF) != JbdFrame.START) {
                skip.add(pos, "no start byte 0xDD");
                pos++;
                continue;
            }
            if (length - pos < 4) {
                break; // the header is not complete yet
            }
            int b1 = buffer[pos + 1] & 0xFF;
            int b2 = buffer[pos + 2] & 0xFF;
            boolean request = b1 == JbdFrame.READ || b1 == JbdFrame.WRITE;
            if (!request && b2 != JbdFrame.STATUS_OK && b2 != JbdFrame.STATUS_ERROR) {
                skip.add(pos, String.format("a reply to 0x%02X with status 0x%02X, neither 0x00 nor 0x80", b1, b2));
                pos++;
                continue;
            }
            int dataLength = buffer[pos + 3] & 0xFF;
            int total = JbdFrame.OVERHEAD + dataLength;
            if (length - pos < total) {
                break; // wait for the rest
            }
            int end = buffer[pos + total - 1] & 0xFF;
            if (end != JbdFrame.END) {
                skip.add(pos, String.format("0x%02X where the end byte 0x77 belongs after %d data bytes", end, dataLength));
                pos++;
                continue;
            }
            int expected = JbdFrame.checksum(b2, dataLength, buffer, pos + 4, dataLength);
            int sent = ((buffer[pos + 4 + dataLength] & 0xFF) << 8) | (buffer[pos + 5 + dataLength] & 0xFF);
            if (sent != expected) {
                skip.add(pos, String.format("checksum 0x%04X where 0x%04X is expected", sent, expected));
                pos++;
                continue;
            }
            byte[] data = new byte[dataLength];
            System.arraycopy(buffer, pos + 4, data, 0, dataLength);
            skip.flush();
            frames.add(request ? new JbdFrame(true, b1 == JbdFrame.WRITE, b2, 0, data) : JbdFrame.reply(b1, b2, data));
            pos += total;
        }
        skip.flush();
        System.arraycopy(buffer, pos, buffer, 0, length - pos);
        length -= pos;
    }

    private static String describe(byte[] bytes, int from, int to, String why) {
        int count = to - from;
        String shown = HEX.formatHex(bytes, from, from + Math.min(count, SHOWN)) + (count > SHOWN ? "…" : "");
        return count + (count == 1 ? " byte " : " bytes ") + shown + " skipped: " + why;
    }

    /** A run of skipped bytes in the buffer, named by the first reason; flushed before the buffer moves. */
    private final class Skip {
        private final List<String> out;
        private final ByteArrayOutputStream bytes;
        private int from = -1;
        private int to;
        private String why;

        Skip(List<String> out, ByteArrayOutputStream bytes) {
            this.out = out;
            this.bytes = bytes;
        }

        void add(int pos, String reason) {
            if (from < 0 || pos != to) {
                flush();
                from = pos;
                why = reason;
            }
            to = pos + 1;
        }

        void flush() {
            if (from >= 0) {
                out.add(describe(buffer, from, to, why));
                bytes.write(buffer, from, to - from);
                from = -1;
            }
        }
    }
}
