package org.bmsworkbench.can.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectionTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            (1600000000.500000) can0 356#C014850CD700            | CANDUMP_L
            (1600000000.500000) can0 19F21450#R                  | CANDUMP_L
            can0 356#C014                                        | CANDUMP_L
            "  can0  356   [6]  C0 14 85 0C D7 00"               | CANDUMP
            " (1600000000.500000)  can0  356   [6]  C0 14 85 0C" | CANDUMP
            " (000.000000)  can0  19F21450   [0]"                | CANDUMP
            "  can0  TX - -  356   [2]  C0 14"                   | CANDUMP
            date Mon Sep 14 12:26:40.000 pm 2020                 | ASC
            base hex  timestamps absolute                        | ASC
            Begin Triggerblock Mon Sep 14 12:26:40.000 pm 2020   | ASC
            no internal events logged                            | ASC
            "   0.000000 Start of measurement"                   | ASC
            "   0.500000 1  356             Rx   d 1 00"         | ASC
            ;$FILEVERSION=2.1                                    | TRC
            ;##########################################         | TRC
            "     1)      1841  0356  8  00 00 00 00 00 00 00 00" | TRC
            00:29:58.617 R 0DFF180D A2 8C 50 C0 FF FF FF FF      | YACHT_DEVICES_RAW
            "2016-02-28T19:57:02.364Z,6,127508,4,255,1,01"       | CANBOAT_CSV
            "2016-02-28-19:57:02.364,6,127508,4,255,1,01"        | CANBOAT_CSV
            """)
    void tellsTheFormatFromTheFirstSignificantLine(String line, LogFormat expected) throws Exception {
        String text = "\n// comment\n# comment\n" + line + "\n";
        try (CanLogReader reader = CanLogs.open(stream(text), "x", null, null)) {
            assertEquals(expected, reader.format());
        }
        byte[] b = line.getBytes(StandardCharsets.US_ASCII);
        assertEquals(expected, FormatDetection.classify(b, 0, b.length));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            hello world
            {"time":1600000000.5}
            0x356 C0 14
            (1600000000.500000) can0 356 C0 14
            12abc def
            """)
    void refusesAnythingElseNamingTheLineAndTheFormats(String line) {
        LogParseException e = assertThrows(LogParseException.class,
                () -> CanLogs.open(stream("\n\n" + line + "\n"), "mystery.txt", null, null));
        assertEquals("mystery.txt", e.source());
        assertEquals(3, e.line());
        assertTrue(e.reason().startsWith("not a CAN log this workbench reads; formats understood: candump -L"), e.reason());
        assertTrue(e.reason().contains("plain candump") && e.reason().contains("Vector ASC"), e.reason());
    }

    @Test
    void tolerantModeSkipsUnrecognisedLeadingLinesReportingEachWithItsNumber() throws Exception {
        List<LogParseException> problems = new ArrayList<>();
        String text = "garbage line\n\n// comment\n{\"json\":1}\n(1700000000.000000) can0 356#BE14FE007C01\n"
                + "(1700000000.100000) can0 356#BE14FE007C01\n";
        try (CanLogReader reader = CanLogs.open(stream(text), "x.log", null, problems::add)) {
            assertEquals(LogFormat.CANDUMP_L, reader.format());
            assertEquals(List.of("x.log:1: " + FormatDetection.UNRECOGNISED, "x.log:4: " + FormatDetection.UNRECOGNISED),
                    problems.stream().map(Throwable::getMessage).toList());
            assertEquals(2, reader.skippedLines());
            assertEquals(0x356, reader.next().id());
            assertEquals(5, reader.linesRead());
            assertEquals(0x356, reader.next().id());
            assertNull(reader.next());
        }
        LogParseException strict = assertThrows(LogParseException.class,
                () -> CanLogs.open(stream(text), "x.log", null, null));
        assertEquals(1, strict.line());
    }

    @Test
    void tolerantModeLooksAtAHundredSignificantLinesThenRefusesAtTheFirst() throws Exception {
        String frame = "(1700000000.000000) can0 356#BE14FE007C01\n";
        List<LogParseException> problems = new ArrayList<>();
        try (CanLogReader reader = CanLogs.open(stream("\n" + "junk\n// c\n".repeat(99) + frame), "x", null,
                problems::add)) {
            assertEquals(99, problems.size());
            assertEquals(2, problems.get(0).line());
            assertEquals(0x356, reader.next().id());
        }
        problems.clear();
        LogParseException e = assertThrows(LogParseException.class,
                () -> CanLogs.open(stream("\n" + "junk\n".repeat(100) + frame), "x", null, problems::add));
        assertEquals(2, e.line());
        assertTrue(e.reason().startsWith("not a CAN log this workbench reads"), e.reason());
        assertTrue(problems.isEmpty(), "a log that is refused reports no skipped lines: " + problems);
        e = assertThrows(LogParseException.class, () -> CanLogs.open(stream("junk\nmore junk\n"), "x", null,
                problems::add));
        assertEquals(1, e.line());
        assertTrue(problems.isEmpty());
    }

    @Test
    void theDetectedLineIsReadAsAFrameAndCountedOnce() throws Exception {
        try (CanLogReader reader = CanLogs.open(stream("\n(1.000000) can0 100#01\n"), "x", null, null)) {
            assertEquals(2, reader.linesRead());
            assertEquals(0x100, reader.next().id());
            assertEquals(2, reader.linesRead());
            assertNull(reader.next());
        }
    }

    @Test
    void anEmptyLogHasNoFrames() throws Exception {
        try (CanLogReader reader = CanLogs.open(stream(""), "x", null, null)) {
            assertNull(reader.next());
        }
        try (CanLogReader reader = CanLogs.open(stream("\n  \n// nothing\n"), "x", null, null)) {
            assertNull(reader.next());
            assertEquals(3, reader.linesRead());
        }
    }

    @Test
    void opensFilesByPathNamingThemInFaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.asc");
        Files.writeString(file, "date Mon Sep 14 12:26:40.000 pm 2020\n   0.5 1 800 Rx d 0\n");
        try (CanLogReader reader = CanLogs.open(file, null, null)) {
            assertEquals(LogFormat.ASC, reader.format());
            LogParseException e = assertThrows(LogParseException.class, reader::next);
            assertEquals(file + ":2: id 0x800 does not fit 11 bits", e.getMessage());
        }
        Path junk = dir.resolve("junk.log");
        Files.writeString(junk, "junk\n");
        LogParseException e = assertThrows(LogParseException.class, () -> CanLogs.open(junk, null, null));
        assertEquals(junk.toString(), e.source());
        assertEquals(1, e.line());
    }

    @Test
    void aGivenFormatSkipsDetection() throws Exception {
        try (CanLogReader reader = CanLogs.open(stream("junk\n"), "x", LogFormat.CANDUMP_L, null)) {
            LogParseException e = assertThrows(LogParseException.class, reader::next);
            assertEquals(1, e.line());
        }
    }

    @Test
    void binaryLogsAreToldByTheirFirstBytes() throws Exception {
        byte[] mdf = "MDF     4.10    MDF4 measurement".getBytes(StandardCharsets.US_ASCII);
        LogParseException e = assertThrows(LogParseException.class,
                () -> CanLogs.open(new ByteArrayInputStream(mdf), "drive.mf4", null, problems -> { }));
        assertEquals("drive.mf4:1: an ASAM MDF (MF4) measurement file, which this workbench does not read;"
                + " export it as Vector BLF or ASC, PEAK TRC or candump -L", e.getMessage());
        byte[] unfinished = "UnFinMF 4.10    ".getBytes(StandardCharsets.US_ASCII);
        assertTrue(assertThrows(LogParseException.class,
                () -> CanLogs.open(new ByteArrayInputStream(unfinished), "x", null, null)).reason().startsWith("an ASAM MDF"));
        byte[] blf = new byte[144];
        System.arraycopy("LOGG".getBytes(StandardCharsets.US_ASCII), 0, blf, 0, 4);
        e = assertThrows(LogParseException.class, () -> {
            try (CanLogReader reader = CanLogs.open(new ByteArrayInputStream(blf), "x.blf", null, null)) {
                assertEquals(LogFormat.BLF, reader.format());
                reader.next();
            }
        });
        assertEquals("x.blf", e.source());
    }

    @Test
    void aTraceVersionNotReadIsNamed() {
        LogParseException e = assertThrows(LogParseException.class, () -> {
            try (CanLogReader reader = CanLogs.open(stream(";$FILEVERSION=3.0\n"), "new.trc", null, p -> { })) {
                reader.next();
            }
        });
        assertEquals("new.trc:1: PEAK TRC file version '3.0' is not read; this workbench reads versions "
                + TrcReader.VERSIONS, e.getMessage());
    }

    @Test
    void theFormatForWritingFollowsTheExtension() {
        assertEquals(LogFormat.TRC, LogFormat.forWriting(Path.of("x.TRC")));
        assertEquals(LogFormat.BLF, LogFormat.forWriting(Path.of("dir/x.blf")));
        assertEquals(LogFormat.ASC, LogFormat.forWriting(Path.of("x.asc")));
        assertEquals(LogFormat.CANDUMP_L, LogFormat.forWriting(Path.of("x.raw")));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
