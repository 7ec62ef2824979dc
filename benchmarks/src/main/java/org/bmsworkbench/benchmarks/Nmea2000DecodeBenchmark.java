package org.bmsworkbench.benchmarks;

import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
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
 * NMEA 2000 decode alone: one 1.5 s cycle of the MG Master LV (guide 1.5.3) per invocation, the
 * three PGN 127508 instances and PGN 127506 as a two-frame fast packet, through a session
 * (reassembly included); score = frames/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Nmea2000DecodeBenchmark {
    private static final String[][] CYCLE = {
        {"19F21450", "005E0A85FF777400"}, {"19F21450", "014B01FF7F7D7300"}, {"19F21450", "024D01FF7F777400"},
        {"19F21250", "000B00000057FF58"}, {"19F21250", "0102FFFFAE00FFFF"},
    };

    private CanFrame[] frames;
    private ProtocolSession session;

    @Setup
    public void setUp() {
        frames = new CanFrame[CYCLE.length];
        for (int i = 0; i < CYCLE.length; i++) {
            frames[i] = CanFrame.of(1_600_000_000_000_000L + i, "can0", Integer.parseInt(CYCLE[i][0], 16), true,
                    HexFormat.of().parseHex(CYCLE[i][1]));
        }
        session = new Nmea2000Protocol().newSession();
    }

    @Benchmark
    @OperationsPerInvocation(5)
    public void decodeCycle(Blackhole bh) throws MalformedFrameException {
        for (CanFrame f : frames) {
            bh.consume(session.decode(f));
        }
    }
}
