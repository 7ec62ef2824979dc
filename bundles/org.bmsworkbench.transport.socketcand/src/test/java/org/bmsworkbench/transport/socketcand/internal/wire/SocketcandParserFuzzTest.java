package org.bmsworkbench.transport.socketcand.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bmsworkbench.can.CanFrame;

/** Whatever a server sends, the parser neither throws nor grows, and finds the valid elements. */
class SocketcandParserFuzzTest {

    @Property(tries = 500)
    void arbitraryBytesInArbitraryPiecesNeverThrow(@ForAll @Size(max = 3000) byte[] data,
            @ForAll @IntRange(min = 1, max = 700) int piece) {
        SocketcandParserTest.Recorder r = new SocketcandParserTest.Recorder();
        SocketcandParser parser = new SocketcandParser("can0", r);
        feedInPieces(parser, data, piece);
        for (String p : r.problems) {
            assertTrue(p.length() < 400, "a problem is reported in a bounded message: " + p.length());
        }
    }

    @Property(tries = 300)
    void afterAnyGarbageTheNextElementIsRead(@ForAll @Size(max = 2000) byte[] garbage) {
        SocketcandParserTest.Recorder r = new SocketcandParserTest.Recorder();
        SocketcandParser parser = new SocketcandParser("can0", r);
        parser.feed(garbage, 0, garbage.length);
        byte[] ok = "< ok >".getBytes(StandardCharsets.US_ASCII);
        parser.feed(ok, 0, ok.length);
        assertEquals("ok|", r.all.get(r.all.size() - 1));
    }

    @Property(tries = 300)
    void framesAsSocketcandWritesThemSurviveAnySplitAndNoiseBetween(
            @ForAll("frames") List<CanFrame> frames, @ForAll("noise") List<String> noise,
            @ForAll @IntRange(min = 1, max = 64) int piece) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < frames.size(); i++) {
            out.writeBytes(noise.get(i % noise.size()).getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(line(frames.get(i)).getBytes(StandardCharsets.US_ASCII));
        }
        SocketcandParserTest.Recorder r = new SocketcandParserTest.Recorder();
        SocketcandParser parser = new SocketcandParser("can0", r);
        feedInPieces(parser, out.toByteArray(), piece);
        assertEquals(frames, r.frames);
    }

    /** As socketcand's state_raw.c prints a frame. */
    private static String line(CanFrame f) {
        long t = f.timestampMicros();
        return String.format("< frame %s %d.%06d %s >", f.idHex(), t / 1_000_000, t % 1_000_000, f.dataHex());
    }

    private static void feedInPieces(SocketcandParser parser, byte[] data, int piece) {
        for (int i = 0; i < data.length; i += piece) {
            parser.feed(data, i, Math.min(piece, data.length - i));
        }
    }

    @Provide
    Arbitrary<List<CanFrame>> frames() {
        Arbitrary<Boolean> extended = Arbitraries.of(true, false);
        Arbitrary<CanFrame> frame = Combinators.combine(extended, Arbitraries.integers().between(0, CanFrame.MAX_EXTENDED_ID),
                Arbitraries.longs().between(0, 4_102_444_800_000_000L), Arbitraries.bytes().array(byte[].class).ofMaxSize(8))
                .as((ext, id, time, data) -> CanFrame.of(time, "can0", ext ? id : id & CanFrame.MAX_STANDARD_ID, ext, data));
        return frame.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<String>> noise() {
        // anything but the brackets between elements: blanks, newlines, text, control bytes
        Arbitrary<String> one = Arbitraries.strings().withCharRange((char) 0, (char) 255).excludeChars('<', '>').ofMaxLength(30);
        return one.list().ofMinSize(1).ofMaxSize(5);
    }

}
