package org.bmsworkbench.can.log;

import static org.bmsworkbench.can.log.LogText.bytes;
import static org.bmsworkbench.can.log.LogText.read;
import static org.bmsworkbench.can.log.LogText.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/**
 * CAN FD frames in the text logs: candump {@code -L} {@code ID##<flags><data>} and plain candump
 * {@code [NN]} as can-utils' lib.c prints them (flags CANFD_BRS 0x01, CANFD_ESI 0x02), and Vector
 * ASC {@code CANFD} lines (channel, direction, id, optional symbolic name, BRS, ESI, DLC code,
 * data length, data, then duration, bit count, flags with EDL 0x1000, BRS 0x2000, ESI 0x4000).
 */
class CanFdLinesTest {
    private static final long T = 1_600_000_000_500_000L;

    private static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void candumpLReadsTheFlagsDigitAndUpToSixtyFourBytes() throws Exception {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hex.append(String.format("%02X", i));
        }
        assertEquals(List.of(
                CanFrame.fd(T, "can0", 0x123, false, false, false, bytes(0x11, 0x22)),
                CanFrame.fd(T, "can0", 0x123, false, true, false, counting(12)),
                CanFrame.fd(T, "can1", 0x1ABCDEF, true, false, true, counting(64)).withDirection(Direction.TX),
                CanFrame.fd(T, "can0", 0x123, false, true, true, new byte[0])),
                read(LogFormat.CANDUMP_L, """
                        (1600000000.500000) can0 123##01122
                        (1600000000.500000) can0 123##1000102030405060708090A0B
                        (1600000000.500000) can1 01ABCDEF##2%s T
                        (1600000000.500000) can0 123##7
                        """.formatted(hex)));
    }

    @Test
    void candumpLWritesFdFramesWithTheirFlags() throws Exception {
        assertEquals("""
                (1600000000.500000) can0 123##100010203040506070809
                (1600000000.500000) can0 123##3
                (1600000000.500000) can0 1ABCDEF0##2AABB T
                """.replace("##100010203040506070809", "##1000102030405060708090A0B"),
                write(LogFormat.CANDUMP_L, List.of(
                        CanFrame.fd(T, "can0", 0x123, false, true, false, counting(12)),
                        CanFrame.fd(T, "can0", 0x123, false, true, true, new byte[0]),
                        CanFrame.fd(T, "can0", 0x1ABCDEF0, true, false, true, bytes(0xAA, 0xBB))
                                .withDirection(Direction.TX))));
    }

    @Test
    void plainCandumpReadsATwoDigitLengthAsCanFd() throws Exception {
        assertEquals(List.of(
                CanFrame.fd(CanFrame.NO_TIMESTAMP, "can0", 0x123, false, false, false, counting(12)),
                CanFrame.fd(CanFrame.NO_TIMESTAMP, "can0", 0x0AD, false, false, false, counting(8)),
                CanFrame.fd(CanFrame.NO_TIMESTAMP, "can0", 0x123, false, true, true, bytes(1, 2))
                        .withDirection(Direction.TX)),
                read(LogFormat.CANDUMP, """
                          can0  123  [12]  00 01 02 03 04 05 06 07 08 09 0A 0B
                          can0  0AD  [08]  00 01 02 03 04 05 06 07
                          can0  TX B E  123  [02]  01 02
                        """));
    }

    @Test
    void ascReadsCanFdLinesWithAndWithoutSymbolicNames() throws Exception {
        long t0 = 1_600_084_800_000_000L; // Mon Sep 14 12:00:00 2020
        assertEquals(List.of(
                CanFrame.fd(t0 + 30_005_021, "can0", 0x300, false, true, false, bytes(0x11, 0xC2, 3, 4, 5, 6, 7, 8)),
                CanFrame.fd(t0 + 30_005_041, "can1", 0x1C4D80A7, true, false, true, counting(12))
                        .withDirection(Direction.TX),
                CanFrame.fd(t0 + 30_005_071, "can2", 0x30A, false, true, true, bytes(1, 2)),
                CanFrame.remote(t0 + 30_300_981, "can2", 0x50005, true, 5).withDirection(Direction.TX),
                CanFrame.of(t0 + 30_400_000, "can0", 0x100, false, bytes(1, 2)),
                CanFrame.fd(t0 + 30_500_000, "can3", 0x4EE, false, false, true, counting(64)),
                CanFrame.error(t0 + 30_806_898, "can4", 0)),
                read(null, """
                        date Mon Sep 14 12:00:00.000 pm 2020
                        base hex  timestamps absolute
                        Begin Triggerblock Mon Sep 14 12:00:00.000 pm 2020
                          30.005021 CANFD   1 Rx        300                                   1 0 8  8 11 c2 03 04 05 06 07 08   102203  133   303000 e0006659 46500250 4b140250 20011736 2001040d
                          30.005041 CANFD   2 Tx  1C4D80A7x                                   0 1 9 12 00 01 02 03 04 05 06 07 08 09 0a 0b   0  0  5000 0 0 0 0 0
                          30.005071 CANFD   3 Rx        30a  Speed_Message                    1 1 2  2 01 02   0  0  7000 0 0 0 0 0
                          30.300981 CANFD   3 Tx     50005x                                   0 1 5  0   140000 73 200050 7a60 46500250 460a0250 20011736 20010205
                          30.400000 CANFD   1 Rx        100                                   0 0 2  2 01 02   0  0  0 0 0 0 0 0
                          30.500000 CANFD   4 Rx        4EE                                   0 1 f 64 %s   0 0 0 0 0 0 0 0
                          30.806898 CANFD   5 Tx ErrorFrame Not Acknowledge error, dominant error flag
                        End TriggerBlock
                        """.formatted(hexSpaced(64))));
    }

    @Test
    void ascWritesCanFdLinesThatReadBack() throws Exception {
        List<CanFrame> frames = List.of(
                CanFrame.of(T, "can0", 0x356, false, bytes(1, 2)),
                CanFrame.fd(T + 1, "can0", 0x123, false, true, false, counting(12)),
                CanFrame.fd(T + 2, "can1", 0x1ABCDEF0, true, false, true, counting(64)).withDirection(Direction.TX));
        String text = write(LogFormat.ASC, frames);
        assertTrue(text.contains(" CANFD   1 Rx         123  1 0 9 12 00 01 02 03 04 05 06 07 08 09 0A 0B"
                + "        0    0 00003000        0        0        0        0        0\n"), text);
        assertEquals(frames, read(null, text));
    }

    private static String hexSpaced(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02x", i));
        }
        return s.toString();
    }
}
