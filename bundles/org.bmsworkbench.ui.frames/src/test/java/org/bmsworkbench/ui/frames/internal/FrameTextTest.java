package org.bmsworkbench.ui.frames.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/** The DLC and data cells, and the candump copy, for classic, remote and CAN FD frames. */
class FrameTextTest {
    /** Bytes of a serial line (the contract's JBD read of register 0x03): port, direction and hex, no CAN id. */
    @Test
    void chunksShowTheirBytesAndNoIdAndCopyAsASerialTrace() {
        CanFrame request = CanFrame.chunk(1_600_000_000_052_311L, "ttyUSB0", Direction.TX,
                new byte[] {(byte) 0xDD, (byte) 0xA5, 0x03, 0x00, (byte) 0xFF, (byte) 0xFD, 0x77});
        CanFrame answer = CanFrame.chunk(1_600_000_000_101_002L, "ttyUSB0", Direction.RX, new byte[] {(byte) 0xDD, 0x03});
        assertEquals("", FrameText.id(request));
        assertEquals("7", FrameText.dlc(request));
        assertEquals("DD A5 03 00 FF FD 77", FrameText.data(request));
        assertEquals("", FrameText.pgn(request));
        CanFrame can = CanFrame.of(1_600_000_000_200_000L, "can0", 0x356, false, new byte[] {1});
        assertEquals("""
                (1600000000.052311) ttyUSB0 tx DDA50300FFFD77
                (1600000000.101002) ttyUSB0 rx DD03
                (1600000000.200000) can0 356#01
                """, FrameText.candump(List.of(request, answer, can)));
        FrameRow row = new FrameRow(request);
        assertEquals(false, FrameFilter.parse("0x0").matches(row), "no CAN id");
        assertEquals(true, FrameFilter.parse("tx").matches(row));
    }

    @Test
    void canFdFramesShowTheirLengthFlagsAndEveryByte() throws Exception {
        byte[] data = new byte[64];
        data[63] = (byte) 0xAB;
        CanFrame fd = CanFrame.fd(1_600_000_000_500_000L, "can0", 0x123, false, true, false, data);
        assertEquals("64 FD BRS", FrameText.dlc(fd));
        assertEquals("8", FrameText.dlc(CanFrame.of(0, "can0", 0x356, false, new byte[8])));
        assertEquals("R4", FrameText.dlc(CanFrame.remote(0, "can0", 0x356, false, 4)));
        assertEquals("12 FD ESI", FrameText.dlc(CanFrame.fd(0, "can0", 0x123, false, false, true, new byte[12])));
        String cell = FrameText.data(fd);
        assertEquals(64 * 3 - 1, cell.length());
        assertEquals("AB", cell.substring(cell.length() - 2));
        assertEquals("(1600000000.500000) can0 123##1" + "00".repeat(63) + "AB\n", FrameText.candump(List.of(fd)));
    }
}
