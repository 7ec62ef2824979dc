package org.bmsworkbench.cli.internal.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.can.log.CanLogReader;
import org.bmsworkbench.can.log.CanLogs;
import org.bmsworkbench.can.log.LogParseException;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.protocol.sma.internal.SmaProtocol;
import org.bmsworkbench.protocol.vreg.internal.VregProtocol;
import org.junit.jupiter.api.Test;

/**
 * The two-thread {@link DecodePipeline} writes exactly the bytes of the one-thread pipeline it
 * replaced ({@link SequentialDecodePipeline}), in every format, with and without {@code --all},
 * tolerant and strict, with rings so small that every few items cross a hand-over, with the
 * formatting done by the writer alone, shared when it is behind, or shared for every batch, and
 * reports the same problems at the same lines. The log mixes protocols on one bus, written line by line here:
 * SMA frames (guide 1.3: 0x351, 0x355, 0x356, 0x35A, 0x35E), NMEA 2000 PGN 127508 at three
 * instances and PGN 127506 as a two-frame fast packet (canboat's pgns.json field layout), VREG
 * values, a request and an error ACK over PGN 0xEF00 (guide 1.5.4.3), address claims, frames no
 * protocol claims (11- and 29-bit), a CAN FD frame, error and remote frames, a malformed SMA frame
 * and bad lines; and a serial trace whose chunks split, share and skip messages.
 */
class DecodePipelineEquivalenceTest {
    private static final String SOURCE = "mixed.log";

    /** One cycle of the mixed bus; {@code %d} is the second. */
    private static final String CYCLE = """
            (%1$d.000000) can0 351#2802E803DC05E001
            (%1$d.001000) can0 355#320064008813
            (%1$d.002000) can0 356#88136AFFD700
            (%1$d.003000) can0 35A#0000000000000000
            (%1$d.004000) can0 35E#4D4720454E455247
            (%1$d.005000) can0 19F21450#00280A6AFF4B7300
            (%1$d.006000) can0 19F21450#014501FF7FE77200
            (%1$d.007000) can0 19F21450#024D01FF7FAF7300
            (%1$d.008000) can0 19F21250#000B00000032FF58
            (%1$d.008500) can0 123#DEADBEEF
            (%1$d.009000) can0 19F21250#0102FFFF6400FFFF
            (%1$d.010000) can0 1CEFFF50#6699FF0F5C22
            (%1$d.011000) can0 1CEF5020#66990100020 1FFFF
            (%1$d.011500) can0 1CEF5020#669901000201FFFF
            (%1$d.012000) can0 1CEF2050#6699020002010080
            (%1$d.013000) can0 18EEFF50#0000A09100A0C0
            (%1$d.014000) can0 18FF0001#0102
            (%1$d.015000) can1 456##1000102030405060708090A0B
            (%1$d.016000) can0 20000004#0004000000000000
            (%1$d.017000) can0 123#R4
            (%1$d.018000) can0 356#8813
            (%1$d.019000) can0 35G#00
            (%1$d.020000) can0 356#88.13.6A.FF.D7.00 T

            # a comment
            (%1$d.021000) vcan0 0x356#88136AFFD700
            (%1$d.022000) can0 19F21450#00290A6BFF4C7301
            """;

    private static final String TRACE = """
            (1600000000.052311) ttyUSB0 tx DDA50300FFFD77
            (1600000000.101002) ttyUSB0 rx 0011DD0300
            (1600000000.101950) ttyUSB0 rx 0210
            (1600000000.102400) ttyUSB0 rx 04FFEA77DD0300021004FFEA77
            (1600000000.2) ttyUSB0 rx DD0300021004FFEA770011
            (1600000000.3) ttyUSB0 rx 77
            (1600000000.4) ttyUSB0 rx DDA50300FFFD77DDA5
            """;

    private static final int[][] RINGS = {{2, 1}, {2, 3}, {3, 7}, {DecodePipeline.BATCHES, DecodePipeline.BATCH_SIZE}};

