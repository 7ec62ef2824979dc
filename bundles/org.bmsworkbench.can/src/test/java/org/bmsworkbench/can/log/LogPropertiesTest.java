package org.bmsworkbench.can.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/** Round trips through the writers and readers, and readers fed with anything. */
class LogPropertiesTest {
    /** Up to 2100-01-01, microseconds. */
    private static final long MAX_TIME = 4_102_444_800_000_000L;

    @Property(tries = 300)
    void candumpLRoundTrips(@ForAll("frames") List<CanFrame> frames) throws Exception {
        assertEquals(frames, LogText.read(null, LogText.write(LogFormat.CANDUMP_L, frames)));
    }

    @Property(tries = 300)
    void ascRoundTrips(@ForAll("ascFrames") List<CanFrame> frames) throws Exception {
        assertEquals(frames, LogText.read(null, LogText.write(LogFormat.ASC, frames)));
    }

    @Property(tries = 300)
    void trcRoundTrips(@ForAll("trcFrames") List<CanFrame> frames) throws Exception {
        assertEquals(frames, LogText.read(null, LogText.write(LogFormat.TRC, frames)));
    }

    /** Also: next() and next(ReusedFrame) give the same frames, problems and counts (see {@link LogText}). */
    @Property(tries = 500)
    void readersThrowNothingButParseAndIoExceptions(@ForAll("lines") List<String> lines) throws IOException {
        String text = String.join("\n", lines);
        for (LogFormat format : new LogFormat[] {null, LogFormat.CANDUMP_L, LogFormat.CANDUMP, LogFormat.ASC,
            LogFormat.TRC, LogFormat.YACHT_DEVICES_RAW, LogFormat.CANBOAT_CSV}) {
            try {
                LogText.read(format, text);
            } catch (LogParseException expected) {
                // strict mode stops here
            }
            // tolerant mode reads to the end, through next() and next(ReusedFrame) alike
            LogText.Reading tolerant = LogText.readBothWays(format, text.getBytes(StandardCharsets.UTF_8), true);
            LogParseException e = tolerant.failure();
            if (e == null) {
                assertEquals(tolerant.problems().size(), tolerant.skipped());
            } else {
                // only detection may fail in tolerant mode, or a log of a kind that is not read (a TRC version)
                assertTrue(format == null || e instanceof LineLogReader.Unreadable, e.getMessage());
            }
        }
    }

