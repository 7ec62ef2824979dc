package org.bmsworkbench.benchmarks;

import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.pylontech.internal.PylontechProtocol;
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
 * Pylontech decode alone (the OEM example): one cycle of its six frames (0x351, 0x355, 0x356,
 * 0x359 protections and alarms, 0x35C requests, 0x35E "PYLON") per invocation; score = frames/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PylontechDecodeBenchmark {
    private static final String[][] CYCLE = {
        {"351", "1402C012C012C201"}, {"355", "1A006400"}, {"356", "7A13F2FE6B01"},
        {"359", "0200000806504E"}, {"35C", "C000"}, {"35E", "50594C4F4E202020"},
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
        session = new PylontechProtocol().newSession();
    }

    @Benchmark
    @OperationsPerInvocation(6)
    public void decodeCycle(Blackhole bh) throws MalformedFrameException {
        for (CanFrame f : frames) {
            bh.consume(session.decode(f));
        }
    }
}
