package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.LogText.bytes;
import static org.bmsworkbench.can.log.LogText.failure;
import static org.bmsworkbench.can.log.LogText.read;
import static org.bmsworkbench.can.log.LogText.readTolerant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** candump -L lines as can-utils' candump -L / -l writes them (lib.c sprint_canframe). */
class CandumpLReaderTest {
    private static final LogFormat L = LogFormat.CANDUMP_L;
    private static final long T = 1_600_000_000_500_000L;

    @Test
    void readsAnElevenBitDataFrame() throws Exception {
        assertEquals(List.of(CanFrame.of(T, "can0", 0x356, false, bytes(0xC0, 0x14, 0x85, 0x0C, 0xD7, 0x00))),
                read(L, "(1600000000.500000) can0 356#C014850CD700\n"));
    }

    @Test
    void readsATwentyNineBitDataFrameFromEightDigits() throws Exception {
        assertEquals(List.of(CanFrame.of(T, "can1", 0x19F21450, true, bytes(0xC0, 0x14, 0x85))),
                read(L, "(1600000000.500000) can1 19F21450#c01485\n"));
        // an 8-digit id is extended even when the value would fit 11 bits
        assertEquals(List.of(CanFrame.of(T, "can0", 0x123, true)), read(L, "(1600000000.500000) can0 00000123#\n"));
    }

    @Test
    void readsRemoteFramesWithAndWithoutDlc() throws Exception {
        assertEquals(List.of(CanFrame.remote(T, "can0", 0x123, false, 0), CanFrame.remote(T, "can0", 0x123, false, 4),
                CanFrame.remote(T, "can0", 0x1234567, true, 8)),
                read(L, """
                        (1600000000.500000) can0 123#R
                        (1600000000.500000) can0 123#R4
                        (1600000000.500000) can0 01234567#r8
                        """));
    }

    @Test
    void readsAnErrorFrameFromTheSocketCanErrorFlag() throws Exception {
        // CAN_ERR_FLAG | CAN_ERR_CRTL, data[1] = CAN_ERR_CRTL_RX_WARNING
        CanFrame frame = read(L, "(1600000000.500000) can0 20000004#0004000000000000\n").get(0);
        assertEquals(CanFrame.error(T, "can0", 0x4, bytes(0, 4, 0, 0, 0, 0, 0, 0)), frame);
        assertEquals(true, frame.error());
    }

    @Test
    void readsDlcZeroDotSeparatorsAndTheDirectionOfCandumpX() throws Exception {
        assertEquals(List.of(CanFrame.of(T, "can0", 0x7FF, false),
                CanFrame.of(T, "can0", 0x100, false, bytes(0x11, 0x22, 0x33)),
                CanFrame.of(T, "can0", 0x100, false, bytes(0x11)).withDirection(Direction.TX),
                CanFrame.of(T, "can0", 0x100, false, bytes(0x11))),
                read(L, """
                        (1600000000.500000) can0 7FF#
                        (1600000000.500000) can0 100#11.22.33
                        (1600000000.500000) can0 100#11 T
                        (1600000000.500000) can0 100#11 R
                        """));
    }

    @Test
    void acceptsTheRawDlcOfCandumpAfterEightBytes() throws Exception {
        assertEquals(List.of(CanFrame.of(T, "can0", 0x100, false, new byte[8])),
                read(L, "(1600000000.500000) can0 100#0000000000000000_C\n"));
    }

    @Test
    void timestampsKeepMicrosecondsAndPadShortFractions() throws Exception {
        List<CanFrame> frames = read(L, """
                (0000000000.000001) can0 100#
                (12.5) can0 100#
                (1600000000.123456789) can0 100#
                """);
        assertEquals(1, frames.get(0).timestampMicros());
        assertEquals(12_500_000, frames.get(1).timestampMicros());
        assertEquals(1_600_000_000_123_456L, frames.get(2).timestampMicros());
    }

    @Test
    void skipsBlankAndCommentLinesAndCountsThem() throws Exception {
        String text = "\n# recorded on the bench\n   \n(1600000000.500000) can0 100#01\n\n// end\n";
        List<CanFrame> frames = read(L, text);
        assertEquals(1, frames.size());
        LogText.Tolerant t = readTolerant(L, text);
        assertEquals(6, t.lines());
        assertEquals(0, t.skipped());
    }

