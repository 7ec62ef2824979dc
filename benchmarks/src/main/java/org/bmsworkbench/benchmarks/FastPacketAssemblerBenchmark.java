package org.bmsworkbench.benchmarks;

import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketAssembler;
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
 * Fast-packet reassembly alone: two senders' PGN 127506 packets (guide 1.5.3.2, two frames each)
 * interleaved, four frames and two payloads per invocation; score = frames/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FastPacketAssemblerBenchmark {
    private static final int PGN = 127506;
    private CanFrame a0;
    private CanFrame b0;
    private CanFrame a1;
    private CanFrame b1;
    private FastPacketAssembler assembler;

    private static CanFrame frame(int id, String hex) {
        return CanFrame.of(0, "can0", id, true, HexFormat.of().parseHex(hex));
    }

    @Setup
    public void setUp() {
        a0 = frame(0x19F21250, "200B01000056FF4E");
        b0 = frame(0x19F21251, "000B01200040FFFF");
        a1 = frame(0x19F21250, "2102FFFFAC00FFFF");
        b1 = frame(0x19F21251, "01FFFFFF4000FFFF");
        assembler = new FastPacketAssembler();
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public void interleavedPackets(Blackhole bh) throws MalformedFrameException {
        bh.consume(assembler.accept(0x50, PGN, a0));
        bh.consume(assembler.accept(0x51, PGN, b0));
        bh.consume(assembler.accept(0x50, PGN, a1));
        bh.consume(assembler.accept(0x51, PGN, b1));
    }
}
