package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.LogText.bytes;
import static org.bmsworkbench.can.log.LogText.failure;
import static org.bmsworkbench.can.log.LogText.read;
import static org.bmsworkbench.can.log.LogText.readTolerant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vector ASC logs as CANalyzer/CANoe write them (header, trigger block, CAN events). */
class AscReaderTest {
    private static final LogFormat ASC = LogFormat.ASC;
    /** Mon Sep 14 12:26:40 pm 2020, UTC. */
    private static final long DATE = 1_600_086_400_000_000L;

    private static final String HEADER = """
            date Mon Sep 14 12:26:40.000 pm 2020
            base hex  timestamps absolute
            internal events logged
            // version 9.0.0
            Begin Triggerblock Mon Sep 14 12:26:40.000 pm 2020
               0.000000 Start of measurement
            """;

    @Test
    void readsDataRemoteExtendedAndErrorFramesAfterTheDateHeader() throws Exception {
        List<CanFrame> frames = read(ASC, HEADER + """
                   0.500000 1  356             Rx   d 8 C0 14 85 0C D7 00 00 00  Length = 0 BitCount = 0 ID = 854
                   0.600000 2  19F21450x       Tx   d 3 C0 14 85  Length = 0 BitCount = 0 ID = 435295312x
                   0.700000 1  123             Rx   r 4
                   0.710000 1  124             Rx   r
                   0.720000 1  7FF             Rx   d 0
                   0.800000 1  ErrorFrame
                End TriggerBlock
                """);
        assertEquals(List.of(
                CanFrame.of(DATE + 500_000, "can0", 0x356, false, bytes(0xC0, 0x14, 0x85, 0x0C, 0xD7, 0, 0, 0)),
                CanFrame.of(DATE + 600_000, "can1", 0x19F21450, true, bytes(0xC0, 0x14, 0x85)).withDirection(Direction.TX),
                CanFrame.remote(DATE + 700_000, "can0", 0x123, false, 4),
                CanFrame.remote(DATE + 710_000, "can0", 0x124, false, 0),
                CanFrame.of(DATE + 720_000, "can0", 0x7FF, false),
                CanFrame.error(DATE + 800_000, "can0", 0)), frames);
    }

    @Test
    void skipsOtherEventsSilently() throws Exception {
        LogText.Tolerant t = readTolerant(ASC, HEADER + """
                   0.100000 CAN 1 Status:chip status error active
                   0.200000 1  Statistic: D 12 R 0 XD 0 XR 0 E 0 O 0 B 0.12%
                   0.300000 SV: 1 0 1 ::Engine::Speed = 3000
                   0.400000 J1939TP FEE3p 6 0 0 - Rx d 39 FF FF
                   0.450000 1  356             TxRq d 1 00
                   0.500000 1  356             Rx   d 1 01
                   0.600000 Log trigger event
                """);
        assertEquals(1, t.frames().size());
        assertEquals(0, t.skipped());
    }

    @Test
    void readsTwentyFourHourDatesWithoutMilliseconds() throws Exception {
        List<CanFrame> frames = read(ASC, """
                date Mon Sep 14 13:26:40 2020
                base hex  timestamps absolute
                   1.000000 1  100             Rx   d 1 01
                """);
        assertEquals(DATE + 3_600_000_000L + 1_000_000, frames.get(0).timestampMicros());
    }

    @Test
    void twelveAmIsMidnight() throws Exception {
        List<CanFrame> frames = read(ASC, "date Mon Sep 14 12:00:00.250 am 2020\n   0.000000 1  100  Rx   d 0\n");
        assertEquals(1_600_041_600_250_000L, frames.get(0).timestampMicros());
    }

    @Test
    void readsDecimalIdsAndData() throws Exception {
        assertEquals(List.of(CanFrame.of(DATE + 500_000, "can0", 0x356, false, bytes(192, 20)),
                CanFrame.of(DATE + 600_000, "can0", 0x19F21450, true, bytes(255))),
                read(ASC, """
                        date Mon Sep 14 12:26:40.000 pm 2020
                        base dec  timestamps absolute
                           0.500000 1  854             Rx   d 2 192 20
                           0.600000 1  435295312x      Rx   d 1 255
                        """));
    }

    @Test
    void accumulatesRelativeTimestamps() throws Exception {
        List<CanFrame> frames = read(ASC, """
                date Mon Sep 14 12:26:40.000 pm 2020
                base hex  timestamps relative
                no internal events logged
                   0.000000 Start of measurement
                   0.500000 1  100             Rx   d 0
                   0.250000 CAN 1 Status:chip status error active
                   0.250000 1  101             Rx   d 0
                """);
        assertEquals(List.of(DATE + 500_000, DATE + 1_000_000), frames.stream().map(CanFrame::timestampMicros).toList());
    }