    @Test
    void acceptsCrLfBomMissingFinalNewlineAndPaddedBusNames() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "(1600000000.500000)   can0 100#01\r\n(1600000000.500000) vcan10 101#02  \r\n(1600000000.500000) can0 102#03"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        assertEquals(List.of(CanFrame.of(T, "can0", 0x100, false, bytes(1)), CanFrame.of(T, "vcan10", 0x101, false, bytes(2)),
                CanFrame.of(T, "can0", 0x102, false, bytes(3))), read(null, all));
    }

    @ParameterizedTest(name = "{0} → line {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            (1600000000.500000) can0 356#C0G4                   | 1 | bad hex digit 'G' in data
            (1600000000.500000) can0 800#11                     | 1 | id 0x800 does not fit 11 bits
            (1600000000.500000) can0 356#010203040506070809     | 1 | 9 data bytes, at most 8
            (1600000000.500000) can0 356                        | 1 | missing '#'
            (1600000000.500000) can0 356 #11                    | 1 | missing '#'
            (16x) can0 356#11                                   | 1 | bad timestamp '(16x)'
            (1600000000.5 can0 356#11                           | 1 | bad timestamp '(1600000000.5'
            (1600000000) can0 356#11                            | 1 | bad timestamp '(1600000000)'
            can0 356#11                                         | 1 | missing timestamp: a candump -L line starts with '(seconds.micros)'
            (1600000000.500000) can0 356##1C01                  | 1 | odd number of hex digits in data
            (1600000000.500000) can0 356##1C01401020304050607   | 1 | 9 data bytes: not a CAN FD length (0..8, 12, 16, 20, 24, 32, 48, 64)
            (1600000000.500000) can0 356##                      | 1 | missing CAN FD flags after '##'
            (1600000000.500000) can0 20000004##100               | 1 | an error frame cannot be a CAN FD frame
            (1600000000.500000) can0 356#C01                    | 1 | odd number of hex digits in data
            (1600000000.500000) can0 3G6#01                     | 1 | bad hex digit 'G' in id
            (1600000000.500000) can0 3567#01                    | 1 | id '3567' has 4 hex digits; 3 (11-bit) or 8 (29-bit) expected
            (1600000000.500000) can0 #01                        | 1 | missing id
            (1600000000.500000) can0 80000123#01                | 1 | id 0x80000123 does not fit 29 bits
            (1600000000.500000) can0 123#R9                     | 1 | remote DLC 9, at most 8
            (1600000000.500000) can0 123#R44                    | 1 | bad remote DLC 'R44'
            (1600000000.500000) can0 20000004#R                 | 1 | an error frame cannot be a remote frame
            (1600000000.500000) can0 123#11 extra               | 1 | unexpected text after the frame: 'extra'
            (1600000000.500000) can0 123#1122_C                 | 1 | bad raw DLC '_C': only _9 to _F, after 8 data bytes
            (1600000000.500000)                                 | 1 | missing bus name after the timestamp
            (1600000000.500000) can0                            | 1 | missing frame after the bus name
            (1600000000.500000)can0 123#11                      | 1 | missing space after the timestamp
            """)
    void namesEachFaultAndItsLine(String line, long lineNumber, String reason) {
        LogParseException e = failure(L, line.strip() + "\n");
        assertEquals(reason, e.reason());
        assertEquals(lineNumber, e.line());
        assertEquals(LogText.SOURCE, e.source());
        assertEquals(LogText.SOURCE + ":" + lineNumber + ": " + reason, e.getMessage());
    }

    @Test
    void strictModeStopsAtTheFirstBadLineWithItsNumber() {
        LogParseException e = failure(L, """
                (1600000000.500000) can0 100#01

                (1600000000.500000) can0 100#0G
                (1600000000.500000) can0 100#zz
                """);
        assertEquals(3, e.line());
        assertEquals("bad hex digit 'G' in data", e.reason());
    }

    @Test
    void tolerantModeReportsCountsAndGoesOn() throws Exception {
        LogText.Tolerant t = readTolerant(L, """
                (1600000000.500000) can0 100#01
                (1600000000.500000) can0 800#01
                garbage
                (1600000000.500000) can0 101#02
                (1600000000.500000) can0 102#010203040506070809
                (1600000000.500000) can0 103#03
                """);
        assertEquals(List.of(0x100, 0x101, 0x103), t.frames().stream().map(CanFrame::id).toList());
        assertEquals(3, t.skipped());
        assertEquals(List.of(2L, 3L, 5L), t.problems().stream().map(LogParseException::line).toList());
        assertEquals("9 data bytes, at most 8", t.problems().get(2).reason());
        assertEquals(6, t.lines());
    }

    @Test
    void anOverlongLineIsAFaultAndReadingGoesOnAfterIt() throws Exception {
        String huge = "(1600000000.500000) can0 100#" + "00".repeat(LineInput.BUFFER_SIZE);
        LogText.Tolerant t = readTolerant(L, "(1600000000.500000) can0 100#01\n" + huge + "\n(1600000000.500000) can0 101#02\n");
        assertEquals(2, t.frames().size());
        assertEquals(1, t.skipped());
        assertEquals("line longer than " + LineInput.BUFFER_SIZE + " bytes", t.problems().get(0).reason());
        assertEquals(2, t.problems().get(0).line());
        assertEquals(3, t.lines());
    }

    @Test
    void readsTheEndAsNullAndRefusesReadingAfterClose() throws Exception {
        CanLogReader reader = CanLogs.open(new ByteArrayInputStream("(1.000000) can0 100#\n".getBytes(StandardCharsets.US_ASCII)),
                "<stdin>", null, null);
        assertEquals(LogFormat.CANDUMP_L, reader.format());
        assertEquals(0x100, reader.next().id());
        assertNull(reader.next());
        assertNull(reader.next());
        reader.close();
        assertThrows(IOException.class, reader::next);
    }
}
