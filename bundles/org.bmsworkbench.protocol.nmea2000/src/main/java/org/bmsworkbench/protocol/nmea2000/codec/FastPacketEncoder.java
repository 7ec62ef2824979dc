package org.bmsworkbench.protocol.nmea2000.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits payloads into NMEA 2000 fast-packet frames (the reverse of {@link FastPacketAssembler}),
 * counting the 3-bit sequence counter up per (source, PGN) from 0, as a sender does.
 * Not thread-safe (one per connection, held by the session).
 */
public final class FastPacketEncoder {
    private final Map<Integer, Integer> nextSequence = new HashMap<>();

    /**
     * The frames of one packet with the sequence counter this (source, PGN) is at, which then
     * counts on (7 wraps to 0).
     */
    public List<byte[]> encode(int source, int pgn, byte[] payload) {
        if (source < 0 || source > 0xFF || pgn < 0 || pgn > 0x3FFFF) {
            throw new IllegalArgumentException("source " + source + " or PGN " + pgn + " out of range");
        }
        int key = pgn << 8 | source;
        int sequence = nextSequence.getOrDefault(key, 0);
        List<byte[]> frames = split(payload, sequence);
        nextSequence.put(key, (sequence + 1) & 7);
        return frames;
    }

    /** The sequence counter the next packet of (source, PGN) will carry. */
    public int nextSequence(int source, int pgn) {
        return nextSequence.getOrDefault(pgn << 8 | source, 0);
    }

    /**
     * The 8-byte frames of one packet: frame 0 with the length and 6 bytes, then 7 bytes a frame,
     * the last frame padded with 0xFF (guide 1.5.3.2).
     *
     * @param sequence the 3-bit sequence counter, 0..7
     * @throws IllegalArgumentException for a payload longer than {@value FastPacketAssembler#MAX_LENGTH} bytes
     */
    public static List<byte[]> split(byte[] payload, int sequence) {
        if (payload.length > FastPacketAssembler.MAX_LENGTH) {
            throw new IllegalArgumentException("a fast packet carries at most " + FastPacketAssembler.MAX_LENGTH
                    + " bytes, not " + payload.length);
        }
        if (sequence < 0 || sequence > 7) {
            throw new IllegalArgumentException("sequence counter " + sequence + " is outside 0..7");
        }
        List<byte[]> frames = new ArrayList<>(1 + (Math.max(0, payload.length - 6) + 6) / 7);
        byte[] first = new byte[8];
        Arrays.fill(first, (byte) 0xFF);
        first[0] = (byte) (sequence << 5);
        first[1] = (byte) payload.length;
        int n = Math.min(6, payload.length);
        System.arraycopy(payload, 0, first, 2, n);
        frames.add(first);
        for (int offset = n, index = 1; offset < payload.length; offset += 7, index++) {
            byte[] frame = new byte[8];
            Arrays.fill(frame, (byte) 0xFF);
            frame[0] = (byte) (sequence << 5 | index);
            System.arraycopy(payload, offset, frame, 1, Math.min(7, payload.length - offset));
            frames.add(frame);
        }
        return frames;
    }
}
