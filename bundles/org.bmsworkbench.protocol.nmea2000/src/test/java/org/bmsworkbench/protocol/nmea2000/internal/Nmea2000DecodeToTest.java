package org.bmsworkbench.protocol.nmea2000.internal;

import static org.bmsworkbench.protocol.nmea2000.internal.Nmea2000GuideLogTest.lines;
import static org.bmsworkbench.protocol.nmea2000.internal.Nmea2000GuideLogTest.parseCandump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.testing.DecodeToEquivalence;
import org.bmsworkbench.bms.testing.DecodeToEquivalence.Counts;
import org.bmsworkbench.bms.testing.RecordingSink;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;
import org.junit.jupiter.api.Test;

/**
 * {@code decodeTo} (the decoder's allocation-free path, issue 16) says exactly what {@code decode}
 * says: for every frame, a fresh session's {@code decodeTo} into a recording sink gets the calls
 * {@link MessageSink#replay} makes of another fresh session's {@code decode} — same message,
 * PGN, source, instance, signals, order and values (a {@code Double} as a number, the rest and null
 * as values) — false where decode gives null, and the same {@link MalformedFrameException} message.
 * The frames go in through one {@link ReusedFrame} refilled for every frame, as the log readers
 * pass them, so a session that kept the view instead of copying bytes would decode garbage.
 *
 * <p>Inputs: the two hand-written logs of this bundle (guide 1.5.3; a bus of many devices), and
 * generated traffic of every PGN the session reads: 127508 (guide 1.5.3.1) of every instance role
 * from several sources, with the not-available and error markers of docs/SIGNALS.md; 127506 (guide
 * 1.5.3.2) as fast packets laid out as canboat's analyzer reads them (frame 0: counters, length,
 * 6 bytes; later frames: counters, 7 bytes; its {@code FASTPACKET_BUCKET_*} constants) of 11, 9,
 * longer and too short payloads, interleaved from several sources, with frames lost, repeated and
 * swapped; address claims (PGN 60928, manufacturer code 1160 and others), VREG and Garmin 0xEF00
 * frames; and frames that are no one's (11-bit, other PGNs, remote, CAN FD) or malformed.
 */
class Nmea2000DecodeToTest {
    private static final int MG = 0x50;
    private static final int[] SOURCES = {MG, 0x51, 0x0A, 0x06, 0x80};
    private static final int[] MARKED = {0x7FFF, 0x7FFE, 0xFFFF, 0xFFFE, 0x8000, 0xFD, 0xFE, 0xFF, 0};

    /** Frames of each outcome the comparison met: messages, nulls, malformed. */
    static Counts assertSameAsDecode(List<CanFrame> frames) {
        DecodeToEquivalence equivalence = new DecodeToEquivalence(new Nmea2000Protocol()).sinkGetsTheView();
        frames.forEach(equivalence::inRow);
        return equivalence.counts();
    }

    @Test
    void theGuideLog() throws Exception {
        List<CanFrame> frames = lines("nmea2000-guide.log").stream().map(Nmea2000GuideLogTest::parseCandump).toList();
        assertEquals(new Counts(14, 5, 0), assertSameAsDecode(frames));
    }

    @Test
    void theNetworkLog() throws Exception {
        List<CanFrame> frames = lines("nmea2000-network.log").stream().map(Nmea2000GuideLogTest::parseCandump).toList();
        assertEquals(new Counts(16, 6, 0), assertSameAsDecode(frames));
    }

    @Test
    void malformedFramesFailWithTheSameMessage() throws Exception {
        List<CanFrame> frames = List.of(
                parseCandump("(1600000001.000000) can0 19F21450#005E0A85FF7774"),
                parseCandump("(1600000001.100000) can0 19F21250#"),
                parseCandump("(1600000001.200000) can0 19F21250#00"),
                parseCandump("(1600000001.300000) can0 19F21250#00E0010203040506"),
                parseCandump("(1600000001.400000) can0 19F21250#000B000000"),
                parseCandump("(1600000001.500000) can0 19F21250#000B00000057FF58"),
                parseCandump("(1600000001.600000) can0 19F21250#0102FF"),
                parseCandump("(1600000001.700000) can0 19F21250#200500000057FFFF"),
                parseCandump("(1600000001.800000) can0 19F21250#400800000057FF58"),
                parseCandump("(1600000001.900000) can0 19F21250#4102FFFFAE00FFFF"));
        assertEquals(new Counts(0, 2, 8), assertSameAsDecode(frames));
    }

