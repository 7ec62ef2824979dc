package org.bmsworkbench.benchmarks;

import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.sma.internal.SmaProtocol;
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

/** SMA decode alone: one 500 ms cycle of the seven SMA frames (guide 1.3) per invocation; score = frames/s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SmaDecodeBenchmark {
    private static final String[][] CYCLE = {
        {"351", "2802E803DC05C001"}, {"355", "570064002922"}, {"356", "C01485FFD700"},
        {"35A", "AAAAAA026AAAAA02"}, {"35B", "00"}, {"35E", "4D472D424D530000"}, {"35F", "9B3A011890010100"},
    };

    private CanFrame[] frames;
    private ProtocolSession session;

    @Setup
    public void setUp() {
        frames = new CanFrame[CYCLE.length];
        for (int i = 0; i < CYCLE.length; i++) {
            frames[i] = CanFrame.of(1_600_000_000_000_000L + i, "can0", Integer.parseInt(CYCLE[i][0], 16), false,
                    HexFormat.of().parseHex(CYCLE[i][1]));
        }
        session = new SmaProtocol().newSession();
    }

    @Benchmark
    @OperationsPerInvocation(7)
    public void decodeCycle(Blackhole bh) throws MalformedFrameException {
        for (CanFrame f : frames) {
            bh.consume(session.decode(f));
        }
    }
}
