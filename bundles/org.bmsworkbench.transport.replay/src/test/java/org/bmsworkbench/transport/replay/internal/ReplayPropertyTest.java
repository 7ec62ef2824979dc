package org.bmsworkbench.transport.replay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogWriter;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogFormat;
import org.bmsworkbench.can.testing.RecordingListener;

/** A replay at speed max of any log delivers exactly the frames of the log, in order. */
class ReplayPropertyTest {

    @Provide
    Arbitrary<CanFrame> frames() {
        Arbitrary<Long> time = Arbitraries.longs().between(1_500_000_000_000_000L, 1_800_000_000_000_000L);
        Arbitrary<Boolean> extended = Arbitraries.of(false, true);
        Arbitrary<Integer> id = Arbitraries.integers().between(0, CanFrame.MAX_EXTENDED_ID);
        Arbitrary<byte[]> data = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(8),
                Arbitraries.bytes().array(byte[].class).ofSize(64));
        Arbitrary<String> bus = Arbitraries.of("can0", "can1", "vcan0");
        return Combinators.combine(time, extended, id, data, bus).as((t, x, i, d, b) -> d.length > 8
                ? CanFrame.fd(t, b, x ? i : i & CanFrame.MAX_STANDARD_ID, x, true, false, d)
                : CanFrame.of(t, b, x ? i : i & CanFrame.MAX_STANDARD_ID, x, d));
    }

    @Property(tries = 60)
    void maxSpeedDeliversExactlyTheFramesOfTheLog(@ForAll("logs") List<CanFrame> log,
            @ForAll("formats") LogFormat format, @ForAll @IntRange(min = 256, max = 8192) int block) throws Exception {
        Path dir = Files.createTempDirectory("replay-property");
        Path file = dir.resolve(switch (format) {
            case ASC -> "p.asc";
            case TRC -> "p.trc";
            case BLF -> "p.blf";
            default -> "p.log";
        });
        try {
            List<CanFrame> sorted = new ArrayList<>(log);
            sorted.sort(java.util.Comparator.comparingLong(CanFrame::timestampMicros));
            try (OutputStream out = Files.newOutputStream(file); CanLogWriter w = CanLogs.writer(out, format)) {
                for (CanFrame f : sorted) {
                    w.write(f);
                }
            }
            List<CanFrame> expected = new ArrayList<>();
            try (CanLogReader reader = CanLogs.open(file, null, null)) {
                CanFrame f;
                while ((f = reader.next()) != null) {
                    expected.add(f);
                }
            }
            if (format == LogFormat.CANDUMP_L) {
                assertEquals(sorted, expected, "candump -L keeps every frame as it was");
            }
            RecordingListener r = new RecordingListener();
            LogSource source = LogSource.file(file, file.getFileName().toString());
            try (CanChannel ch = new ReplayChannel("replay:p", source, LogLayout.read(source), r,
                    Double.POSITIVE_INFINITY, false, c -> { }, block)) {
                ((ReplayChannel) ch).start();
                ((ReplayChannel) ch).resume();
                r.awaitEnd();
            }
            assertEquals(expected, r.frames);
            assertEquals(List.of(), r.errors);
            assertEquals("CLOSED: end of log, " + expected.size() + (expected.size() == 1 ? " frame" : " frames"),
                    r.states.get(r.states.size() - 1));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    @Provide
    Arbitrary<List<CanFrame>> logs() {
        return frames().list().ofMaxSize(300);
    }

    @Provide
    Arbitrary<LogFormat> formats() {
        return Arbitraries.of(LogFormat.CANDUMP_L, LogFormat.ASC, LogFormat.TRC, LogFormat.BLF);
    }

}
