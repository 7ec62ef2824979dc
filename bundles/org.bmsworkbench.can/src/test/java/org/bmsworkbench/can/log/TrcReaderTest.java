package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.LogText.bytes;
import static org.bmsworkbench.can.log.LogText.failure;
import static org.bmsworkbench.can.log.LogText.read;
import static org.bmsworkbench.can.log.LogText.readTolerant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PEAK trace files as PEAK-System's "PEAK CAN TRC File Format" lays out each version (sections
 * Version 1.0 to Version 2.1: columns, message types, error frames); the lines are written here
 * by hand in those layouts.
 */
class TrcReaderTest {
    /** 44088.5 days after 1899-12-30 = 2020-09-14 12:00:00 UTC. */
    private static final String START = ";$STARTTIME=44088.5\n";
    private static final long T0 = 1_600_084_800_000_000L;
    private static final byte[] DATA = bytes(0xC0, 0x14, 0x85, 0x0C, 0xD7, 0x00, 0x00, 0x00);

    @Test
    void version10HasNoHeaderAndWholeMilliseconds() throws Exception {
        assertEquals(List.of(
                CanFrame.of(1_841_000, "can0", 0x356, false, DATA),
                CanFrame.of(1_842_000, "can0", 0x19F21450, true, bytes(0xC0, 0x14)),
                CanFrame.error(1_843_000, "can0", 0),
                CanFrame.remote(1_845_000, "can0", 0x100, false, 3)),
                read(null, """
                        ;##########################################################################
                        ;   C:\\bench.trc
                        ;----+- ---+--- ----+--- + -+ -- -- ...
                             1)      1841      0356  8  C0 14 85 0C D7 00 00 00
                             2)      1842  19F21450  2  C0 14
                             3)      1843      0008  4  ERROR 00 19 08 08
                             4)      1844  FFFFFFFF  4  00 00 00 04 -- -- -- -- BUSLIGHT
                             5)      1845      0100  3  RTR
                        """));
    }

    @Test
    void version11AddsTheStartTimeAndTheMessageType() throws Exception {
        assertEquals(List.of(
                CanFrame.of(T0 + 1_841_300, "can0", 0x356, false, DATA),
                CanFrame.of(T0 + 1_842_000, "can0", 0x19F21450, true, bytes(0xC0, 0x14)).withDirection(Direction.TX),
                CanFrame.error(T0 + 1_844_000, "can0", 0),
                CanFrame.remote(T0 + 1_845_100, "can0", 0x123, false, 4).withDirection(Direction.TX)),
                read(null, ";$FILEVERSION=1.1\n" + START + """
                        ;
                        ;   Start time: 14.09.2020 12:00:00.000.0
                        ;---+--   ----+----  --+--  ----+---  +  -+ -- -- -- -- -- -- --
                             1)      1841.3  Rx         0356  8  C0 14 85 0C D7 00 00 00
                             2)      1842.0  Tx     19F21450  2  C0 14
                             3)      1843.0  Warng  FFFFFFFF  4  00 00 00 08  BUSHEAVY
                             4)      1844.0  Error      0008  4  00 19 08 08
                             5)      1845.1  Tx         0123  4  RTR
                        """));
    }

    @Test
    void version12AddsTheBusAndVersion13AReservedColumn() throws Exception {
        List<CanFrame> expected = List.of(
                CanFrame.of(T0 + 1_841_123, "can0", 0x356, false, DATA),
                CanFrame.of(T0 + 1_842_000, "can1", 0x19F21450, true, bytes(0xC0, 0x14)).withDirection(Direction.TX));
        assertEquals(expected, read(null, ";$FILEVERSION=1.2\n" + START + """
                     1)      1841.123 1  Rx        0356  8  C0 14 85 0C D7 00 00 00
                     2)      1842.000 2  Tx    19F21450  2  C0 14
                """));
        assertEquals(expected, read(null, ";$FILEVERSION=1.3\n" + START + """
                     1)      1841.123 1  Rx        0356 -  8    C0 14 85 0C D7 00 00 00
                     2)      1842.000 2  Tx    19F21450 -  2    C0 14
                """));
    }

