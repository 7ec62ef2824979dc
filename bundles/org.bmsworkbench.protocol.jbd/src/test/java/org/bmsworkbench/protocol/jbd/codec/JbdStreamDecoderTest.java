package org.bmsworkbench.protocol.jbd.codec;

import static org.bmsworkbench.protocol.jbd.codec.Chunks.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Finding frames in a chunked stream: splits, several per chunk, garbage, bad checksums, bounded memory. */
class JbdStreamDecoderTest {
    /** [V4] 0x03 reply (see JbdPublicFramesTest). */
    static final String BASIC = "DD03001B1700000002D003E800002078000000000000104803 0F020B760B82FBFF77".replace(" ", "");
    /** [ESPHome] 0x04 reply of a 4-cell BMS. */
    static final String CELLS = "DD0400080F450F3D0F370F3DFEC677";

    @Test
    void aFrameSplitAtEveryPointIsFoundOnce() {
        byte[] all = bytes(BASIC);
        for (int cut = 1; cut < all.length; cut++) {
            JbdStreamDecoder d = new JbdStreamDecoder();
            JbdStreamDecoder.Result first = d.feed(Arrays.copyOfRange(all, 0, cut));
            assertEquals(List.of(), first.frames(), "cut at " + cut);
            assertEquals(List.of(), first.skipped(), "cut at " + cut);
            assertEquals(cut, d.pending());
            JbdStreamDecoder.Result rest = d.feed(Arrays.copyOfRange(all, cut, all.length));
            assertEquals(1, rest.frames().size(), "cut at " + cut);
            assertEquals(0x03, rest.frames().get(0).register());
            assertEquals(0, d.pending());
        }
    }

    @Test
    void aFrameArrivingByteByByteIsFound() {
        JbdStreamDecoder d = new JbdStreamDecoder();
        List<JbdFrame> found = new ArrayList<>();
        for (byte b : bytes(CELLS + BASIC)) {
            JbdStreamDecoder.Result r = d.feed(new byte[] {b});
            assertEquals(List.of(), r.skipped());
            found.addAll(r.frames());
        }
        assertEquals(List.of(0x04, 0x03), found.stream().map(JbdFrame::register).toList());
    }

    @Test
    void severalFramesInOneChunkComeInOrder() {
        JbdStreamDecoder.Result r = new JbdStreamDecoder().feed(bytes("DDA50300FFFD77" + BASIC + CELLS + "DD0500020102FFFB77"));
        assertEquals(List.of(0x03, 0x03, 0x04, 0x05), r.frames().stream().map(JbdFrame::register).toList());
        assertTrue(r.frames().get(0).request());
        assertEquals(List.of(), r.skipped());
    }

    @Test
    void garbageBeforeBetweenAndAfterFramesIsSkippedAndNamed() {
        JbdStreamDecoder d = new JbdStreamDecoder();
        JbdStreamDecoder.Result r = d.feed(bytes("0102" + CELLS + "FF00" + BASIC + "AB"));
        assertEquals(List.of(0x04, 0x03), r.frames().stream().map(JbdFrame::register).toList());
        assertEquals(List.of("2 bytes 0102 skipped: no start byte 0xDD", "2 bytes FF00 skipped: no start byte 0xDD",
                "1 byte AB skipped: no start byte 0xDD"), r.skipped());
        assertArrayEquals(bytes("0102FF00AB"), r.skippedBytes(), "every skipped byte, none of the frames'");
        assertEquals(0, d.pending());
    }

    @Test
    void aBadChecksumSkipsTheFrameAndTheNextFrameIsStillFound() {
        String bad = CELLS.substring(0, CELLS.length() - 6) + "FEC777";
        JbdStreamDecoder.Result r = new JbdStreamDecoder().feed(bytes(bad + BASIC));
        assertEquals(List.of(0x03), r.frames().stream().map(JbdFrame::register).toList());
        assertEquals(List.of("15 bytes DD0400080F450F3D0F370F3DFEC777 skipped: checksum 0xFEC7 where 0xFEC6 is expected"), r.skipped());
    }

    @Test
    void aMissingEndByteSkipsTheCandidate() {
        String bad = CELLS.substring(0, CELLS.length() - 2) + "78";
        JbdStreamDecoder.Result r = new JbdStreamDecoder().feed(bytes(bad + CELLS));
        assertEquals(1, r.frames().size());
        assertEquals(List.of("15 bytes DD0400080F450F3D0F370F3DFEC678 skipped: 0x78 where the end byte 0x77 belongs after 8 data bytes"),
                r.skipped());
    }

