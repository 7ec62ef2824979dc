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

/**
 * NMEA 2000 gateway logs: Yacht Devices RAW (the YDWG-02 manual's "RAW format": time of day,
 * R/T, 29-bit id, bytes) and canboat's plain CSV (canboat's README, "PLAIN format": time,
 * priority, PGN, source, destination, length, bytes), turned into frames as NMEA 2000 (IEC
 * 61162-3) carries them: fast packets for longer messages, frame 0 with the sequence and frame
 * counters and the length, then 7 bytes a frame, padded with 0xFF.
 */
class GatewayLogsTest {
    private static final long DAY = 86_400_000_000L;

    @Test
    void yachtDevicesRawIsReadOnTheFirstOfJanuary1970AndCountsDaysPastMidnight() throws Exception {
        long t = (23 * 3600 + 59 * 60 + 59) * 1_000_000L + 617_000;
        assertEquals(List.of(
                CanFrame.of(t, "can0", 0x19F21450, true, bytes(0x00, 0x28, 0x0A, 0xFF, 0x7F, 0xFF, 0x7F, 0xFD)),
                CanFrame.of(t + 1_000, "can0", 0x09F10D01, true, bytes(0x00, 0xF8)).withDirection(Direction.TX),
                CanFrame.of(DAY + 500_000, "can0", 0x123, false, bytes()),
                CanFrame.of(DAY + 1_500_000, "can0", 0x123, false, bytes(1))),
                read(null, """
                        23:59:59.617 R 19F21450 00 28 0A FF 7F FF 7F FD
                        23:59:59.618 T 09F10D01 00 F8
                        00:00:00.500 R 123
                        00:00:01.500 R 123 01
                        """));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            24:00:00.000 R 19F21450 00   | bad time '24:00:00.000': hh:mm:ss.mmm expected
            12:00:00 R 19F21450 00       | bad time '12:00:00': hh:mm:ss.mmm expected
            12:00:00.000 X 19F21450 00   | expected R or T after the time, found 'X'
            12:00:00.000 R 9F21450 00    | id '9F21450' has 7 hex digits; 3 (11-bit) or 8 (29-bit) expected
            12:00:00.000 R 3FF21450 00   | id 0x3FF21450 does not fit 29 bits
            12:00:00.000 R 19F21450 0    | data byte '0' is not two hex digits
            12:00:00.000 R 19F21450 00 00 00 00 00 00 00 00 00 | more than 8 data bytes
            """)
    void yachtDevicesRawFaultsNameTheLine(String line, String reason) {
        assertEquals("test.log:2: " + reason,
                failure(LogFormat.YACHT_DEVICES_RAW, "12:00:00.000 R 123 01\n" + line + "\n").getMessage());
    }

    @Test
    void canboatCsvGivesOneFrameForAMessageOfUpToEightBytes() throws Exception {
        long t = 1_456_689_422_364_000L; // 2016-02-28T19:57:02.364Z
        assertEquals(List.of(
                // 127508 from source 4: priority 6, PDU2 (PF 0xF2): 0x19F21404
                CanFrame.of(t, "can0", 0x19F21404, true, bytes(0x01, 0x6A, 0x0A, 0x87, 0xFF, 0xFF, 0x7F, 0xFF)),
                // 61184 (0xEF00, PDU1) from 227 to 12: the destination in the id
                CanFrame.of(t + 1_000, "can0", 0x1CEF0CE3, true, bytes(0x66, 0x99, 0x02, 0x20)),
                // the older time form, without milliseconds
                CanFrame.of(t - 2_364_000, "can0", 0x19F21404, true, bytes(0x01))),
                read(null, """
                        # format=FAST
                        2016-02-28T19:57:02.364Z,6,127508,4,255,8,01,6a,0a,87,ff,ff,7f,ff
                        2016-02-28T19:57:02.365Z,7,61184,227,12,4,66,99,02,20
                        2016-02-28-19:57:00,6,127508,4,255,1,01
                        """));
    }

    @Test
    void canboatCsvSplitsLongerMessagesIntoFastPacketsCountingTheSequencePerPgnAndSource() throws Exception {
        long t = 1_680_370_081_128_000L; // 2023-04-01T17:28:01.128Z
        int id = 0x09F2123C; // 127506 from 60, priority 2
        List<CanFrame> frames = read(null, """
                2023-04-01T17:28:01.128Z,2,127506,60,255,11,ff,03,ff,64,ff,14,00,ff,ff,ff,ff
                2023-04-01T17:28:01.128Z,2,127506,60,255,9,01,03,00,64,00,14,00,ff,ff
                2023-04-01T17:28:01.128Z,2,127506,61,255,9,01,03,00,64,00,14,00,ff,ff
                """);
        assertEquals(List.of(
                CanFrame.of(t, "can0", id, true, bytes(0x00, 11, 0xFF, 0x03, 0xFF, 0x64, 0xFF, 0x14)),
                CanFrame.of(t, "can0", id, true, bytes(0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)),
                CanFrame.of(t, "can0", id, true, bytes(0x20, 9, 0x01, 0x03, 0x00, 0x64, 0x00, 0x14)),
                CanFrame.of(t, "can0", id, true, bytes(0x21, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)),
                CanFrame.of(t, "can0", id + 1, true, bytes(0x00, 9, 0x01, 0x03, 0x00, 0x64, 0x00, 0x14)),
                CanFrame.of(t, "can0", id + 1, true, bytes(0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))),
                frames);
    }

    @Test
    void canboatCsvSendsMessagesLongerThanAFastPacketAsAnIsoTransportBroadcast() throws Exception {
        StringBuilder line = new StringBuilder("2016-02-28T19:57:02.000Z,6,129540,23,255,230");
        for (int i = 0; i < 230; i++) {
            line.append(',').append(String.format("%02x", i & 0xFF));
        }
        List<CanFrame> frames = read(null, line + "\n");
        assertEquals(1 + 33, frames.size());
        // TP.CM BAM to 255 from 23: control 32, 230 bytes, 33 packets, 0xFF, PGN 129540 = 0x01FA04
        assertEquals(CanFrame.of(1_456_689_422_000_000L, "can0", 0x1CECFF17, true,
                bytes(32, 230, 0, 33, 0xFF, 0x04, 0xFA, 0x01)), frames.get(0));
        assertEquals(CanFrame.of(1_456_689_422_000_000L, "can0", 0x1CEBFF17, true, bytes(1, 0, 1, 2, 3, 4, 5, 6)),
                frames.get(1));
        assertEquals(CanFrame.of(1_456_689_422_000_000L, "can0", 0x1CEBFF17, true,
                bytes(33, 224, 225, 226, 227, 228, 229, 0xFF)), frames.get(33));
    }

    @Test
    void canboatCsvSkipsTheGatewaysOwnMessagesAndNamesBadLines() throws Exception {
        LogText.Tolerant r = readTolerant(null, """
                2016-02-28T19:57:02.480Z,0,262386,0,0,2,01,0e
                2016-02-28T19:57:02.481Z,6,127508,4,255,2,01
                2016-02-28T19:57:02.482Z,8,127508,4,255,1,01
                2016-02-28T19:57:02.483Z,6,59904,4,255,3,00,ee,00
                2016-02-28T19:57:02.483Z,6,59905,4,255,3,00,ee,00
                2016-02-28T25:57:02.483Z,6,127508,4,255,1,01
                2016-02-28T19:57:02.483Z,6,127508,4,255,1,xx
                """);
        assertEquals(List.of(CanFrame.of(1_456_689_422_483_000L, "can0", 0x18EAFF04, true, bytes(0, 0xEE, 0))),
                r.frames());
        assertEquals(List.of(
                "test.log:2: length 2 but 1 data byte",
                "test.log:3: priority 8 is more than 7",
                "test.log:5: PGN 59905 is addressed (PDU format 234 < 240) but its low byte is not 0",
                "test.log:6: bad time '2016-02-28T25:57:02.483Z'",
                "test.log:7: data byte 'xx' is not two hex digits"),
                r.problems().stream().map(Throwable::getMessage).toList());
    }
}