    @Test
    void framesOfNoOneAreNull() throws Exception {
        byte[] status = {0, 0x5E, 0x0A, (byte) 0x85, (byte) 0xFF, 0x77, 0x74, 0};
        List<CanFrame> frames = List.of(
                CanFrame.of(0, "can0", 0x351, false, status),
                CanFrame.remote(0, "can0", 0x19F21450, true, 8),
                CanFrame.fd(0, "can0", 0x19F21450, true, true, false, status),
                CanFrame.of(0, "can0", 0x19F21350, true, status),
                CanFrame.of(0, "can0", 0x1CEFFF50, true, hex("6699FF0F2E22FFFF")));
        assertEquals(new Counts(0, 5, 0), assertSameAsDecode(frames));
    }

    @Property(tries = 300)
    void generatedTrafficDecodesAlikeBothWays(@ForAll long seed) throws Exception {
        Counts outcomes = assertSameAsDecode(traffic(new Random(seed), 400));
        assertTrue(outcomes.messages() > 0, outcomes.toString());
    }

    @Test
    void generatedTrafficMeetsEveryOutcome() throws Exception {
        Counts outcomes = assertSameAsDecode(traffic(new Random(16), 20_000));
        assertTrue(outcomes.messages() > 5_000 && outcomes.nulls() > 5_000 && outcomes.malformed() > 100, outcomes.toString());
    }

    /** A bus's worth of frames: every kind of frame above, in a random order, with faults. */
    static List<CanFrame> traffic(Random random, int count) {
        List<CanFrame> frames = new ArrayList<>();
        int[] sequence = new int[256];
        List<List<byte[]>> pending = new ArrayList<>(); // fast packets in flight, one list of frames each
        List<Integer> pendingSource = new ArrayList<>();
        long time = 1_600_000_000_000_000L;
        while (frames.size() < count) {
            time += 1000;
            int source = SOURCES[random.nextInt(SOURCES.length)];
            int kind = random.nextInt(100);
            if (kind < 35) {
                int base = 32 * random.nextInt(8);
                int instance = random.nextInt(10) == 0 ? random.nextInt(256) : base + random.nextInt(4);
                byte[] data = new byte[8];
                data[0] = (byte) instance;
                put16(data, 1, field(random));
                put16(data, 3, instance % 32 == 0 || random.nextBoolean() ? field(random) : 0x7FFF);
                put16(data, 5, field(random));
                data[7] = (byte) random.nextInt(256);
                if (random.nextInt(40) == 0) {
                    data = Arrays.copyOf(data, random.nextInt(8)); // malformed: fewer than 8 bytes
                }
                frames.add(CanFrame.of(time, "can0", J1939Id.of(random.nextInt(8), 127508, source, 255).canId(), true, data));
            } else if (kind < 55) {
                int length = switch (random.nextInt(10)) {
                    case 0 -> 9;
                    case 1 -> 9 + random.nextInt(30);
                    case 2 -> random.nextInt(9); // too short once assembled
                    default -> 11;
                };
                byte[] payload = new byte[length];
                for (int i = 0; i < length; i++) {
                    payload[i] = (byte) (random.nextInt(4) == 0 ? 0xFF : random.nextInt(256));
                }
                if (length >= 11 && random.nextBoolean()) {
                    put16(payload, 9, MARKED[random.nextInt(MARKED.length)]);
                }
                if (length >= 7 && random.nextInt(3) == 0) {
                    put16(payload, 5, MARKED[random.nextInt(MARKED.length)]);
                }
                pending.add(fastPacket(payload, sequence[source]++ & 7, random));
                pendingSource.add(source);
            } else if (kind < 58) {
                int maker = new int[] {1160, 358, 229, 1855}[random.nextInt(4)];
                IsoName name = IsoName.of(random.nextInt(4), maker, 0, 170, 35, 0, 4, true);
                frames.add(NetworkMessages.addressClaim(name, source, "can0", time));
            } else if (kind < 60) {
                frames.add(CanFrame.of(time, "can0", J1939Id.of(7, 0xEF00, source, 255).canId(), true,
                        hex("6699FF0F2E22FFFF")));
            } else if (kind < 62) {
                frames.add(CanFrame.of(time, "can0", J1939Id.of(7, 0xEF00, source, 255).canId(), true, hex("E598010203")));
            } else if (kind < 64) {
                frames.add(switch (random.nextInt(4)) {
                    case 0 -> CanFrame.of(time, "can0", 0x351, false, new byte[8]);
                    case 1 -> CanFrame.remote(time, "can0", J1939Id.of(6, 127508, source, 255).canId(), true, 8);
                    case 2 -> CanFrame.fd(time, "can0", J1939Id.of(6, 127506, source, 255).canId(), true, false, false,
                            new byte[12]);
                    default -> CanFrame.of(time, "can0", J1939Id.of(6, 127507, source, 255).canId(), true, new byte[8]);
                });
            }
            // the frames of packets in flight go out interleaved, now and then one lost, repeated or swapped
            while (!pending.isEmpty() && random.nextInt(3) != 0) {
                int p = random.nextInt(pending.size());
                List<byte[]> packet = pending.get(p);
                int fault = random.nextInt(40);
                int taken = fault == 0 && packet.size() > 1 ? 1 : 0; // swap: the second frame first
                byte[] data = packet.remove(taken);
                int id = J1939Id.of(6, 127506, pendingSource.get(p), 255).canId();
                if (fault != 1) { // 1: lost
                    frames.add(CanFrame.of(time, "can0", id, true, data));
                }
                if (fault == 2) {
                    frames.add(CanFrame.of(time, "can0", id, true, data));
                }
                if (packet.isEmpty()) {
                    pending.remove(p);
                    pendingSource.remove(p);
                }
            }
        }
        return frames;
    }

