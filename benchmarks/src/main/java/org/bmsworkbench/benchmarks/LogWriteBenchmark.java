package org.bmsworkbench.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogWriter;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Log writing alone: the 1,000,000 frames of {@link LogReadBenchmark} written to a stream that
 * discards them (BLF: compressed, zlib level 6); score = frames/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogWriteBenchmark {
    static final int FRAMES = 1_000_000;

    @Param({"CANDUMP_L", "ASC", "BLF"})
    public LogFormat format;

    private CanFrame[] frames;

    @Setup
    public void generate() {
        Random random = new Random(42);
        int[] ids = {0x351, 0x355, 0x356, 0x35A, 0x35E, 0x35F, 0x19F21450, 0x1CEFFF50};
        frames = new CanFrame[FRAMES];
        long time = 1_600_000_000_000_000L;
        byte[] data = new byte[8];
        for (int i = 0; i < FRAMES; i++) {
            int id = ids[i & 7];
            random.nextBytes(data);
            time += 250;
            frames[i] = CanFrame.of(time, "can0", id, id > CanFrame.MAX_STANDARD_ID, data);
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long write() throws IOException {
        Discard out = new Discard();
        try (CanLogWriter writer = CanLogs.writer(out, format)) {
            for (CanFrame f : frames) {
                writer.write(f);
            }
        }
        return out.bytes;
    }

    /** Counts the bytes and drops them. */
    private static final class Discard extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
