package org.bmsworkbench.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogWriter;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogFormat;
import org.bmsworkbench.can.log.LogParseException;
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
 * Log reading alone: 1,000,000 lines (BLF: objects) of a BMS bus (SMA ids and 29-bit NMEA 2000 /
 * VREG ids, 8 random bytes each) from memory; score = frames/s. The BLF log is zlib-compressed
 * in containers of 128 KiB, as {@code bmswb record} writes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogReadBenchmark {
    static final int LINES = 1_000_000;

    @Param({"CANDUMP_L", "ASC", "TRC", "BLF"})
    public LogFormat format;

    private byte[] log;

    @Setup
    public void generate() throws IOException {
        Random random = new Random(42);
        int[] ids = {0x351, 0x355, 0x356, 0x35A, 0x35E, 0x35F, 0x19F21450, 0x1CEFFF50};
        ByteArrayOutputStream out = new ByteArrayOutputStream(LINES * 100);
        try (CanLogWriter writer = CanLogs.writer(out, format)) {
            long time = 1_600_000_000_000_000L;
            byte[] data = new byte[8];
            for (int i = 0; i < LINES; i++) {
                int id = ids[i & 7];
                random.nextBytes(data);
                time += 250;
                writer.write(CanFrame.of(time, "can0", id, id > CanFrame.MAX_STANDARD_ID, data));
            }
        }
        log = out.toByteArray();
        System.out.printf("%n%s log: %,d bytes for %,d frames%n", format, log.length, LINES);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long read() throws IOException, LogParseException {
        long checksum = 0;
        // text logs by detection, as the CLI opens them; BLF named (detected by its LOGG once merged)
        LogFormat given = format == LogFormat.BLF ? format : null;
        try (CanLogReader reader = CanLogs.open(new ByteArrayInputStream(log), "generated", given, null)) {
            for (CanFrame f = reader.next(); f != null; f = reader.next()) {
                checksum += f.id();
            }
        }
        return checksum;
    }
}