    @Test
    void withoutADateTimesAreTheOffsets() throws Exception {
        List<CanFrame> frames = read(null, "   1.234567 3  100             Rx   d 0\r\n");
        assertEquals(List.of(CanFrame.of(1_234_567, "can2", 0x100, false)), frames);
    }

    @Test
    void takesTheTriggerBlockDateWhenThereIsNoDateLine() throws Exception {
        List<CanFrame> frames = read(ASC, "Begin Triggerblock Mon Sep 14 12:26:40.000 pm 2020\n   0.5 1 100 Rx d 0\n");
        assertEquals(DATE + 500_000, frames.get(0).timestampMicros());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
               0.500000 1  356  Rx   d 2 C0 1G          | bad hex digit 'G' in data
               0.500000 1  800  Rx   d 1 00             | id 0x800 does not fit 11 bits
               0.500000 1  20000000x  Rx   d 1 00       | id 0x20000000 does not fit 29 bits
               0.500000 1  123456789x  Rx   d 1 00      | id '123456789' has more than 8 digits
               0.500000 1  3G6  Rx   d 1 00             | bad hex digit 'G' in id
               0.500000 1  356  Rx   d 9 00 00 00 00 00 00 00 00 00 | DLC 9, at most 8
               0.500000 1  356  Rx   d 8 00 00 00 00 00 00  Length = 0 | DLC 8 but 6 data bytes
               0.500000 1  356  Rx   d 2 00             | DLC 2 but 1 data byte
               0.500000 1  356  Rx   x 2 00 00          | expected 'd' or 'r' after the direction, found 'x'
               0.500000 1  356  Rx   d                  | missing DLC
               0.500000 1  356  Rx   d 2 100 00         | data '100' has more than 2 digits
               0.500000 0  356  Rx   d 0                | channel 0: ASC channels start at 1
               0.5x0000 1  356  Rx   d 0                | bad time '0.5x0000'
               0.500000                                 | nothing after the time
               0.500000 CANFD   1 Rx  356  1 0 9 8 00 00 00 00 00 00 00 00 | DLC 9 means 12 bytes, but the data length is 8
               0.500000 CANFD   1 Rx  356  Name 2 0 8 8 00                 | bad BRS flag '2': 0 or 1 expected
               0.500000 CANFD   1 Rx  356  1 0 a 10 00 00 00 00 00 00 00 00 00 00 | data length 10 is not a CAN FD length (0..8, 12, 16, 20, 24, 32, 48, 64)
               0.500000 CANFD   1 Rx  356  1 0 9 12 00 00                 | data length 12 but 2 data bytes
            date Mon Sept 14 12:26:40.000 pm 2020       | bad date 'Mon Sept 14 12:26:40.000 pm 2020': unknown month
            date Mon Sep 14 13:26:40.000 pm 2020        | bad date 'Mon Sep 14 13:26:40.000 pm 2020': hour 13 with pm
            hello world                                 | not an ASC line: 'hello world'
            """)
    void namesEachFault(String line, String reason) {
        LogParseException e = failure(ASC, HEADER + line + "\n");
        assertEquals(reason, e.reason());
        assertEquals(7, e.line());
    }

    @Test
    void namesTheBaseLineItUnderstands() {
        assertEquals("bad base line 'base oct  timestamps absolute': expected 'base hex|dec  timestamps absolute|relative'",
                failure(ASC, "base oct  timestamps absolute\n").reason());
    }

    @Test
    void decimalBaseRejectsHexDigitsAndBigBytes() {
        String header = "base dec  timestamps absolute\n";
        assertEquals("bad decimal digit 'A' in id", failure(ASC, header + "0.5 1 35A Rx d 0\n").reason());
        assertEquals("data byte 256 is more than 255", failure(ASC, header + "0.5 1 100 Rx d 1 256\n").reason());
    }

    @Test
    void tolerantModeSkipsBadFramesAndKeepsTheClock() throws Exception {
        LogText.Tolerant t = readTolerant(ASC, HEADER + """
                   0.500000 1  356  Rx   d 1 0G
                   0.600000 1  356  Rx   d 1 01
                """);
        assertEquals(1, t.skipped());
        assertEquals(7, t.problems().get(0).line());
        assertEquals(List.of(DATE + 600_000), t.frames().stream().map(CanFrame::timestampMicros).toList());
    }
}