    private static String log(int cycles) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cycles; i++) {
            s.append(CYCLE.formatted(1_600_000_000 + i));
        }
        return s.toString();
    }

    private static final List<Supplier<OutputFormat>> FORMATS = List.of(JsonlFormat::new,
            () -> new CsvFormat(Map.of("pack.voltage", "V", "soc", "%")),
            () -> new TableFormat(Map.of("pack.voltage", "V", "soc", "%")));

    private record Outcome(byte[] bytes, List<String> problems, List<Long> summary, String failure) {
    }

    private static CanLogReader open(String text, List<String> problems, boolean strict) throws Exception {
        return CanLogs.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), SOURCE, null,
                strict ? null : e -> problems.add(e.getMessage()));
    }

    private static Outcome sequential(String text, List<BmsProtocol> protocols, OutputFormat format, boolean all,
            boolean strict) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> problems = new ArrayList<>();
        CanLogReader.ProblemListener listener = strict ? null : e -> problems.add(e.getMessage());
        try (CanLogReader reader = open(text, problems, strict)) {
            SequentialDecodePipeline.Summary s = new SequentialDecodePipeline(protocols, format, out, all)
                    .run(reader, SOURCE, listener);
            return new Outcome(out.toByteArray(), problems,
                    List.of(s.frames(), s.messages(), s.unknownFrames(), s.malformedFrames()), null);
        } catch (LogParseException e) {
            return new Outcome(out.toByteArray(), problems, List.of(), e.getMessage());
        }
    }

    private static Outcome twoThreads(String text, List<BmsProtocol> protocols, OutputFormat format, boolean all,
            boolean strict, int[] ring) throws Exception {
        return twoThreads(text, protocols, format, all, strict, ring, DecodePipeline.Sharing.WHEN_WRITER_BEHIND);
    }

    private static Outcome twoThreads(String text, List<BmsProtocol> protocols, OutputFormat format, boolean all,
            boolean strict, int[] ring, DecodePipeline.Sharing sharing) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> problems = new ArrayList<>();
        CanLogReader.ProblemListener listener = strict ? null : e -> problems.add(e.getMessage());
        try (CanLogReader reader = open(text, problems, strict)) {
            DecodePipeline.Summary s = new DecodePipeline(protocols, format, out, all, null, ring[0], ring[1], sharing)
                    .run(reader, SOURCE, listener);
            return new Outcome(out.toByteArray(), problems,
                    List.of(s.frames(), s.messages(), s.unknownFrames(), s.malformedFrames()), null);
        } catch (LogParseException e) {
            return new Outcome(out.toByteArray(), problems, List.of(), e.getMessage());
        }
    }

    private static void assertSame(String text, List<Supplier<BmsProtocol>> protocols, boolean strict)
            throws Exception {
        for (Supplier<OutputFormat> format : FORMATS) {
            for (boolean all : new boolean[] {false, true}) {
                Outcome expected = sequential(text, make(protocols), format.get(), all, strict);
                assertTrue(expected.bytes().length > 0 || protocols.isEmpty() && !all, "the reference wrote something");
                for (int[] ring : RINGS) {
                    for (DecodePipeline.Sharing sharing : DecodePipeline.Sharing.values()) {
                        Outcome actual = twoThreads(text, make(protocols), format.get(), all, strict, ring, sharing);
                        String what = format.get().getClass().getSimpleName() + (all ? " --all" : "")
                                + (strict ? " --strict" : "") + ", " + ring[0] + " batches of " + ring[1]
                                + ", formatting shared " + sharing;
                        assertArrayEquals(expected.bytes(), actual.bytes(), what);
                        assertEquals(expected.problems(), actual.problems(), what);
                        assertEquals(expected.summary(), actual.summary(), what);
                        assertEquals(expected.failure(), actual.failure(), what);
                    }
                }
            }
        }
    }

    private static List<BmsProtocol> make(List<Supplier<BmsProtocol>> protocols) {
        return protocols.stream().map(Supplier::get).toList();
    }

    @Test
    void aMixedBusIsWrittenByteForByteAsBefore() throws Exception {
        String text = log(40);
        assertSame(text, List.of(SmaProtocol::new, Nmea2000Protocol::new, VregProtocol::new), false);
        assertSame(text, List.of(Nmea2000Protocol::new, VregProtocol::new), false);
        assertSame(text, List.of(SmaProtocol::new), false);
        assertSame(text, List.of(), false);
    }

    @Test
    void strictModeWritesTheSameBeforeTheSameFirstProblem() throws Exception {
        String text = log(3);
        assertSame(text, List.of(SmaProtocol::new, Nmea2000Protocol::new, VregProtocol::new), true);
        // the first problem of this log is the odd hex digits of line 13, after twelve good frames
        Outcome o = twoThreads(text, List.of(new SmaProtocol()), new JsonlFormat(), false, true, RINGS[1]);
        assertTrue(o.failure().startsWith(SOURCE + ":13: "), o.failure());
    }

    @Test
    void aSerialTraceIsWrittenByteForByteAsBefore() throws Exception {
        assertSame(TRACE.repeat(30), List.of(ByteStreamProtocol::new), false);
        assertSame(TRACE, List.of(ByteStreamProtocol::new), true);
    }

    @Test
    void aLogThatCannotBeReadFailsAfterWritingWhatCameBefore() throws Exception {
        String text = log(2) + "\u0000\u0001 binary garbage\n";
        Outcome expected = sequential(text, List.of(new SmaProtocol()), new JsonlFormat(), false, true);
        Outcome actual = twoThreads(text, List.of(new SmaProtocol()), new JsonlFormat(), false, true, RINGS[0]);
        assertArrayEquals(expected.bytes(), actual.bytes());
        assertEquals(expected.failure(), actual.failure());
        assertThrows(LogParseException.class, () -> {
            try (CanLogReader reader = open(text, new ArrayList<>(), true)) {
                new DecodePipeline(List.of(new SmaProtocol()), new JsonlFormat(), new ByteArrayOutputStream(), false)
                        .run(reader, SOURCE, null);
            }
        });
    }
}