    @Test
    void version20NamesItsColumnsAndHasMessageTypes() throws Exception {
        assertEquals(List.of(
                CanFrame.of(T0 + 1_841_500, "can0", 0x356, false, DATA),
                CanFrame.remote(T0 + 1_843_000, "can0", 0x123, false, 4),
                CanFrame.fd(T0 + 1_844_000, "can0", 0x19F21450, true, true, false, new byte[12]).withDirection(Direction.TX),
                CanFrame.error(T0 + 1_845_000, "can0", 0)),
                read(null, ";$FILEVERSION=2.0\n" + START + """
                        ;$COLUMNS=N,O,T,I,d,l,D
                              1      1841.500 DT     0356 Rx 8  C0 14 85 0C D7 00 00 00
                              2      1842.000 ST          Rx    00 00 00 08
                              3      1843.000 RR     0123 Rx 4
                              4      1844.000 FB 19F21450 Tx 12 00 00 00 00 00 00 00 00 00 00 00 00
                              5      1845.000 ER          Rx    04 00 02 00 00
                              6      1846.000 EC          Rx    02 00 01
                        """));
    }

    @Test
    void version21HasBusReservedAndTheDlcCode() throws Exception {
        byte[] sixtyFour = new byte[64];
        sixtyFour[0] = 0x11;
        sixtyFour[63] = 0x3F;
        assertEquals(List.of(
                CanFrame.of(T0 + 1_841_500, "can0", 0x356, false, DATA),
                CanFrame.fd(T0 + 1_842_000, "can1", 0x123, false, false, false, new byte[20]),
                CanFrame.fd(T0 + 1_842_100, "can1", 0x123, false, true, false, bytes(1, 2)),
                CanFrame.fd(T0 + 1_842_200, "can1", 0x123, false, false, true, bytes(1, 2)),
                CanFrame.fd(T0 + 1_842_300, "can2", 0x1ABCDEF, true, true, true, sixtyFour).withDirection(Direction.TX),
                CanFrame.remote(T0 + 1_843_000, "can0", 0x7FF, false, 8),
                CanFrame.error(T0 + 1_844_000, "can3", 0)),
                read(null, ";$FILEVERSION=2.1\n" + START + """
                        ;$COLUMNS=N,O,T,B,I,d,R,L,D
                              1      1841.500 DT 1      0356 Rx -  8    C0 14 85 0C D7 00 00 00
                              2      1842.000 FD 2      0123 Rx -  11   00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                              3      1842.100 FB 2      0123 Rx -  2    01 02
                              4      1842.200 FE 2      0123 Rx -  2    01 02
                              5      1842.300 BI 3  01ABCDEF Tx -  15   11 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 3F
                              6      1843.000 RR 1      07FF Rx -  8
                              7      1843.500 ST 1         - Rx -  4    00 00 00 08
                              8      1844.000 ER 4         - Rx -  5    04 00 02 00 00
                        """));
    }

    @Test
    void columnsMayBeInAnotherOrderAndWithoutAStartTimeTimesAreOffsets() throws Exception {
        assertEquals(List.of(CanFrame.of(2_500, "can0", 0x356, false, bytes(1, 2))),
                read(null, """
                        ;$FILEVERSION=2.1
                        ;$COLUMNS=N,O,T,B,d,I,L,D
                              1         2.500 DT 1  Rx 0356 2  01 02
                        """));
    }

    @Test
    void theStartTimeIsExactToTheMicrosecond() throws Exception {
        // 0.0000000000116 days = 1.002 µs, rounded to 1 µs
        assertEquals(T0 + 1 + 1_000, read(null, ";$FILEVERSION=2.1\n;$STARTTIME=44088.5000000000116\n"
                + "      1         1.000 DT 1      0356 Rx -  0\n").get(0).timestampMicros());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            3.0 | PEAK TRC file version '3.0' is not read; this workbench reads versions 1.0, 1.1, 1.2, 1.3, 2.0 and 2.1
            1.4 | PEAK TRC file version '1.4' is not read; this workbench reads versions 1.0, 1.1, 1.2, 1.3, 2.0 and 2.1
            """)
    void aVersionNotListedIsNamedAndStopsEvenTolerantReading(String version, String reason) throws Exception {
        String text = ";$FILEVERSION=" + version + "\n      1  1.0 DT 1 0356 Rx - 0\n";
        LogParseException e = failure(null, text);
        assertEquals("test.log:1: " + reason, e.getMessage());
        e = assertThrows(LogParseException.class, () -> readTolerant(null, text));
        assertEquals(reason, e.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '      1  1.0 XX 1  0356 Rx -  0'                  | unknown message type 'XX': DT, FD, FB, FE, BI, RR, ST, EC, ER or EV expected
            '      1  1.0 DT 1  0800 Rx -  0'                  | ID 0x800 does not fit 11 bits (4 digits: an 11-bit ID)
            '      1  1.0 DT 1  0356 Rx -  2  01'              | data length code 2 but 1 data byte
            '      1  1.0 DT 1  0356 Rx -  1  01 02'           | data length code 1 but more data: '02'
            '      1  1.0 DT 1  0356 Rx -  9  00 00 00 00 00 00 00 00 00 00 00 00' | data length code 9 for a classic CAN frame (DT), at most 8
            '      1  1.0 FD 1  0356 Rx -  9  00 00'           | data length code 9 (12 bytes) but 2 data bytes
            '      1  x.0 DT 1  0356 Rx -  0'                  | bad time offset 'x.0': milliseconds expected
            '      1  1.0 DT 0  0356 Rx -  0'                  | bad bus '0': a number from 1 expected
            '      1  1.0 DT 1  0356 Up -  0'                  | direction 'Up': Rx or Tx expected
            '      1  1.0 DT 1  035G Rx -  0'                  | bad hex digit 'G' in ID
            '      1  1.0 DT 1  0356 Rx -  1  1'               | data byte '1' is not two hex digits
            '      1  1.0 DT 1  0356'                          | missing direction
            """)
    void badLinesAreNamedWithFileAndLine(String line, String reason) {
        LogParseException e = failure(null, ";$FILEVERSION=2.1\n;$COLUMNS=N,O,T,B,I,d,R,L,D\n" + line + "\n");
        assertEquals("test.log:3: " + reason, e.getMessage());
    }

