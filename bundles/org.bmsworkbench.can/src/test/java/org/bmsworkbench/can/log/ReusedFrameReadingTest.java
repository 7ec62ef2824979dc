package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.LogText.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.ReusedFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CanLogReader#next(ReusedFrame)}: the same frames, problems and counts as {@link CanLogReader#next()}
 * (checked on every log the reader tests read, through {@link LogText}; here on hostile lines after a good
 * one, in strict and tolerant mode), and no allocation per frame for candump {@code -L}, plain candump,
 * TRC, ASC and Yacht Devices RAW. candump lines as can-utils' candump writes them (lib.c {@code sprint_canframe}, candump.c),
 * TRC after PEAK's "PCAN-Trace Format" description, ASC after Vector's ASCII log layout as python-can's
 * {@code ASCWriter} writes it.
 */
class ReusedFrameReadingTest {
    private static final String GOOD_L = "(1600000000.500000) can0 100#01\n";
    private static final String GOOD_PLAIN = "  can0  100   [1]  01\n";
    private static final int FRAMES = 100_000;

    @ParameterizedTest
    @ValueSource(strings = {
        "(1600000000.500000) can0 356#C0G4",
        "(1600000000.500000) can0 356#0102030405060708090A0B0C",
        "(1600000000.500000) can0 356##100112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                + "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00",
        "(1600000000.500000) can0 356##300112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF",
        "(1600000000.500000) can0 356##F00112233445566778899AABB",
        "(1600000000.500000) can0 356##G00",
        "(1600000000.500000) can0 19F21450#R8 T",
        "(1600000000.500000) can0 123#r",
        "(1600000000.500000) can0 20000004#0004000000000000 T",
        "(1600000000.500000) can0 20000004#",
        "(1600000000.500000) can0 2000000G#00",
        "(1600000000.500000)  356#11",
        "(1600000000.500000) 356#11",
        "(1600000000.500000) vcan1 1FFFFFFF#11.22.33 R",
        "(1600000000.500000) can0 123#11 X",
        "(1600000000.500000) can0 123#1122334455667788_9",
        "(1600000000.1234567891) can0 123#",
        "(1600000000.12345678912) can0 123#",
        "(1600000000.500000) can0 123#\u00e9\u00e9",
    })
    void candumpLAgreesOnHostileLines(String line) throws IOException {
        for (LogFormat format : new LogFormat[] {LogFormat.CANDUMP_L, null}) {
            for (boolean tolerant : new boolean[] {false, true}) {
                byte[] log = (GOOD_L + line + "\n" + GOOD_L.replace("100#01", "101#02") + line)
                        .getBytes(StandardCharsets.UTF_8);
                LogText.Reading reading = LogText.readBothWays(format, log, tolerant);
                assertFalse(reading.frames().isEmpty());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "  can0  356   [6]  C0 14 85 0C D7 0G",
        "  can0  356   [9]  00 00 00 00 00 00 00 00 00",
        "  can0  123   [12]  11 22 33 44 55 66 77 88 99 AA BB CC",
        "  can0  TX B E  123   [12]  11 22 33 44 55 66 77 88 99 AA BB CC",
        "  can0  123   [64]  11 22",
        "  can0  RX - -  19F21450   [4]  remote request",
        "  can0  123   [08]  remote request",
        "  can0  20000004   [8]  00 04 00 00 00 00 00 00   ERRORFRAME",
        "  can0  20000004   [4]  remote request",
        "  can0  20000004   [08]  00 04 00 00 00 00 00 00",
        "\tcontroller-problem{rx-error-warning}",
        "  356   [1]  00",
        " (1600000000.500000)  can0  356   [1]  00",
        " (2020-02-29 23:59:59.999999)  can0  356   [1]  00",
        " (2021-02-29 00:00:00.000000)  can0  356   [1]  00",
        " (2020-04-31 00:00:00.000000)  can0  356   [1]  00",
        " (2020-04-30 24:00:00.000000)  can0  356   [1]  00",
        " (2020-04-30 00:60:00.000000)  can0  356   [1]  00",
        " (2020-04-30 00:00:60.000000)  can0  356   [1]  00",
        " (2020-00-30 00:00:00.000000)  can0  356   [1]  00",
        " (2020-04-00 00:00:00.000000)  can0  356   [1]  00",
        " (2020-04-3x 00:00:00.000000)  can0  356   [1]  00",
    })
    void plainCandumpAgreesOnHostileLines(String line) throws IOException {
        for (LogFormat format : new LogFormat[] {LogFormat.CANDUMP, null}) {
            for (boolean tolerant : new boolean[] {false, true}) {
                byte[] log = (GOOD_PLAIN + line + "\n" + GOOD_PLAIN.replace("01", "02") + line)
                        .getBytes(StandardCharsets.UTF_8);
                LogText.Reading reading = LogText.readBothWays(format, log, tolerant);
                assertFalse(reading.frames().isEmpty());
            }
        }
    }

    /** PEAK's "PCAN-Trace Format" 2.1 layout, as {@link TrcReaderTest} writes it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "      3       700.000 RR 1      0123 Tx -  4",
        "      3       700.000 ER 2      0123 Rx -  4",
        "      3       700.000 FB 2  19F21450 Tx -  9    00 01 02 03 04 05 06 07 08 09 0A 0B",
        "      3       700.000 BI 3  19F21450 Rx -  9    00 01 02 03 04 05 06 07 08 09 0A 0B",
        "      3       700.000 FE 3  19F21450 Rx -  9    00 01 02",
        "      3       700.000 DT 1      0356 Rx -  9    00 01 02 03 04 05 06 07 08",
        "      3       700.000 DT 1      0356 Rx -  2    0G 01",
        "      3       700.000 DT 0      0356 Rx -  1    00",
        "      3       700.000 DT 1      0856 Rx -  1    00",
        "      3       700.000 ST 1",
        "      3       700.000 XX 1      0356 Rx -  1    00",
        "      3       700.000 DT 1      0356 Tx -  0",
    })
    void trcAgreesOnHostileLines(String line) throws IOException {
        String header = ";$FILEVERSION=2.1\n;$STARTTIME=44088.5\n;$COLUMNS=N,O,T,B,I,d,R,L,D\n";
        String good = "      1       500.000 DT 1      0356 Rx -  2    C0 14\n";
        for (LogFormat format : new LogFormat[] {LogFormat.TRC, null}) {
            for (boolean tolerant : new boolean[] {false, true}) {
                byte[] log = (header + good + line + "\n" + good + line).getBytes(StandardCharsets.UTF_8);
                assertFalse(LogText.readBothWays(format, log, tolerant).frames().isEmpty());
            }
        }
    }

    /** Vector ASC lines as in {@link AscReaderTest} and {@link CanFdLinesTest}. */
    @ParameterizedTest
    @ValueSource(strings = {
        "   0.600000 2  19F21450x       Tx   d 2 C0 14  Length = 0 BitCount = 0 ID = 435295312x",
        "   0.700000 1  123             Tx   r 4",
        "   0.800000 3  ErrorFrame",
        "   0.800000 0  ErrorFrame",
        "   0.800000 0  123             Rx   d 1 00",
        "   0.900000 1  356             Rx   d 9 00 00 00 00 00 00 00 00 00",
        "   0.900000 1  356             Rx   d 2 0G 00",
        "   0.900000 1  356             TxRq d 2 00 00",
        "   0.900000 CAN 1 Status:chip status error active",
        "  30.005021 CANFD   1 Tx        300  1 1 9 12 11 c2 03 04 05 06 07 08 09 0a 0b 0c  0 0 3000 0",
        "  30.005021 CANFD   2 Rx  19F21450x  0 0 4 4 11 c2 03 04  0 0 1000 0",
        "  30.005021 CANFD   2 Rx  19F21450x  0 0 4 0  0 0 10 0",
        "  30.005021 CANFD   2 Rx        ErrorFrame",
        "  30.005021 CANFD   2 Rx        300  1 0 9 11 11 c2 03 04 05 06 07 08 09 0a 0b  0 0 3000 0",
    })
    void ascAgreesOnHostileLines(String line) throws IOException {
        String header = "date Mon Sep 14 12:26:40.000 pm 2020\nbase hex  timestamps absolute\n";
        String good = "   0.500000 1  356             Rx   d 2 C0 14\n";
        for (LogFormat format : new LogFormat[] {LogFormat.ASC, null}) {
            for (boolean tolerant : new boolean[] {false, true}) {
                byte[] log = (header + good + line + "\n" + good + line).getBytes(StandardCharsets.UTF_8);
                assertFalse(LogText.readBothWays(format, log, tolerant).frames().isEmpty());
            }
        }
    }

    /** Yacht Devices RAW lines as in {@link GatewayLogsTest} (the YDWG-02 manual's RAW format). */
    @ParameterizedTest
    @ValueSource(strings = {
        "00:29:58.618 T 09FD020D FF A4 01 51 F2 FB FF FF",
        "00:29:58.618 R 356 C0 14",
        "00:29:58.618 R 09FD020D",
        "00:29:58.618 R 856 C0",
        "00:29:58.618 R 09FD020D FF A4 01 51 F2 FB FF FF 00",
        "00:29:58.618 R 09FD020D 0G",
        "00:29:58.618 X 09FD020D 00",
        "00:29:60.618 R 09FD020D 00",
        "00:00:00.001 R 09FD020D 00",
    })
    void yachtDevicesAgreesOnHostileLines(String line) throws IOException {
        String good = "23:29:58.617 R 0DFF180D A2 8C 50 C0 FF FF FF FF\n";
        for (LogFormat format : new LogFormat[] {LogFormat.YACHT_DEVICES_RAW, null}) {
            for (boolean tolerant : new boolean[] {false, true}) {
                byte[] log = (good + line + "\n" + good + line).getBytes(StandardCharsets.UTF_8);
                assertFalse(LogText.readBothWays(format, log, tolerant).frames().isEmpty());
            }
        }
    }

    @Test
    void plainCandumpDatesAreUtcDaysAsLocalDateCountsThem() throws Exception {
        for (LocalDate d = LocalDate.of(1899, 12, 1); d.getYear() < 2102; d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), CandumpReader.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d.toString());
        }
        assertEquals(LocalDate.of(0, 1, 1).toEpochDay(), CandumpReader.epochDay(0, 1, 1));
        assertEquals(LocalDate.of(9999, 12, 31).toEpochDay(), CandumpReader.epochDay(9999, 12, 31));
        assertEquals(List.of(CanFrame.of(951_868_799_000_001L, "can0", 0x356, false, bytes(0)),
                CanFrame.of(951_782_400_000_000L, "can0", 0x356, false, bytes(0))),
                LogText.read(LogFormat.CANDUMP, """
                         (2000-02-29 23:59:59.000001)  can0  356   [1]  00
                         (2000-02-29 00:00:00.000000)  can0  356   [1]  00
                        """));
        assertEquals("bad timestamp '(1900-02-29 00:00:00.000000)'",
                LogText.failure(LogFormat.CANDUMP, " (1900-02-29 00:00:00.000000)  can0  356   [1]  00\n").reason());
    }

    @Test
    void anOverlongLineAndAClosedReaderAreTheSame() throws Exception {
        String huge = "(1600000000.500000) can0 100#" + "00".repeat(LineInput.BUFFER_SIZE);
        byte[] log = (GOOD_L + huge + "\n" + GOOD_L).getBytes(StandardCharsets.US_ASCII);
        assertEquals(2, LogText.readBothWays(LogFormat.CANDUMP_L, log, true).frames().size());
        assertNotNull(LogText.readBothWays(LogFormat.CANDUMP_L, log, false).failure());

        CanLogReader reader = CanLogs.open(new ByteArrayInputStream(log), "x.log", LogFormat.CANDUMP_L, null);
        reader.close();
        IOException e = assertThrows(IOException.class, () -> reader.next(new ReusedFrame()));
        assertEquals("x.log: the log reader is closed", e.getMessage());
    }

    @Test
    void aReusedFrameShowsEachFrameInPlace() throws Exception {
        ReusedFrame frame = new ReusedFrame();
        try (CanLogReader reader = CanLogs.open(new ByteArrayInputStream("""
                (1600000000.500000) can0 123##300112233445566778899AABB
                (1600000000.600000) can1 19F21450#R8 T
                (1600000000.700000) can0 356#C014
                """.getBytes(StandardCharsets.US_ASCII)), "x.log", null, null)) {
            assertTrue(reader.next(frame));
            assertEquals(CanFrame.fd(1_600_000_000_500_000L, "can0", 0x123, false, true, true,
                    bytes(0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB)), frame.toFrame());
            assertTrue(reader.next(frame));
            assertEquals(CanFrame.remote(1_600_000_000_600_000L, "can1", 0x19F21450, true, 8).withDirection(Direction.TX),
                    frame.toFrame());
            assertEquals(0, frame.length());
            assertTrue(reader.next(frame));
            assertEquals(2, frame.length());
            assertEquals(0x14, frame.u8(1));
            assertFalse(reader.next(frame));
            assertEquals(3, reader.linesRead());
        }
    }

    @Test
    void candumpLAllocatesNothingPerFrame() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < FRAMES; i++) {
            log.append(String.format("(%d.%06d) can%d ", 1_600_000_000 + i / 1000, i % 1000 * 1000, i % 3));
            switch (i % 10) {
                case 0 -> log.append(String.format("%03X#R%d", i & 0x7FF, i % 9));
                case 1 -> log.append("20000004#0004000000000000");
                case 2 -> log.append(String.format("%08X##%X", i & 0x1FFFFFFF, i % 4)).append("A5".repeat(i % 7 == 0 ? 64 : 12));
                case 3 -> log.append("356#C0.14.85 T");
                default -> log.append(String.format("%08X#", 0x19F21450 + i % 16)).append("0123456789ABCDEF", 0, 2 * (i % 9));
            }
            log.append('\n');
        }
        assertAllocationFree(LogFormat.CANDUMP_L, log.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void plainCandumpAllocatesNothingPerFrame() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < FRAMES; i++) {
            switch (i % 5) {
                case 0 -> log.append(String.format(" (%d.%06d)  can0  %03X   [2]  C0 14%n", 1_600_000_000 + i, i % 1_000_000,
                        i & 0x7FF));
                case 1 -> log.append(String.format(" (2020-09-%02d 12:26:40.500000)  can1  TX B -  19F21450  [12]  "
                        + "11 22 33 44 55 66 77 88 99 AA BB CC%n", 1 + i % 30));
                case 2 -> log.append("  vcan0  123   [4]  remote request\n");
                case 3 -> log.append("  can0  20000004   [8]  00 04 00 00 00 00 00 00   ERRORFRAME\n");
                default -> log.append("  can0  TX - -  356   [8]  C0 14 85 0C D7 00 00 00   '.......'\n");
            }
        }
        assertAllocationFree(LogFormat.CANDUMP, log.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void trcAllocatesNothingPerFrame() throws Exception {
        StringBuilder log = new StringBuilder(";$FILEVERSION=2.1\n;$STARTTIME=44088.5\n;$COLUMNS=N,O,T,B,I,d,R,L,D\n");
        for (int i = 0; i < FRAMES; i++) {
            log.append(String.format("%7d %13.3f ", i + 1, i * 0.5));
            switch (i % 5) {
                case 0 -> log.append("DT 1      0356 Rx -  6    C0 14 85 0C D7 00\n");
                case 1 -> log.append("FB 2  19F21450 Tx -  9    00 01 02 03 04 05 06 07 08 09 0A 0B\n");
                case 2 -> log.append("RR 1      0123 Rx -  4\n");
                case 3 -> log.append("ER 2      0000 Rx -  0\n");
                default -> log.append(String.format("DT 3  %08X Tx -  8    00 01 02 03 04 05 06 07%n", 0x18FF0000 + i % 256));
            }
        }
        assertAllocationFree(LogFormat.TRC, log.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void ascAllocatesNothingPerFrame() throws Exception {
        StringBuilder log = new StringBuilder("date Mon Sep 14 12:26:40.000 pm 2020\nbase hex  timestamps absolute\n"
                + "Begin Triggerblock Mon Sep 14 12:26:40.000 pm 2020\n");
        for (int i = 0; i < FRAMES; i++) {
            log.append(String.format("%11.6f ", i * 0.001));
            switch (i % 5) {
                case 0 -> log.append("1  356             Rx   d 8 C0 14 85 0C D7 00 00 00  Length = 0 BitCount = 0 ID = 854\n");
                case 1 -> log.append("2  19F21450x       Tx   d 2 C0 14\n");
                case 2 -> log.append("1  123             Rx   r 4\n");
                case 3 -> log.append("1  ErrorFrame\n");
                default -> log.append("CANFD   1 Rx        300  1 0 9 12 11 c2 03 04 05 06 07 08 09 0a 0b 0c  0 0 3000 0\n");
            }
        }
        assertAllocationFree(LogFormat.ASC, log.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void yachtDevicesAllocatesNothingPerFrame() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < FRAMES; i++) {
            int ms = i * 7;
            log.append(String.format("%02d:%02d:%02d.%03d %s %08X", ms / 3_600_000 % 24, ms / 60_000 % 60, ms / 1000 % 60,
                    ms % 1000, i % 4 == 0 ? "T" : "R", 0x09F80100 + i % 200));
            log.append(" A2 8C 50 C0 FF FF FF FF", 0, 3 * (i % 9)).append('\n');
        }
        assertAllocationFree(LogFormat.YACHT_DEVICES_RAW, log.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads {@code log} whole through {@link CanLogReader#next(ReusedFrame)} after warming up and asks the
     * JVM how many bytes the thread allocated: under one a frame on average (the reader's buffer and
     * the bus names of the first lines are made before). The same measure of {@link CanLogReader#next()}
     * must see its frames, or the measure proves nothing.
     */
    private static void assertAllocationFree(LogFormat format, byte[] log) throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "no per-thread allocation counter in this JVM");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "no per-thread allocation counter in this JVM");
        threads.setThreadAllocatedMemoryEnabled(true);
        ReusedFrame frame = new ReusedFrame();
        for (int round = 0; round < 5; round++) {
            readAll(format, log, frame, threads);
            readAllByNext(format, log, threads);
        }
        double reused = readAll(format, log, frame, threads);
        double copied = readAllByNext(format, log, threads);
        assertTrue(reused < 1.0, reused + " bytes a frame through next(ReusedFrame)");
        assertTrue(copied > 16.0, copied + " bytes a frame through next(): the measure sees no allocation");
    }

    /** Bytes allocated a frame, the reader's opening and first frame left out. */
    private static double readAll(LogFormat format, byte[] log, ReusedFrame frame,
            com.sun.management.ThreadMXBean threads) throws Exception {
        try (CanLogReader reader = CanLogs.open(new ByteArrayInputStream(log), "alloc.log", format, null)) {
            assertTrue(reader.next(frame));
            long frames = 1;
            long before = threads.getCurrentThreadAllocatedBytes();
            while (reader.next(frame)) {
                frames++;
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(FRAMES, frames);
            return (double) allocated / frames;
        }
    }

    private static double readAllByNext(LogFormat format, byte[] log, com.sun.management.ThreadMXBean threads)
            throws Exception {
        try (CanLogReader reader = CanLogs.open(new ByteArrayInputStream(log), "alloc.log", format, null)) {
            assertNotNull(reader.next());
            long frames = 1;
            long before = threads.getCurrentThreadAllocatedBytes();
            while (reader.next() != null) {
                frames++;
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(FRAMES, frames);
            return (double) allocated / frames;
        }
    }
}