    @Test
    void aReplyWithAnImpossibleStatusIsGivenUpAtOnceNotAfterItsLength() {
        JbdStreamDecoder d = new JbdStreamDecoder();
        JbdStreamDecoder.Result r = d.feed(bytes("DD0312FF" + CELLS));
        assertEquals(1, r.frames().size(), "the frame behind a false start is found without waiting for 0xFF bytes");
        assertEquals(List.of("4 bytes DD0312FF skipped: a reply to 0x03 with status 0x12, neither 0x00 nor 0x80"), r.skipped());
    }

    @Test
    void anErrorReplyIsAFrame() {
        JbdFrame f = new JbdStreamDecoder().feed(bytes("DDE18000FF8077")).frames().get(0);
        assertEquals(0xE1, f.register());
        assertEquals(0x80, f.status());
        assertTrue(f.error());
        assertEquals("DDE18000FF8077", JbdFrame.reply(0xE1, 0x80).hex());
    }

    @Test
    void anEmptyOkReplyHasTheChecksumZero() {
        // 0x10000 - 0 kept to 16 bits: the acknowledgement of a write, DD reg 00 00 00 00 77
        assertEquals("DDE1000000 0077".replace(" ", ""), JbdFrame.reply(0xE1, 0).hex());
        assertEquals(1, new JbdStreamDecoder().feed(bytes("DD00000000 0077".replace(" ", ""))).frames().size());
    }

    @Test
    void memoryStaysBoundedWhateverComes() {
        JbdStreamDecoder d = new JbdStreamDecoder();
        byte[] noise = new byte[4096];
        Arrays.fill(noise, (byte) 0xDD);
        for (int i = 0; i < 20; i++) {
            d.feed(noise);
            assertTrue(d.pending() <= JbdFrame.MAX_LENGTH, "pending " + d.pending());
        }
        // a real start with the longest length, then the rest never comes
        d = new JbdStreamDecoder();
        d.feed(bytes("DD0300FF"));
        d.feed(new byte[200]);
        assertEquals(204, d.pending());
        String dropped = d.discardPending("the line went quiet");
        assertEquals("204 bytes DD0300FF" + "0".repeat(24) + "… skipped: the line went quiet", dropped);
        assertEquals(0, d.pending());
        assertNull(d.discardPending("again"));
    }

    @Property(tries = 300)
    void framesAmidGarbageSplitAnywhereAreAllFound(@ForAll("streams") Stream stream, @ForAll("cuts") List<Integer> cuts) {
        JbdStreamDecoder d = new JbdStreamDecoder();
        List<JbdFrame> found = new ArrayList<>();
        byte[] all = stream.bytes();
        int from = 0;
        for (int cut : cuts.stream().map(c -> c % (all.length + 1)).sorted().distinct().toList()) {
            found.addAll(d.feed(Arrays.copyOfRange(all, from, cut)).frames());
            from = cut;
        }
        found.addAll(d.feed(Arrays.copyOfRange(all, from, all.length)).frames());
        assertEquals(stream.frames(), found);
    }

    record Stream(List<JbdFrame> frames, byte[] bytes) {
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 10_000).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Stream> streams() {
        Arbitrary<JbdFrame> frame = Combinators.combine(
                Arbitraries.integers().between(0, 0xFF), Arbitraries.of(0x00, 0x80),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(60), Arbitraries.of(true, false))
                .as((reg, status, data, request) -> request ? JbdFrame.read(reg) : JbdFrame.reply(reg, status, data))
                .filter(f -> f.request() || (f.register() != JbdFrame.READ && f.register() != JbdFrame.WRITE));
        // garbage without the start byte, so that it cannot hide a frame of its own
        Arbitrary<byte[]> garbage = Arbitraries.bytes().filter(b -> (b & 0xFF) != JbdFrame.START).array(byte[].class).ofMaxSize(5);
        return Combinators.combine(frame, garbage).as((f, g) -> new Object[] {f, g}).list().ofMaxSize(6).map(parts -> {
            List<JbdFrame> frames = new ArrayList<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object[] p : parts) {
                out.writeBytes((byte[]) p[1]);
                JbdFrame f = (JbdFrame) p[0];
                out.writeBytes(f.bytes());
                frames.add(f);
            }
            return new Stream(frames, out.toByteArray());
        });
    }
}
