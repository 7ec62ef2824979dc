package org.bmsworkbench.protocol.daly.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bmsworkbench.can.CanFrame;

/**
 * Finds Daly UART frames in the chunks of one direction of a byte stream: a frame starts with
 * 0xA5, has 0x08 as its fourth byte and the low byte of the sum of its first 12 bytes as its
 * 13th. A frame may span chunks and a chunk may carry several frames; bytes that cannot start a
 * frame are skipped and named, and after a wrong length byte or checksum the search goes on at
 * the next byte, so a frame that follows garbage is still found. Not thread-safe.
 *
 * <p>The buffer is bounded: only the bytes of one unfinished frame (at most 12) are kept between
 * chunks, and they are dropped, and named, when the next chunk comes more than
 * {@link #STALE_MICROS} later (a frame of 13 bytes takes 14 ms at 9600 baud).
 */
public final class DalyStreamReader {
    /** An unfinished frame older than this (by the chunks' timestamps) is dropped. */
    public static final long STALE_MICROS = 500_000;
    /** At most this many skipped bytes are written out in a {@link Skip}'s hex. */
    static final int HEX_LIMIT = 32;

    /** Bytes skipped: how many, their hex (cut after {@value #HEX_LIMIT} bytes), why, and all of them. */
    public record Skip(int count, String hex, String reason, byte[] bytes) {
        public Skip {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return count + (count == 1 ? " byte " : " bytes ") + hex + " (" + reason + ")";
        }
    }

    /** What one chunk gave: the complete frames, 13 bytes each, in order, and the runs of skipped bytes. */
    public record Result(List<byte[]> frames, List<Skip> skipped) {
        public Result {
            frames = List.copyOf(frames);
            skipped = List.copyOf(skipped);
        }
    }

    private final byte[] pending = new byte[DalyCodec.FRAME_LENGTH - 1];
    private int pendingLength;
    private long lastTimestamp = CanFrame.NO_TIMESTAMP;

    /** The bytes of an unfinished frame kept for the next chunk (0..12). */
    public int pendingLength() {
        return pendingLength;
    }

    /** Feeds one chunk's bytes, read at {@code timestampMicros} ({@link CanFrame#NO_TIMESTAMP} when unknown). */
    public Result feed(byte[] bytes, long timestampMicros) {
        List<Skip> skipped = new ArrayList<>();
        if (pendingLength > 0 && timestampMicros != CanFrame.NO_TIMESTAMP && lastTimestamp != CanFrame.NO_TIMESTAMP
                && timestampMicros - lastTimestamp > STALE_MICROS) {
            skipped.add(new Skip(pendingLength, DalyCodec.hex(pending, 0, pendingLength), String.format(Locale.ROOT,
                    "unfinished frame: the next bytes came %.3f s later", (timestampMicros - lastTimestamp) / 1e6),
                    Arrays.copyOf(pending, pendingLength)));
            pendingLength = 0;
        }
        if (timestampMicros != CanFrame.NO_TIMESTAMP) {
            lastTimestamp = timestampMicros;
        }
        byte[] buf = new byte[pendingLength + bytes.length];
        System.arraycopy(pending, 0, buf, 0, pendingLength);
        System.arraycopy(bytes, 0, buf, pendingLength, bytes.length);
        int len = buf.length;
        List<byte[]> frames = new ArrayList<>();
        int skipStart = -1;
        String skipReason = null;
        int i = 0;
        while (i < len) {
            String fault = null;
            if ((buf[i] & 0xFF) != DalyCodec.START) {
                fault = "no start byte 0xA5";
            } else if (len - i >= 4 && buf[i + 3] != DalyCodec.DATA_LENGTH) {
                fault = String.format("length byte 0x%02X, not 0x08", buf[i + 3] & 0xFF);
            } else if (len - i < DalyCodec.FRAME_LENGTH) {
                break; // the start of a frame: wait for the rest
            } else {
                int sum = DalyCodec.checksum(buf, i, 12);
                if (sum != (buf[i + 12] & 0xFF)) {
                    fault = String.format("checksum 0x%02X, but the bytes before it sum to 0x%02X", buf[i + 12] & 0xFF,
                            sum);
                }
            }
            if (fault != null) {
                if (skipStart < 0) {
                    skipStart = i;
                    skipReason = fault;
                }
                i++;
                continue;
            }
            if (skipStart >= 0) {
                skipped.add(skip(buf, skipStart, i, skipReason));
                skipStart = -1;
            }
            frames.add(Arrays.copyOfRange(buf, i, i + DalyCodec.FRAME_LENGTH));
            i += DalyCodec.FRAME_LENGTH;
        }
        if (skipStart >= 0) {
            skipped.add(skip(buf, skipStart, i, skipReason));
        }
        pendingLength = len - i;
        System.arraycopy(buf, i, pending, 0, pendingLength);
        return new Result(frames, skipped);
    }

    /** Forgets the bytes of an unfinished frame. */
    public void reset() {
        pendingLength = 0;
        lastTimestamp = CanFrame.NO_TIMESTAMP;
    }

    private static Skip skip(byte[] buf, int from, int to, String reason) {
        int n = to - from;
        String hex = DalyCodec.hex(buf, from, Math.min(n, HEX_LIMIT)) + (n > HEX_LIMIT ? "…" : "");
        return new Skip(n, hex, reason, Arrays.copyOfRange(buf, from, to));
    }
}
