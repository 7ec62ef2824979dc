package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.LogText.bytes;
import static org.bmsworkbench.can.log.LogText.failure;
import static org.bmsworkbench.can.log.LogText.read;
import static org.bmsworkbench.can.log.LogText.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serial trace (SIGNALS.md, "Cell-level BMS makes over serial": time in seconds, port, tx or
 * rx, the bytes in hex). The bytes are a JBD read of register 0x03 (vendor guide: DD A5 03 00 FF FD
 * 77) and the start of its answer, split as a USB serial adapter may deliver it.
 */
class SerialTraceTest {
    @TempDir
    Path dir;

    private static final String TRACE = """
            (1600000000.052311) ttyUSB0 tx DDA50300FFFD77
            (1600000000.101002) ttyUSB0 rx DD03001D
            (1600000000.101950) ttyUSB0 rx 0A0B
            """;

    private static final List<CanFrame> CHUNKS = List.of(
            CanFrame.chunk(1_600_000_000_052_311L, "ttyUSB0", Direction.TX, bytes(0xDD, 0xA5, 0x03, 0x00, 0xFF, 0xFD, 0x77)),
            CanFrame.chunk(1_600_000_000_101_002L, "ttyUSB0", Direction.RX, bytes(0xDD, 0x03, 0x00, 0x1D)),
            CanFrame.chunk(1_600_000_000_101_950L, "ttyUSB0", Direction.RX, bytes(0x0A, 0x0B)));

    @Test
    void readsAChunkALine() throws Exception {
        assertEquals(CHUNKS, read(LogFormat.SERIAL_TRACE, TRACE));
    }

    @Test
    void isDetectedByItsRxOrTxToken() throws Exception {
        try (CanLogReader r = CanLogs.open(new ByteArrayInputStream(TRACE.getBytes(StandardCharsets.US_ASCII)),
                "t.log", null, null)) {
            assertEquals(LogFormat.SERIAL_TRACE, r.format());
        }
        assertEquals(CHUNKS, read(null, "# a comment\n\n" + TRACE));
        assertEquals(LogFormat.SERIAL_TRACE, classify("(1600000000.1) COM4 rx 0A"));
        // candump -L has id#data as the third token; plain candump -x an upper-case RX and '-'
        assertEquals(LogFormat.CANDUMP_L, classify("(1600000000.500000) can0 356#C014850CD700"));
        assertEquals(LogFormat.CANDUMP, classify("(1600000000.500000) can0 RX - - 356 [2] C0 14"));
        assertEquals(null, classify("(1600000000.500000) ttyUSB0 rx"));
    }

    private static LogFormat classify(String line) {
        byte[] b = line.getBytes(StandardCharsets.US_ASCII);
        return FormatDetection.classify(b, 0, b.length);
    }

    @Test
    void writesWhatItReads() throws Exception {
        assertEquals(TRACE, write(LogFormat.SERIAL_TRACE, CHUNKS));
        assertEquals(CHUNKS, read(null, write(LogFormat.SERIAL_TRACE, CHUNKS)));
    }

    @Test
    void readsSpacedBytesAndFractionsOfAnyLength() throws Exception {
        assertEquals(List.of(CanFrame.chunk(1_600_000_000_500_000L, "COM4", Direction.RX, bytes(0xDD, 0x03))),
                read(LogFormat.SERIAL_TRACE, "(1600000000.5) COM4 rx dd 03\n"));
    }

    @Test
    void aChunkOfTheMostBytesFitsOneLine() throws Exception {
        byte[] big = new byte[CanFrame.MAX_CHUNK_LENGTH];
        big[4095] = 0x77;
        List<CanFrame> one = List.of(CanFrame.chunk(1, "ttyUSB0", Direction.RX, big));
        assertEquals(one, read(LogFormat.SERIAL_TRACE, write(LogFormat.SERIAL_TRACE, one)));
        assertEquals("test.log:1: more than 4096 bytes on one line",
                failure(LogFormat.SERIAL_TRACE, "(1.0) p rx " + "00".repeat(4097) + "\n").getMessage());
    }

