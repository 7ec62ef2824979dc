package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.LogText.bytes;
import static org.bmsworkbench.can.log.LogText.read;
import static org.bmsworkbench.can.log.LogText.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogWritersTest {
    @TempDir
    Path dir;

    private static final long T = 1_600_086_400_500_000L; // Mon Sep 14 2020 12:26:40.5 UTC

    private static final List<CanFrame> FRAMES = List.of(
            CanFrame.of(T, "can0", 0x356, false, bytes(0xC0, 0x14, 0x85, 0x0C, 0xD7, 0x00)),
            CanFrame.of(T + 100_000, "can0", 0x19F21450, true, bytes(0xC0, 0x14)).withDirection(Direction.TX),
            CanFrame.remote(T + 200_000, "can1", 0x123, false, 4),
            CanFrame.remote(T + 200_001, "can1", 0x123, false, 0),
            CanFrame.of(T + 300_000, "can0", 0x7FF, false),
            CanFrame.error(T + 400_000, "can0", 0x88, new byte[8]));

    @Test
    void writesCandumpLAsCandumpDoes() throws IOException {
        assertEquals("""
                (1600086400.500000) can0 356#C014850CD700
                (1600086400.600000) can0 19F21450#C014 T
                (1600086400.700000) can1 123#R4
                (1600086400.700001) can1 123#R
                (1600086400.800000) can0 7FF#
                (1600086400.900000) can0 20000088#0000000000000000
                """, write(LogFormat.CANDUMP_L, FRAMES));
    }

    @Test
    void writesFramesWithoutTimestampAtTimeZero() throws IOException {
        assertEquals("(0.000000) sim 001#01\n",
                write(LogFormat.CANDUMP_L, List.of(CanFrame.of(CanFrame.NO_TIMESTAMP, "sim", 1, false, bytes(1)))));
    }

    @Test
    void writesTrc21WithTheStartTimeInDaysAndOffsetsInMilliseconds() throws Exception {
        List<CanFrame> frames = new java.util.ArrayList<>(FRAMES);
        frames.add(CanFrame.fd(T + 500_123, "can1", 0x123, false, true, false, new byte[12]));
        frames.add(CanFrame.fd(T + 600_000, "vcan0", 0x1ABCDEF, true, true, true, bytes(1, 2)).withDirection(Direction.TX));
        String text = write(LogFormat.TRC, frames);
        // 1600086400.5 s = 18519 days and 44800.5 s after 1970-01-01: 25569 + 18519.51852430555… days
        assertEquals(String.join("\r\n", List.of(
                ";$FILEVERSION=2.1",
                ";$STARTTIME=44088.5185243055556",
                ";$COLUMNS=N,O,T,B,I,d,R,L,D",
                ";",
                ";   Start time: 14.09.2020 12:26:40.500.0 (UTC)")) + "\r\n", text.substring(0, text.indexOf(";   Generated")));
        String lines = text.substring(text.indexOf("\r\n      1 ") + 2);
        assertEquals(String.join("\r\n", List.of(
                "      1         0.000 DT  1     0356 Rx - 6    C0 14 85 0C D7 00",
                "      2       100.000 DT  1 19F21450 Tx - 2    C0 14",
                "      3       200.000 RR  2     0123 Rx - 4    ",
                "      4       200.001 RR  2     0123 Rx - 0    ",
                "      5       300.000 DT  1     07FF Rx - 0    ",
                "      6       400.000 ER  1        - Rx - 0    ",
                "      7       500.123 FB  2     0123 Rx - 9    00 00 00 00 00 00 00 00 00 00 00 00",
                "      8       600.000 BI  3 01ABCDEF Tx - 2    01 02")) + "\r\n", lines);
        List<CanFrame> back = read(null, text);
        assertEquals(CanFrame.error(T + 400_000, "can0", 0), back.get(5));
        assertEquals(frames.get(6), back.get(6));
        assertEquals(frames.get(7).withBus("can2"), back.get(7));
    }

    @Test
    void writesAscWithAHeaderFromTheFirstFrame() throws IOException {
        assertEquals("""
                date Mon Sep 14 12:26:40.500 pm 2020
                base hex  timestamps absolute
                internal events logged
                // version 9.0.0
                Begin Triggerblock Mon Sep 14 12:26:40.500 pm 2020
                   0.000000 Start of measurement
                   0.000000 1  356             Rx   d 6 C0 14 85 0C D7 00  Length = 0 BitCount = 0 ID = 854
                   0.100000 1  19F21450x       Tx   d 2 C0 14  Length = 0 BitCount = 0 ID = 435295312x
                   0.200000 2  123             Rx   r 4  Length = 0 BitCount = 0 ID = 291
                   0.200001 2  123             Rx   r 0  Length = 0 BitCount = 0 ID = 291
                   0.300000 1  7FF             Rx   d 0  Length = 0 BitCount = 0 ID = 2047
                   0.400000 1  ErrorFrame
                End TriggerBlock
                """, write(LogFormat.ASC, FRAMES));
    }

    @Test
    void ascRoundTripsTheHandWrittenFrames() throws Exception {
        List<CanFrame> back = read(null, write(LogFormat.ASC, FRAMES));
        List<CanFrame> expected = new java.util.ArrayList<>(FRAMES.subList(0, FRAMES.size() - 1));
        expected.add(CanFrame.error(T + 400_000, "can0", 0)); // an ASC ErrorFrame keeps no class and no data
        assertEquals(expected, back);
    }

    @Test
    void ascChannelsFollowCanNumbersThenOrderOfAppearance() throws IOException {
        String asc = write(LogFormat.ASC, List.of(
                CanFrame.of(T, "vcan0", 1, false), CanFrame.of(T, "can2", 1, false),
                CanFrame.of(T, "can0", 1, false), CanFrame.of(T, "slcan0", 1, false),
                CanFrame.of(T, "can1", 1, false), CanFrame.of(T, "vcan0", 1, false)));
        // vcan0 takes the lowest free channel (1), so can0 cannot have 1 and takes the next free (2);
        // can1 then finds 2 taken as well and takes 5.
        List<String> channels = asc.lines().filter(l -> l.contains(" Rx ")).map(l -> l.trim().split("\\s+")[1]).toList();
        assertEquals(List.of("1", "3", "2", "4", "5", "1"), channels);
    }

    @Test
    void ascMeasurementStartsAtTheFirstFramesMillisecond() throws Exception {
        long t = T + 123; // 12:26:40.500123
        String asc = write(LogFormat.ASC, List.of(CanFrame.of(t, "can0", 1, false)));
        assertTrue(asc.startsWith("date Mon Sep 14 12:26:40.500 pm 2020\n"), asc);
        assertTrue(asc.contains("   0.000123 1  1 "), asc);
        assertEquals(t, read(LogFormat.ASC, asc).get(0).timestampMicros());
    }

    @Test
    void ascFramesWithoutTimestampKeepThePreviousOffset() throws IOException {
        String asc = write(LogFormat.ASC, List.of(CanFrame.of(T, "can0", 1, false),
                CanFrame.of(T + 2_000_000, "can0", 2, false), CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 3, false)));
        assertTrue(asc.contains("   2.000000 1  3 "), asc);
    }

    @Test
    void anEmptyAscLogStillHasItsHeaderAndTrailer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_600_000_000L), ZoneOffset.UTC);
        try (CanLogWriter writer = new AscWriter(new AsciiSink(out), clock)) {
            assertEquals(0, writer.framesWritten());
        }
        assertEquals("""
                date Sun Sep 13 12:26:40.000 pm 2020
                base hex  timestamps absolute
                internal events logged
                // version 9.0.0
                Begin Triggerblock Sun Sep 13 12:26:40.000 pm 2020
                   0.000000 Start of measurement
                End TriggerBlock
                """, out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void writersBufferUntilFlushed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CanLogWriter writer = CanLogs.writer(out, LogFormat.CANDUMP_L);
        writer.write(FRAMES.get(0));
        assertEquals(0, out.size());
        writer.flush();
        assertEquals("(1600086400.500000) can0 356#C014850CD700\n", out.toString(StandardCharsets.US_ASCII));
        assertEquals(1, writer.framesWritten());
        assertEquals(LogFormat.CANDUMP_L, writer.format());
        writer.close();
        assertThrows(IOException.class, () -> writer.write(FRAMES.get(0)));
    }

    @Test
    void refusesWhatCandumpLCannotHold() {
        assertThrows(IllegalArgumentException.class,
                () -> write(LogFormat.CANDUMP_L, List.of(CanFrame.of(T, "my bus", 1, false))));
        assertThrows(IllegalArgumentException.class,
                () -> write(LogFormat.CANDUMP_L, List.of(CanFrame.of(-1, "can0", 1, false))));
        assertThrows(IllegalArgumentException.class, () -> CanLogs.writer(new ByteArrayOutputStream(), LogFormat.CANDUMP));
    }

    @Test
    void aWriterOnAFileCompletesTheBlfHeaderWhenClosed() throws Exception {
        Path blf = dir.resolve("x.blf");
        try (CanLogWriter writer = CanLogs.writer(blf, LogFormat.BLF)) {
            for (CanFrame f : FRAMES) {
                writer.write(f);
            }
        }
        byte[] file = Files.readAllBytes(blf);
        ByteBuffer h = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        // BLF file header (python-can blf.py FILE_HEADER): file size at 16, object count at 32
        assertEquals(file.length, h.getLong(16));
        assertEquals(FRAMES.size(), h.getInt(32));
        assertEquals(FRAMES, BlfBytes.read(file));
    }

    @Test
    void aWriterOnAFileWritesTextAsOnAStream() throws Exception {
        Path log = dir.resolve("x.log");
        try (CanLogWriter writer = CanLogs.writer(log, LogFormat.CANDUMP_L)) {
            for (CanFrame f : FRAMES) {
                writer.write(f);
            }
        }
        assertEquals(write(LogFormat.CANDUMP_L, FRAMES), Files.readString(log, StandardCharsets.US_ASCII));
        Path raw = dir.resolve("x.raw");
        assertThrows(IllegalArgumentException.class, () -> CanLogs.writer(raw, LogFormat.YACHT_DEVICES_RAW));
        assertTrue(Files.notExists(raw), "a read-only format is refused before the file is made");
    }
}
