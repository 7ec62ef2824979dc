package org.bmsworkbench.protocol.nmea2000.codec;

import java.util.Arrays;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * Joins NMEA 2000 fast-packet frames into payloads, one packet in progress per (source, PGN).
 *
 * <p>Byte 0 of every frame holds a 3-bit sequence counter (bits 5–7, the same for all frames of
 * one packet, counting up from packet to packet) and a 5-bit frame counter (bits 0–4). Frame 0
 * carries the payload length in byte 1 and the first 6 payload bytes; frames 1, 2, … carry 7
 * more each (guide 1.5.3.2; at most 223 bytes in 32 frames). Padding after the payload is ignored.
 *
 * <p>Guarantee: a payload comes out only when every one of its frames arrived, once, in order,
 * all with the sequence counter of its frame 0. Therefore:
 * <ul>
 * <li>frame 0 always starts the packet afresh (resynchronisation), dropping one in progress;</li>
 * <li>a frame that is not the next one expected (a frame was lost, or they were reordered)
 *     drops the packet in progress;</li>
 * <li>a frame of a packet that never started here (its frame 0 was lost) is ignored;</li>
 * <li>an exact copy of a frame already taken is ignored; a different frame with the same counters
 *     drops the packet;</li>
 * <li>a frame with a later sequence counter (1–4 ahead) means the sender moved on: the packet in
 *     progress is dropped; one with an earlier counter (1–3 behind, a late or repeated frame of
 *     an earlier packet) is ignored;</li>
 * <li>sources and PGNs never mix: interleaved packets of several senders are assembled side by side.</li>
 * </ul>
 * What no receiver can tell apart without a checksum is a packet whose frame 0 was lost and whose
 * later frames fit a packet started exactly 8, 16, … packets earlier whose own last frames and all
 * four packets in between were lost as well; then the two would be joined.
 *
 * <p>State is bounded: at most {@code maxPackets} packets are in progress; starting one more drops
 * the one that saw a frame least recently. A finished or dropped packet leaves no state behind.
 * The assembler copies the bytes it keeps and never keeps a frame, so a {@link FrameView} that its
 * owner fills again for every frame may be passed. Not thread-safe (one per connection, like the
 * session that owns it).
 */
public final class FastPacketAssembler {
    /** The longest fast-packet payload: 6 bytes in frame 0 and 7 in each of frames 1 to 31. */
    public static final int MAX_LENGTH = 223;
    /** Packets in progress at the same time, by default. */
    public static final int DEFAULT_MAX_PACKETS = 64;

    private final int maxPackets;
    private final int[] keys;
    private final Packet[] packets;
    private int count;
    private long clock;
    /** Where {@link #accept(int, int, CanFrame)} has a payload put before it copies it out. */
    private final byte[] completed = new byte[MAX_LENGTH];

    /** One packet in progress; the buffers are reused once a packet is done. */
    private static final class Packet {
        final byte[] data = new byte[MAX_LENGTH];
        int sequence;
        int nextFrame;
        int length;
        int filled;
        long lastUse;
    }

    /** An assembler for {@link #DEFAULT_MAX_PACKETS} packets in progress. */
    public FastPacketAssembler() {
        this(DEFAULT_MAX_PACKETS);
    }

    /** An assembler for at most {@code maxPackets} packets in progress at once (1 or more). */
    public FastPacketAssembler(int maxPackets) {
        if (maxPackets < 1) {
            throw new IllegalArgumentException("maxPackets " + maxPackets + " must be at least 1");
        }
        this.maxPackets = maxPackets;
        this.keys = new int[maxPackets];
        this.packets = new Packet[maxPackets];
    }

    /**
     * Takes one frame of a fast packet.
     *
     * @param source the frame's source address, 0..255
     * @param pgn    the frame's PGN, 0..0x3FFFF
     * @param frame  the frame (its identifier is not looked at again)
     * @return the payload, exactly as long as frame 0 announced, when this frame completes a
     *         packet; otherwise null
     * @throws MalformedFrameException when the frame cannot be part of a fast packet: no data
     *         byte, a frame 0 without a length or announcing more than {@value #MAX_LENGTH} bytes,
     *         or a frame with fewer payload bytes than its place needs (the packet is dropped)
     */
    public byte[] accept(int source, int pgn, CanFrame frame) throws MalformedFrameException {
        int length = take(source, pgn, frame, completed);
        return length < 0 ? null : Arrays.copyOf(completed, length);
    }

    /**
     * Takes one frame of a fast packet, as {@link #accept(int, int, CanFrame)}, without making an
     * object: a completed payload is copied into {@code target}. The frame is read during this call
     * only (its bytes are copied), so a view its owner fills again may be passed.
     *
     * @param target receives the payload when this frame completes a packet; at least
     *               {@value #MAX_LENGTH} bytes
     * @return the payload's length (what frame 0 announced) when this frame completes a packet,
     *         else -1
     * @throws MalformedFrameException as {@link #accept(int, int, CanFrame)}
     */
    public int accept(int source, int pgn, FrameView frame, byte[] target) throws MalformedFrameException {
        if (target.length < MAX_LENGTH) {
            throw new IllegalArgumentException("a payload target of " + target.length + " bytes is shorter than "
                    + MAX_LENGTH);
        }
        return take(source, pgn, frame, target);
    }