    /** Version 1.1 lines (N) offset type ID DLC data) that break the layout, field by field. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '     1   1.0  Rx  0356  1  01'                    | expected the message number 'N)' of a version 1.1 trace, found '1'
            '     1)'                                          | missing time offset
            '     1)  1.0'                                     | missing message type
            '     1)  1.0  Rx'                                 | missing ID
            '     1)  1.0  Rx  0356'                           | missing data length code
            '     1)  1.0  Rx  0356  123  01'                  | bad data length code '123'
            '     1)  1.0  Rx  0356  9'                        | data length code 9, at most 8
            '     1)  1.0  Rx  123456789  1  01'               | ID '123456789' has more than 8 hex digits
            '     1)  1.0  Rx  3FFFFFFF  1  01'                | ID 0x3FFFFFFF does not fit 29 bits
            '     1)  1.0  Rx  0356  0  RTR 01'                | unexpected text after RTR
            '     1)  1.0.0  Rx  0356  0'                      | bad time offset '1.0.0': milliseconds expected
            """)
    void badVersion11LinesAreNamedWithFileAndLine(String line, String reason) {
        LogParseException e = failure(null, ";$FILEVERSION=1.1\n" + START + line + "\n");
        assertEquals("test.log:3: " + reason, e.getMessage());
    }

    @Test
    void aLineOfMoreThan80FieldsIsAFault() {
        // 5 fields before the data, then 76 bytes: 81 fields; with 75 bytes, 80 are read and the
        // surplus named (its first 40 characters)
        String line = "     1)  1.0  Rx  0356  8" + " 00".repeat(76);
        assertEquals("test.log:2: more than 80 fields",
                failure(null, ";$FILEVERSION=1.1\n" + line + "\n").getMessage());
        String eighty = "     1)  1.0  Rx  0356  8" + " 00".repeat(75);
        assertEquals("test.log:2: data length code 8 but more data: '" + "00 ".repeat(13) + "0\u2026'",
                failure(null, ";$FILEVERSION=1.1\n" + eighty + "\n").getMessage());
    }

    @Test
    void tolerantReadingSkipsABadLineAndGoesOn() throws Exception {
        LogText.Tolerant r = readTolerant(null, ";$FILEVERSION=1.1\n" + START + """
                     1)      1.0  Rx  0356  1  01
                     2)      2.0  Up  0356  1  01
                     3)      3.0  Rx  0356  1  03
                """);
        assertEquals(2, r.frames().size());
        assertEquals(List.of("test.log:4: unknown message type 'Up': Rx, Tx, Warng or Error expected"),
                r.problems().stream().map(Throwable::getMessage).toList());
        assertEquals(1, r.skipped());
    }

    @Test
    void aBadStartTimeOrColumnListIsAFault() {
        assertEquals("test.log:2: bad $STARTTIME 'noon': days since 1899-12-30 expected",
                failure(null, ";$FILEVERSION=2.1\n;$STARTTIME=noon\n").getMessage());
        assertTrue(failure(null, ";$FILEVERSION=2.1\n;$COLUMNS=N,O,T,Q,D\n").getMessage()
                .startsWith("test.log:2: bad $COLUMNS 'N,O,T,Q,D': unknown column 'Q'"));
        assertTrue(failure(null, ";$FILEVERSION=1.1\n     1)  1.0 0356 1 01\n").getMessage()
                .startsWith("test.log:2: unknown message type '0356'"));
    }
}
