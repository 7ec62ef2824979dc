package org.bmsworkbench.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogParseException;
import org.bmsworkbench.cli.internal.decode.DecodePipeline;
import org.bmsworkbench.cli.internal.decode.JsonlFormat;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.protocol.sma.internal.SmaProtocol;
import org.bmsworkbench.protocol.vreg.internal.VregProtocol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole {@code bmswb decode --format jsonl} pipeline without start-up: read a generated
 * 1,000,000-frame candump -L log from disk, decode it, write JSONL (to a sink that discards the
 * bytes). {@code log}: {@code sma} ({@link GenerateSmaLog}, decoded with SMA) or {@code nmea2000}
 * ({@link GenerateNmea2000Log}, decoded with NMEA 2000 and its VREG companion, as
 * {@code --protocol nmea2000} does). The pipeline reads and decodes on a thread of its own while
 * the benchmark's thread formats (two threads). Score = frames/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecodeToJsonlBenchmark {
    static final int FRAMES = 1_000_000;

    @Param({"sma", "nmea2000"})
    public String protocol;

    private Path log;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        log = Files.createTempFile("bmswb-bench", ".log");
        if (protocol.equals("sma")) {
            GenerateSmaLog.write(log, FRAMES);
        } else {
            GenerateNmea2000Log.write(log, FRAMES);
        }
    }

    private List<BmsProtocol> protocols() {
        return protocol.equals("sma") ? List.of(new SmaProtocol())
                : List.of(new Nmea2000Protocol(), new VregProtocol());
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(log);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long decodeLogToJsonl() throws IOException, LogParseException {
        try (CanLogReader reader = CanLogs.open(log, null, null)) {
            DecodePipeline pipeline = new DecodePipeline(protocols(), new JsonlFormat(),
                    OutputStream.nullOutputStream(), false);
            return pipeline.run(reader, log.toString(), null).messages();
        }
    }
}
