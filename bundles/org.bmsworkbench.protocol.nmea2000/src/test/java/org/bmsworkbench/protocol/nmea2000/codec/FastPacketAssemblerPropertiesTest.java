package org.bmsworkbench.protocol.nmea2000.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;

/**
 * Streams of fast packets from several senders, interleaved, then with frames lost, duplicated and
 * swapped at random: every payload that comes out is exactly the packet its last frame belongs to,
 * and every packet whose frames arrived complete, in order and together comes out.
 */
class FastPacketAssemblerPropertiesTest {

    /** One frame on the bus and the packet it belongs to. */
    private record Sent(int source, int pgn, int packet, int index, CanFrame frame) {
    }

    private record Packet(int source, int pgn, byte[] payload, int frames) {
    }

    @Property(tries = 400)
    void neverAWrongPayloadAndEveryIntactPacketComesOut(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int senders,
            @ForAll @IntRange(min = 1, max = 24) int packetsEach, @ForAll @IntRange(max = 20) int lossPercent,
            @ForAll @IntRange(max = 20) int duplicatePercent, @ForAll @IntRange(max = 20) int swapPercent) throws Exception {
        Random random = new Random(seed);
        List<Packet> packets = new ArrayList<>();
        List<List<Sent>> streams = new ArrayList<>();
        Set<Long> keys = new HashSet<>();
        for (int s = 0; s < senders; s++) {
            // On a bus a (source, PGN) pair is one sender's single stream: two streams may not share one.
            int source;
            int pgn;
            do {
                source = random.nextInt(256);
                pgn = random.nextBoolean() ? DcDetailedStatus.PGN : 0x1F000 + random.nextInt(0x1000);
            } while (!keys.add((long) source << 32 | pgn));
            List<Sent> stream = new ArrayList<>();
            int sequence = random.nextInt(8);
            for (int p = 0; p < packetsEach; p++) {
                int length = random.nextInt(4) == 0 ? random.nextInt(FastPacketAssembler.MAX_LENGTH + 1) : 7 + random.nextInt(30);
                byte[] payload = new byte[length];
                random.nextBytes(payload);
                List<byte[]> frames = FastPacketEncoder.split(payload, sequence);
                int packetIndex = packets.size();
                packets.add(new Packet(source, pgn, payload, frames.size()));
                for (int i = 0; i < frames.size(); i++) {
                    stream.add(new Sent(source, pgn, packetIndex, i, CanFrame.of(0, "can0", 0x19F21200 | source, true, frames.get(i))));
                }
                sequence = (sequence + 1) & 7;
            }
            streams.add(stream);
        }
        // the senders' frames interleaved, each sender's in its order
        List<Sent> bus = new ArrayList<>();
        int[] next = new int[senders];
        int left = streams.stream().mapToInt(List::size).sum();
        while (left > 0) {
            int s = random.nextInt(senders);
            if (next[s] < streams.get(s).size()) {
                bus.add(streams.get(s).get(next[s]++));
                left--;
            }
        }
        // loss, duplication, swaps
        List<Sent> received = new ArrayList<>();
        for (Sent f : bus) {
            if (random.nextInt(100) < lossPercent) {
                continue;
            }
            received.add(f);
            if (random.nextInt(100) < duplicatePercent) {
                received.add(f);
            }
        }
        for (int i = 0; i + 1 < received.size(); i++) {
            if (random.nextInt(100) < swapPercent) {
                Collections.swap(received, i, i + 1);
            }
        }

        FastPacketAssembler assembler = new FastPacketAssembler();
        Set<Integer> emitted = new HashSet<>();
        for (Sent f : received) {
            byte[] out = assembler.accept(f.source, f.pgn, f.frame);
            if (out != null) {
                Packet p = packets.get(f.packet);
                assertArrayEquals(p.payload, out, "the payload of the packet its last frame belongs to");
                assertEquals(p.frames - 1, f.index, "only a packet's last frame completes it");
                emitted.add(f.packet);
            }
        }
        for (int p : intactPackets(received, packets)) {
            assertTrue(emitted.contains(p), "packet " + p + " arrived whole and in order but did not come out");
        }
        assertTrue(assembler.pending() <= senders);
    }

    /** Packets whose frames arrived as one run, in order, with no other frame of the same sender and PGN in between. */
    private static Set<Integer> intactPackets(List<Sent> received, List<Packet> packets) {
        Set<Integer> intact = new HashSet<>();
        for (int i = 0; i < received.size(); i++) {
            Sent first = received.get(i);
            if (first.index != 0) {
                continue;
            }
            int want = 1;
            Packet p = packets.get(first.packet);
            for (int j = i + 1; j < received.size() && want < p.frames; j++) {
                Sent f = received.get(j);
                if (f.source != first.source || f.pgn != first.pgn) {
                    continue;
                }
                if (f.packet != first.packet || f.index != want) {
                    break;
                }
                want++;
            }
            if (want == p.frames) {
                intact.add(first.packet);
            }
        }
        return intact;
    }

    /** With fewer slots than senders packets are lost to eviction, but never mixed up. */
    @Property(tries = 200)
    void aSmallAssemblerLosesPacketsButNeverMixesThem(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int slots) throws Exception {
        Random random = new Random(seed);
        FastPacketAssembler assembler = new FastPacketAssembler(slots);
        List<byte[]> payloads = new ArrayList<>();
        List<List<byte[]>> pending = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            byte[] payload = new byte[7 + random.nextInt(40)];
            random.nextBytes(payload);
            payloads.add(payload);
            pending.add(new ArrayList<>(FastPacketEncoder.split(payload, random.nextInt(8))));
        }
        int left = pending.stream().mapToInt(List::size).sum();
        while (left > 0) {
            int s = random.nextInt(8);
            if (!pending.get(s).isEmpty()) {
                byte[] out = assembler.accept(s, DcDetailedStatus.PGN,
                        CanFrame.of(0, "can0", 0x19F21200 | s, true, pending.get(s).remove(0)));
                left--;
                if (out != null) {
                    assertTrue(Arrays.equals(payloads.get(s), out));
                }
            }
        }
        assertTrue(assembler.pending() <= slots);
    }

    /** Arbitrary bytes: only MalformedFrameException, payloads never longer than announced or 223 bytes. */
    @Property
    void arbitraryFramesFailOnlyAsMalformed(@ForAll long seed) {
        Random random = new Random(seed);
        FastPacketAssembler assembler = new FastPacketAssembler(4);
        for (int n = 0; n < 200; n++) {
            byte[] data = new byte[random.nextInt(9)];
            random.nextBytes(data);
            if (data.length > 1 && random.nextBoolean()) {
                data[0] &= (byte) 0xE3; // small frame counters, so packets do complete now and then
                data[1] = (byte) random.nextInt(30);
            }
            try {
                byte[] out = assembler.accept(random.nextInt(3), DcDetailedStatus.PGN, CanFrame.of(0, "can0", 0x19F21200, true, data));
                assertTrue(out == null || out.length <= FastPacketAssembler.MAX_LENGTH);
            } catch (MalformedFrameException e) {
                assertTrue(e.getMessage().contains("fast packet"), e.getMessage());
            }
        }
    }
}