    @Test
    void badLinesNameFileLineAndFault() {
        assertEquals("test.log:2: 'RX' is not 'rx' or 'tx'",
                failure(LogFormat.SERIAL_TRACE, "(1.0) p rx 01\n(2.0) p RX 01\n").getMessage());
        assertEquals("test.log:1: bad hex digit 'G' in the bytes",
                failure(LogFormat.SERIAL_TRACE, "(1.0) p rx 0G\n").getMessage());
        assertEquals("test.log:1: odd number of hex digits in the bytes",
                failure(LogFormat.SERIAL_TRACE, "(1.0) p rx 012\n").getMessage());
        assertEquals("test.log:1: no bytes after 'p rx'",
                failure(LogFormat.SERIAL_TRACE, "(1.0) p rx\n").getMessage());
        assertEquals("test.log:1: missing 'rx' or 'tx' after the port",
                failure(LogFormat.SERIAL_TRACE, "(1.0) p\n").getMessage());
        assertTrue(failure(LogFormat.SERIAL_TRACE, "p rx 01\n").getMessage().startsWith("test.log:1: missing timestamp"));
        assertEquals("test.log:1: bad timestamp '(1x)'",
                failure(LogFormat.SERIAL_TRACE, "(1x) p rx 01\n").getMessage());
    }

    @Test
    void aTolerantReadSkipsBadLinesAndKeepsTheRest() throws Exception {
        LogText.Tolerant t = LogText.readTolerant(null, TRACE + "(1600000001.0) ttyUSB0 rx ZZ\n"
                + "(1600000002.000000) ttyUSB0 rx 77\n");
        assertEquals(4, t.frames().size());
        assertEquals(1, t.skipped());
        assertEquals("test.log:4: bad hex digit 'Z' in the bytes", t.problems().get(0).getMessage());
    }

    @Test
    void aSerialTraceRefusesCanFrames() throws Exception {
        CanLogWriter w = CanLogs.writer(new ByteArrayOutputStream(), LogFormat.SERIAL_TRACE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.write(CanFrame.of(0, "can0", 0x356, false, bytes(1))));
        assertTrue(e.getMessage().startsWith("a serial trace holds bytes of a serial line, not CAN frames"), e.getMessage());
        assertEquals(0, w.framesWritten());
    }

    @Test
    void everyCanLogWriterRefusesChunksInOneLine() throws Exception {
        CanFrame chunk = CHUNKS.get(1);
        for (LogFormat f : List.of(LogFormat.CANDUMP_L, LogFormat.ASC, LogFormat.TRC, LogFormat.BLF)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CanLogWriter w = CanLogs.writer(out, f)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(chunk), f.name());
                assertTrue(e.getMessage().startsWith("bytes of the serial line ttyUSB0 are no CAN frame and cannot be"
                        + " written to a "), e.getMessage());
                assertTrue(!e.getMessage().contains("\n"));
                assertEquals(0, w.framesWritten(), f.name());
            }
        }
    }

    @Test
    void writingAByteStreamChoosesTheSerialTraceWhateverTheName() {
        assertEquals(LogFormat.SERIAL_TRACE, LogFormat.forWriting(Path.of("x.log"), true));
        assertEquals(LogFormat.SERIAL_TRACE, LogFormat.forWriting(Path.of("x.txt"), true));
        assertEquals(LogFormat.CANDUMP_L, LogFormat.forWriting(Path.of("x.log"), false));
        assertEquals(LogFormat.ASC, LogFormat.forWriting(Path.of("x.asc"), false));
        assertTrue(LogFormat.SERIAL_TRACE.writable() && LogFormat.SERIAL_TRACE.lineBased());
    }
}
