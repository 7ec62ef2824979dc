package org.bmsworkbench.benchmarks;

import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.generalbms.internal.GeneralBmsProtocol;
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
 * General BMS decode alone: one 500 ms cycle of the eleven frames of guide 1.4 (the seven SMA
 * frames, 0x373, 0x378 and both serial halves, so the serial is assembled every cycle) per
 * invocation; score = frames/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeneralBmsDecodeBenchmark {
    private static final String[][] CYCLE = {
        {"351", "2802E803DC05C001"}, {"355", "570064002922"}, {"356", "C01485FFD700"},
        {"35A", "AAAAAA026AAAAA02"}, {"35B", "00"}, {"35E", "4D472D424D530000"}, {"35F", "9B3A011890010100"},
        {"373", "F00C070D28012B01"}, {"378", "40E20100CD810100"}, {"380", "4D474C5632303233"},
        {"381", "3030343200000000"},
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
        session = new GeneralBmsProtocol().newSession();
    }

    @Benchmark
    @OperationsPerInvocation(11)
    public void decodeCycle(Blackhole bh) throws MalformedFrameException {
        for (CanFrame f : frames) {
            bh.consume(session.decode(f));
        }
    }
}