    @Provide
    Arbitrary<List<CanFrame>> frames() {
        Arbitrary<String> buses = Arbitraries.of("can0", "can1", "vcan0", "slcan0", "sim");
        return frame(buses, true).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<CanFrame>> ascFrames() {
        Arbitrary<String> buses = Arbitraries.of("can0", "can1", "can2", "can7");
        return frame(buses, false).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<CanFrame>> trcFrames() {
        Arbitrary<String> buses = Arbitraries.of("can0", "can1", "can2", "can7");
        return frame(buses, false).list().ofMaxSize(20);
    }

    private static Arbitrary<CanFrame> frame(Arbitrary<String> buses, boolean errorClasses) {
        Arbitrary<Long> times = Arbitraries.longs().between(0, MAX_TIME);
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 6);
        Arbitrary<Integer> ids = Arbitraries.integers().between(0, CanFrame.MAX_EXTENDED_ID);
        Arbitrary<byte[]> data = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(8),
                Arbitraries.of(12, 16, 20, 24, 32, 48, 64).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n)));
        Arbitrary<Direction> directions = Arbitraries.of(Direction.class);
        return Combinators.combine(kinds, times, buses, ids, data, directions).as((kind, time, bus, id, longBytes, dir) -> {
            byte[] bytes = kind < 5 && longBytes.length > 8 ? java.util.Arrays.copyOf(longBytes, 8) : longBytes;
            return switch (kind) {
                    case 0 -> CanFrame.of(time, bus, id & CanFrame.MAX_STANDARD_ID, false, bytes).withDirection(dir);
                    case 1 -> CanFrame.of(time, bus, id, true, bytes).withDirection(dir);
                    case 2 -> CanFrame.remote(time, bus, id & CanFrame.MAX_STANDARD_ID, false, bytes.length)
                            .withDirection(dir);
                    case 3 -> CanFrame.remote(time, bus, id, true, bytes.length).withDirection(dir);
                    case 4 -> errorClasses
                            ? CanFrame.error(time, bus, id, bytes).withDirection(dir)
                            // ASC keeps no error class: its ErrorFrame reads as one fixed form
                            : CanFrame.error(time, bus, AscReader.ERROR_CLASS);
                    case 5 -> CanFrame.fd(time, bus, id & CanFrame.MAX_STANDARD_ID, false, (id & 1) != 0, (id & 2) != 0,
                            bytes).withDirection(dir);
                    default -> CanFrame.fd(time, bus, id, true, (id & 4) != 0, (id & 8) != 0, bytes).withDirection(dir);
                };
        });
    }

    @Provide
    Arbitrary<List<String>> lines() {
        List<String> samples = List.of(
                "(1600000000.500000) can0 356#C014850CD700",
                "(1600000000.500000) can0 19F21450#R4 T",
                "(1600000000.500000) can0 20000004#0004000000000000",
                "  can0  356   [6]  C0 14 85 0C D7 00",
                " (1600000000.500000)  can0  123   [4]  remote request",
                " (2020-09-13 12:26:40.500000)  can0  TX - -  19F21450   [2]  C0 14  'ab'",
                "date Mon Sep 14 12:26:40.000 pm 2020",
                "base dec  timestamps relative",
                "Begin Triggerblock Mon Sep 14 12:26:40 2020",
                "   0.500000 1  356             Rx   d 8 C0 14 85 0C D7 00 00 00  Length = 0",
                "   0.700000 1  19F21450x       Tx   r 4",
                "   0.800000 1  ErrorFrame",
                "  30.005021 CANFD   1 Rx        300  1 0 9 12 11 c2 03 04 05 06 07 08 09 0a 0b 0c  0 0 3000 0",
                "(1600000000.500000) can0 123##1C0148500C0148500C0148500",
                ";$FILEVERSION=2.1",
                ";$STARTTIME=44088.5",
                ";$COLUMNS=N,O,T,B,I,d,R,L,D",
                "      1      1841.500 DT 1      0356 Rx -  8    C0 14 85 0C D7 00 00 00",
                "      2      1842.000 FB 2      0123 Rx -  9    00 01 02 03 04 05 06 07 08 09 0A 0B",
                "     1)      1841.3  Rx         0356  8  C0 14 85 0C D7 00 00 00",
                "     1)      1841.123 1  Rx        0356 -  8    C0 14 85 0C D7 00 00 00",
                "23:59:59.617 R 19F21450 00 28 0A FF 7F FF 7F FD",
                "2016-02-28T19:57:02.364Z,6,127508,4,255,8,01,6a,0a,87,ff,ff,7f,ff",
                "2023-04-01T17:28:01.128Z,2,127506,60,255,11,ff,03,ff,64,ff,14,00,ff,ff,ff,ff");
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(samples), Arbitraries.integers().between(0, 200),
                Arbitraries.strings().withChars("0123456789ABCDEFGabcdefxXrRTd#()[].:-,;$= \t\r'`\u00e9\u0000")
                        .ofMaxLength(3))
                .as((line, at, insert) -> {
                    int i = Math.min(at, line.length());
                    int cut = Math.min(line.length(), i + (at % 3));
                    return line.substring(0, i) + insert + line.substring(cut);
                });
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(60);
        return Arbitraries.oneOf(Arbitraries.of(samples), mutated, mutated, anything).list().ofMaxSize(12);
    }
}
