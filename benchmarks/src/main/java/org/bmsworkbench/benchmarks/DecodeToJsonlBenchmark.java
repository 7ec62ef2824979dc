package org.bmsworkbench.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogParseException;
import org.bmsworkbench.cli.internal.decode.DecodePipeline;
import org.bmsworkbench.cli.internal.decode.JsonlFormat;
import org.bmsworkbench.protocol.sma.internal.SmaProtocol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole {@code bmswb decode --format jsonl} pipeline without start-up: read a generated
 * 1,000,000-frame candump -L log from disk, decode it with SMA, write JSONL (to a sink that
 * discards the bytes). Score = frames/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecodeToJsonlBenchmark {
    static final int FRAMES = 1_000_000;

    private Path log;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        log = Files.createTempFile("bmswb-bench", ".log");
        GenerateSmaLog.write(log, FRAMES);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(log);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long decodeLogToJsonl() throws IOException, LogParseException {
        try (CanLogReader reader = CanLogs.open(log, null, null)) {
            DecodePipeline pipeline = new DecodePipeline(List.of(new SmaProtocol()), new JsonlFormat(),
                    OutputStream.nullOutputStream(), false);
            return pipeline.run(reader, log.toString(), null).messages();
        }
    }
}
