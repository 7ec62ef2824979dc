package org.bmsworkbench.can.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/** BLF round trips through the writer and reader, and the reader fed with damaged files. */
class BlfPropertiesTest {
    /** Up to 2100-01-01, microseconds. */
    private static final long MAX_TIME = 4_102_444_800_000_000L;

    @Property(tries = 300)
    void roundTrips(@ForAll("frames") List<CanFrame> frames, @ForAll @IntRange(min = 0, max = 9) int level,
            @ForAll @IntRange(min = 136, max = 2000) int containerBytes) throws Exception {
        List<CanFrame> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingLong(CanFrame::timestampMicros)); // a frame before the first is moved to the start
        assertEquals(sorted, BlfBytes.read(BlfBytes.write(sorted, level, containerBytes)));
    }

    @Property(tries = 300)
    void readsObjectStreamsCutIntoContainersAnywhere(@ForAll("cuts") List<Integer> cuts, @ForAll boolean zlib)
            throws Exception {
        int[] at = cuts.stream().mapToInt(c -> c % BlfReaderTest.STREAM.length).filter(c -> c > 0).sorted().distinct()
                .toArray();
        assertEquals(BlfReaderTest.FRAMES, BlfBytes.read(BlfBytes.file(BlfReaderTest.STREAM, zlib, at)));
    }

    @Property(tries = 500)
    void damagedFilesGiveParseFaultsOnlyAndTolerantReadingEnds(@ForAll("damage") List<Integer> damage,
            @ForAll boolean zlib) throws IOException {
        byte[] file = BlfBytes.file(BlfReaderTest.STREAM, zlib, 100, 300, 500);
        for (int i = 0; i + 1 < damage.size(); i += 2) {
            file[Math.floorMod(damage.get(i), file.length)] = (byte) (int) damage.get(i + 1);
        }
        int length = damage.isEmpty() ? file.length : Math.floorMod(damage.get(0), file.length + 1);
        byte[] damaged = java.util.Arrays.copyOf(file, length);
        try {
            BlfBytes.read(damaged);
        } catch (LogParseException expected) {
            // strict mode stops here
        }
        List<LogParseException> problems = new ArrayList<>();
        try (BlfReader reader = new BlfReader(new ByteArrayInputStream(damaged), "fuzz", problems::add)) {
            while (true) {
                try {
                    if (reader.next() == null) {
                        break;
                    }
                } catch (LogParseException e) {
                    throw new AssertionError("tolerant mode threw " + e.getMessage());
                }
            }
            assertEquals(problems.size(), reader.skippedLines());
        }
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 10_000).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Integer>> damage() {
        return Arbitraries.integers().between(0, 5_000).list().ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<CanFrame>> frames() {
        Arbitrary<String> buses = Arbitraries.of("can0", "can1", "can2", "can7", "can254");
        Arbitrary<Long> times = Arbitraries.longs().between(0, MAX_TIME);
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 6);
        Arbitrary<Integer> ids = Arbitraries.integers().between(0, CanFrame.MAX_EXTENDED_ID);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(8);
        Arbitrary<Integer> fdLength = Arbitraries.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64);
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 7);
        Arbitrary<Direction> directions = Arbitraries.of(Direction.class);
        Arbitrary<CanFrame> classic = Combinators.combine(kinds, times, buses, ids, data, directions)
                .as((kind, time, bus, id, bytes, dir) -> switch (kind) {
                    case 0 -> CanFrame.of(time, bus, id & CanFrame.MAX_STANDARD_ID, false, bytes).withDirection(dir);
                    case 1 -> CanFrame.of(time, bus, id, true, bytes).withDirection(dir);
                    case 2 -> CanFrame.remote(time, bus, id & CanFrame.MAX_STANDARD_ID, false, bytes.length)
                            .withDirection(dir);
                    case 3 -> CanFrame.remote(time, bus, id, true, bytes.length).withDirection(dir);
                    default -> CanFrame.error(time, bus, id, bytes).withDirection(dir);
                });
        Arbitrary<CanFrame> fd = Combinators.combine(times, buses, ids, fdLength, flags, directions)
                .as((time, bus, id, length, f, dir) -> {
                    byte[] bytes = new byte[length];
                    for (int i = 0; i < length; i++) {
                        bytes[i] = (byte) (id * 31 + i * 7);
                    }
                    boolean extended = (f & 4) != 0;
                    return CanFrame.fd(time, bus, extended ? id : id & CanFrame.MAX_STANDARD_ID, extended, (f & 1) != 0,
                            (f & 2) != 0, bytes).withDirection(dir);
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, classic), net.jqwik.api.Tuple.of(1, fd)).list()
                .ofMaxSize(40);
    }
}
