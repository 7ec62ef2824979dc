package org.bmsworkbench.transport.slcan.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bmsworkbench.can.CanFrame;

/**
 * Fuzzing the decoder: random bytes never make it throw, and a valid frame line with a clean
 * delimiter before it (CR or BEL) and its own CR after it is always recovered, in order,
 * whatever garbage surrounds it and however the stream is split.
 */
class SlcanDecoderFuzzTest {

    /** A frame and how it is written (with or without a timestamp). */
    record Line(CanFrame frame, int timestamp) {
        byte[] bytes() {
            byte[] cmd = SlcanEncoder.frame(frame); // the host's transmit command has the adapter's receive syntax
            if (timestamp < 0) {
                return cmd;
            }
            String ts = String.format("%04X\r", timestamp);
            byte[] out = java.util.Arrays.copyOf(cmd, cmd.length - 1 + 5);
            System.arraycopy(Events.ascii(ts), 0, out, cmd.length - 1, 5);
            return out;
        }

        String expected() {
            byte[] data = frame.data();
            return Events.frameText(frame.id(), frame.extended(), frame.remote(), frame.dlc(), data, timestamp);
        }
    }

    @Provide
    Arbitrary<Line> lines() {
        Arbitrary<Boolean> extended = Arbitraries.of(true, false);
        Arbitrary<Boolean> remote = Arbitraries.of(true, false);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(8);
        Arbitrary<Integer> timestamp = Arbitraries.oneOf(Arbitraries.just(-1), Arbitraries.integers().between(0, 0xFFFF));
        return Combinators.combine(extended, remote, data, Arbitraries.integers().between(0, 0x1FFFFFFF), timestamp)
                .as((ext, rtr, d, id, ts) -> {
                    int i = ext ? id : id & 0x7FF;
                    CanFrame f = rtr ? CanFrame.remote(0, "x", i, ext, d.length) : CanFrame.of(0, "x", i, ext, d);
                    return new Line(f, ts);
                });
    }

    /** Garbage leaning towards what confuses a line parser: SLCAN letters, hex, CR, BEL, LF, any byte. */
    @Provide
    Arbitrary<byte[]> garbage() {
        byte[] letters = Events.ascii("tTrRzZFVvN0123456789ABCDEFabcdef\r\n\u0007");
        Arbitrary<Byte> slcanish = Arbitraries.integers().between(0, letters.length - 1).map(i -> letters[i]);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, slcanish), net.jqwik.api.Tuple.of(1, any))
                .array(byte[].class).ofMaxSize(80);
    }

    @Property(tries = 300)
    void randomBytesNeverThrow(@ForAll @Size(max = 2000) byte[] bytes, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        Events events = new Events();
        SlcanDecoder decoder = new SlcanDecoder(events);
        for (int i = 0; i < bytes.length; i += chunk) {
            decoder.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        assertTrue(decoder.frames() + decoder.problems() <= bytes.length);
    }

    @Property(tries = 400)
    void everyCleanlyDelimitedFrameIsRecovered(@ForAll @Size(min = 1, max = 20) List<@From("lines") Line> frames,
            @ForAll @Size(min = 21, max = 21) List<@From("garbage") byte[]> junk,
            @ForAll boolean bellBefore, @ForAll @IntRange(min = 1, max = 40) int chunk) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            stream.writeBytes(junk.get(i));
            stream.write(bellBefore ? 0x07 : '\r');
            stream.writeBytes(frames.get(i).bytes());
            expected.add(frames.get(i).expected());
        }
        stream.writeBytes(junk.get(frames.size()));
        byte[] bytes = stream.toByteArray();
        Events events = new Events();
        SlcanDecoder decoder = new SlcanDecoder(events);
        for (int i = 0; i < bytes.length; i += chunk) {
            decoder.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        assertTrue(isSubsequence(expected, events.frames), () -> "expected " + expected + " within " + events.frames);
    }

    @Property(tries = 300)
    void cleanStreamsDecodeExactlyWithoutProblems(@ForAll @Size(max = 30) List<@From("lines") Line> frames) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frames.forEach(f -> stream.writeBytes(f.bytes()));
        byte[] bytes = stream.toByteArray();
        Events events = new Events();
        SlcanDecoder decoder = new SlcanDecoder(events);
        decoder.feed(bytes, 0, bytes.length);
        assertEquals(frames.stream().map(Line::expected).toList(), events.frames);
        assertEquals(0, decoder.problems());
    }

    private static boolean isSubsequence(List<String> wanted, List<String> got) {
        int j = 0;
        for (String g : got) {
            if (j < wanted.size() && wanted.get(j).equals(g)) {
                j++;
            }
        }
        return j == wanted.size();
    }
}
