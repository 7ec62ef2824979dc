package org.bmsworkbench.ui.frames.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** The DLC and data cells, and the candump copy, for classic, remote and CAN FD frames. */
class FrameTextTest {
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
