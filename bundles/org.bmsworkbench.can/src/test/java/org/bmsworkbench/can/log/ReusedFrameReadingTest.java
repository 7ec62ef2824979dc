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
 * one, in strict and tolerant mode), and no allocation per frame for candump {@code -L} and plain candump.
 * Lines as can-utils' candump writes them (lib.c {@code sprint_canframe}, candump.c).
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
