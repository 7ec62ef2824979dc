package org.bmsworkbench.benchmarks;

import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * VREG decode alone: one 5 s cycle of the periodic registers of guide 1.5.4.2 (voltage,
 * current, cell voltages and temperatures, SOC, the four limits, the charger link), plus the
 * request, reply and error ACK of 1.5.4.3, per invocation; score = frames/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VregDecodeBenchmark {
    private static final String[][] CYCLE = {
        {"1CEFFF50", "66998DEDC014FFFF"}, {"1CEFFF50", "66998FED85FFFFFF"}, {"1CEFFF50", "6699850348014F01"},
        {"1CEFFF50", "6699860377746B76"}, {"1CEFFF50", "6699FF0F2E22FFFF"}, {"1CEFFF50", "6699900390150000"},
        {"1CEFFF50", "66999103DC050000"}, {"1CEFFF50", "6699920330110000"}, {"1CEFFF50", "66999303DC050000"},
        {"1CEFFF50", "6699142064FFFFFF"}, {"1CEFFF50", "669915202003FFFF"}, {"1CEF5020", "669901000201FFFF"},
        {"1CEFFF50", "6699020100000401"}, {"1CEF2050", "6699020034120080"},
    };

    private CanFrame[] frames;
    private final VregCodec codec = VregCodec.INSTANCE;

    @Setup
    public void setUp() {
        frames = new CanFrame[CYCLE.length];
        for (int i = 0; i < CYCLE.length; i++) {
            frames[i] = CanFrame.of(1_600_000_000_000_000L + i, "can0", Integer.parseInt(CYCLE[i][0], 16), true,
                    HexFormat.of().parseHex(CYCLE[i][1]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(14)
    public void decodeCycle(Blackhole bh) throws MalformedFrameException {
        for (CanFrame f : frames) {
            bh.consume(codec.decode(f));
        }
    }
}
