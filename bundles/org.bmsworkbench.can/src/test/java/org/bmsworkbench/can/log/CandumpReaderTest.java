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

/** candump's default output (lib.c sprint_long_canframe), as printed with and without -t a|d|z|A, -x, -a, -e. */
class CandumpReaderTest {
    private static final LogFormat PLAIN = LogFormat.CANDUMP;
    private static final long T = 1_600_000_000_500_000L;
    private static final byte[] PACK = bytes(0xC0, 0x14, 0x85, 0x0C, 0xD7, 0x00);

    @Test
    void readsLinesWithoutTimestampAsNoTimestamp() throws Exception {
        assertEquals(List.of(CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 0x356, false, PACK),
                CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 0x19F21450, true, bytes(1, 2, 3, 4, 5, 6, 7, 8)),
                CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 0x356, false, PACK)),
                read(PLAIN, """
                          can0  356   [6]  C0 14 85 0C D7 00
                          can0  19F21450   [8]  01 02 03 04 05 06 07 08
                          can0       356   [6]  C0 14 85 0C D7 00
                        """));
    }

    @Test
    void readsAbsoluteRelativeAndDateTimestamps() throws Exception {
        List<CanFrame> frames = read(PLAIN, """
                 (1600000000.500000)  can0  356   [6]  C0 14 85 0C D7 00
                 (000.250000)  can0  356   [6]  C0 14 85 0C D7 00
                 (2020-09-13 12:26:40.500000)  can0  356   [6]  C0 14 85 0C D7 00
                """);
        assertEquals(CanFrame.of(T, "can0", 0x356, false, PACK), frames.get(0));
        assertEquals(250_000, frames.get(1).timestampMicros());
        assertEquals(T, frames.get(2).timestampMicros()); // 2020-09-13T12:26:40.5Z, taken as UTC
    }

    @Test
    void readsRemoteErrorZeroLengthAndSentFrames() throws Exception {
        assertEquals(List.of(CanFrame.remote(CanFrame.NO_TIMESTAMP, "can0", 0x123, false, 4),
                CanFrame.error(CanFrame.NO_TIMESTAMP, "can0", 0x4, bytes(0, 4, 0, 0, 0, 0, 0, 0)),
                CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 0x7FF, false),
                CanFrame.of(CanFrame.NO_TIMESTAMP, "can1", 0x356, false, bytes(0xC0, 0x14)).withDirection(Direction.TX)),
                read(PLAIN, """
                          can0  123   [4]  remote request
                          can0  20000004   [8]  00 04 00 00 00 00 00 00   ERRORFRAME
                        \tcontroller-problem{rx-error-warning}
                          can0  7FF   [0]
                          can1  TX - -  356   [2]  C0 14
                        """));
    }

    @Test
    void ignoresTheAsciiColumnAndAcceptsCrLf() throws Exception {
        assertEquals(List.of(CanFrame.of(CanFrame.NO_TIMESTAMP, "can0", 0x35E, false, bytes(0x4D, 0x47))),
                read(null, "  can0  35E   [2]  4D 47                     'MG'\r\n"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
              can0  356   [6]  C0 14 85 0C D7 0G          | bad hex digit 'G' in data
              can0  800   [1]  00                         | id 0x800 does not fit 11 bits
              can0  356   [9]  00 00 00 00 00 00 00 00 00 | 9 data bytes, at most 8
              can0  356   [6]  C0 14 85                   | [6] but 3 data bytes
              can0  356   [2]  C0 14 85                   | more data bytes than [2]
              can0  356   [2]  C0 14 junk                 | unexpected text after the data: 'junk'
              can0  356   [2]  C0 1                       | data byte '1' is not two hex digits
              can0  356   [12]  00 00                     | [12] but 2 data bytes
              can0  356   [10]  00 00                     | [10] is not a CAN FD length (0..8, 12, 16, 20, 24, 32, 48, 64)
              can0  356   6  C0                           | expected '[length]' after the id, found '6'
              can0  356                                   | missing '[length]' after the id
              can0  3567   [1]  00                        | id '3567' has 4 hex digits; 3 (11-bit) or 8 (29-bit) expected
             (16x)  can0  356   [1]  00                   | bad timestamp '(16x)'
             (2020-13-01 00:00:00.000000)  can0  356   [1]  00 | bad timestamp '(2020-13-01 00:00:00.000000)'
              can0  TX  356   [1]  00                     | bad flags after TX: '356'
              can0  123   [4]  remote request please      | unexpected text after 'remote request'
            """)
    void namesEachFault(String line, String reason) {
        LogParseException e = failure(PLAIN, "  can0  100   [0]\n" + line + "\n");
        assertEquals(reason, e.reason());
        assertEquals(2, e.line());
    }

    @Test
    void tolerantModeSkipsBadLines() throws Exception {
        LogText.Tolerant t = readTolerant(PLAIN, """
                  can0  100   [1]  01
                  can0  100   [1]  0X
                  can0  101   [1]  02
                """);
        assertEquals(2, t.frames().size());
        assertEquals(1, t.skipped());
        assertEquals(2, t.problems().get(0).line());
    }
}