    /**
     * The core of both: the completed payload's length (its bytes put in {@code target}) or -1. It
     * stores no reference into this long-lived object per frame: with G1 such a store costs a
     * memory fence.
     */
    private int take(int source, int pgn, FrameView frame, byte[] target) throws MalformedFrameException {
        if (source < 0 || source > 0xFF || pgn < 0 || pgn > 0x3FFFF) {
            throw new IllegalArgumentException("source " + source + " or PGN " + pgn + " out of range");
        }
        int key = pgn << 8 | source;
        int length = frame.length();
        if (length < 1) {
            drop(key);
            throw malformed(frame, pgn, "has no data bytes");
        }
        int sequence = frame.u8(0) >>> 5;
        int index = frame.u8(0) & 0x1F;
        return index == 0 ? first(key, pgn, sequence, frame, target)
                : following(key, pgn, sequence, index, frame, target);
    }

    private int first(int key, int pgn, int sequence, FrameView frame, byte[] target) throws MalformedFrameException {
        if (frame.length() < 2) {
            drop(key);
            throw malformed(frame, pgn, "frame 0 has no length byte");
        }
        int total = frame.u8(1);
        if (total > MAX_LENGTH) {
            drop(key);
            throw malformed(frame, pgn, "frame 0 announces " + total + " bytes, at most " + MAX_LENGTH + " fit");
        }
        int n = Math.min(6, total);
        if (frame.length() < 2 + n) {
            drop(key);
            throw malformed(frame, pgn, "frame 0 carries " + (frame.length() - 2) + " of its " + n + " payload bytes");
        }
        if (total <= 6) {
            drop(key);
            for (int i = 0; i < total; i++) {
                target[i] = (byte) frame.u8(2 + i);
            }
            return total;
        }
        int slot = find(key);
        Packet p = slot >= 0 ? packets[slot] : packets[allocate(key)];
        p.sequence = sequence;
        p.nextFrame = 1;
        p.length = total;
        p.filled = n;
        p.lastUse = ++clock;
        for (int i = 0; i < n; i++) {
            p.data[i] = (byte) frame.u8(2 + i);
        }
        return -1;
    }

    private int following(int key, int pgn, int sequence, int index, FrameView frame, byte[] target)
            throws MalformedFrameException {
        int slot = find(key);
        if (slot < 0) {
            return -1; // its frame 0 never arrived
        }
        Packet p = packets[slot];
        if (sequence != p.sequence) {
            int ahead = (sequence - p.sequence) & 7;
            if (ahead <= 4) {
                remove(slot); // the sender has moved on to a later packet
            }
            return -1;
        }
        int offset = 6 + 7 * (index - 1);
        if (index != p.nextFrame) {
            if (index > p.nextFrame || !sameBytes(p, offset, frame)) {
                remove(slot);
            }
            return -1;
        }
        int n = Math.min(7, p.length - offset);
        if (frame.length() < 1 + n) {
            remove(slot);
            throw malformed(frame, pgn, "frame " + index + " carries " + (frame.length() - 1) + " of its " + n
                    + " payload bytes");
        }
        for (int i = 0; i < n; i++) {
            p.data[offset + i] = (byte) frame.u8(1 + i);
        }
        p.filled += n;
        p.nextFrame++;
        p.lastUse = ++clock;
        if (p.filled < p.length) {
            return -1;
        }
        System.arraycopy(p.data, 0, target, 0, p.length);
        remove(slot);
        return p.length;
    }

    /** Whether {@code frame} repeats the payload bytes already taken for its place. */
    private static boolean sameBytes(Packet p, int offset, FrameView frame) {
        int n = Math.min(7, p.length - offset);
        if (frame.length() < 1 + n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (p.data[offset + i] != (byte) frame.u8(1 + i)) {
                return false;
            }
        }
        return true;
    }

    /** Packets in progress now. */
    public int pending() {
        return count;
    }

    /** Drops every packet in progress. */
    public void clear() {
        count = 0;
    }

    private int find(int key) {
        for (int i = 0; i < count; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        return -1;
    }

    private void drop(int key) {
        int slot = find(key);
        if (slot >= 0) {
            remove(slot);
        }
    }

    /** A slot for a new key: the next free one, or the least recently used one. */
    private int allocate(int key) {
        int slot;
        if (count < maxPackets) {
            slot = count++;
            if (packets[slot] == null) {
                packets[slot] = new Packet();
            }
        } else {
            slot = 0;
            for (int i = 1; i < count; i++) {
                if (packets[i].lastUse < packets[slot].lastUse) {
                    slot = i;
                }
            }
        }
        keys[slot] = key;
        return slot;
    }

    /** Frees a slot by moving the last one into it; its buffer goes to the end for reuse. */
    private void remove(int slot) {
        int last = --count;
        Packet freed = packets[slot];
        keys[slot] = keys[last];
        packets[slot] = packets[last];
        packets[last] = freed;
    }

    private static MalformedFrameException malformed(FrameView frame, int pgn, String what) {
        return new MalformedFrameException("0x" + Nmea2000Codec.idHex(frame) + " PGN " + pgn + " fast packet: " + what);
    }
}