    /** A field value: often one of the markers or their neighbours, else anything. */
    private static int field(Random random) {
        return random.nextInt(3) == 0 ? MARKED[random.nextInt(MARKED.length)] : random.nextInt(0x10000);
    }

    /** The frames of a fast packet (guide 1.5.3.2), padded with 0xFF; now and then one cut short (malformed). */
    private static List<byte[]> fastPacket(byte[] payload, int sequence, Random random) {
        List<byte[]> frames = new ArrayList<>();
        int at = 0;
        for (int index = 0; index == 0 || at < payload.length; index++) {
            byte[] data = new byte[8];
            Arrays.fill(data, (byte) 0xFF);
            data[0] = (byte) (sequence << 5 | index);
            int offset = index == 0 ? 2 : 1;
            if (index == 0) {
                data[1] = (byte) payload.length;
            }
            for (int i = offset; i < 8 && at < payload.length; i++) {
                data[i] = payload[at++];
            }
            if (random.nextInt(60) == 0) {
                data = Arrays.copyOf(data, random.nextInt(offset + 1));
            }
            frames.add(data);
        }
        return frames;
    }

    private static byte[] hex(String bytes) {
        return HexFormat.of().parseHex(bytes);
    }

    private static void put16(byte[] data, int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
    }

    @Test
    void aFastPacketThroughOneView() throws Exception {
        // the two frames of the guide's 127506 (1.5.3.2), each through the same view: the payload is whole
        ProtocolSession session = new Nmea2000Protocol().newSession();
        ReusedFrame view = new ReusedFrame();
        RecordingSink sink = new RecordingSink();
        assertFalse(session.decodeTo(view.set(parseCandump("(1600000001.300000) can0 19F21250#000B00000057FF58")), sink));
        assertTrue(session.decodeTo(view.set(parseCandump("(1600000001.301000) can0 19F21250#0102FFFFAE00FFFF")), sink));
        assertEquals(List.of(87L, 600L, 174L), sink.values(), "soc 0x57, time to go 0x0258, amp hours 0x00AE");
        assertSame(view, sink.frames().get(0));
    }
}
