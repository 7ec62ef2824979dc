package org.bmsworkbench.can;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link ReusedFrame#set}: every call starts a frame afresh, so nothing of the frame before it (its
 * data length above all) shows through; the flags are the ones {@link CanFrame} reports. The frames
 * are the kinds can-utils' candump prints (lib.c {@code sprint_canframe}): a classic data frame, a
 * remote request, an FD frame with BRS and ESI.
 */
class ReusedFrameTest {

    @Test
    void aRemoteFrameAfterADataFrameHasNoData() {
        ReusedFrame frame = new ReusedFrame();
        frame.set(1_000_000, "can0", 0x356, 0, 8, Direction.RX).setData(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, 8);
        assertEquals(8, frame.length());

        frame.set(2_000_000, "can0", 0x19F21450, ReusedFrame.EXTENDED | ReusedFrame.REMOTE, 8, Direction.RX);

        assertEquals(0, frame.length());
        assertThrows(IndexOutOfBoundsException.class, () -> frame.u8(0));
        assertEquals(CanFrame.remote(2_000_000, "can0", 0x19F21450, true, 8), frame.toFrame());
    }

    @Test
    void aFrameStartedAfterItsDataHasNone() {
        ReusedFrame frame = new ReusedFrame();
        frame.data(8)[0] = 0x11;
        frame.set(1_000_000, "can0", 0x100, 0, 0, Direction.TX);
        assertEquals(CanFrame.wrap(1_000_000, "can0", 0x100, false, new byte[0]).withDirection(Direction.TX),
                frame.toFrame());
    }

    @Test
    void flagsRoundTripThroughAFrame() {
        byte[] data = new byte[12];
        data[11] = 0x7F;
        CanFrame fd = CanFrame.wrapFd(3_000_000, "can1", 0x1ABCDEF0, true, true, true, data);
        ReusedFrame frame = new ReusedFrame().set(fd);

        assertEquals(ReusedFrame.EXTENDED | ReusedFrame.FD | ReusedFrame.BRS | ReusedFrame.ESI, ReusedFrame.flags(fd));
        assertTrue(frame.extended() && frame.fd() && frame.brs() && frame.esi());
        assertFalse(frame.remote() || frame.error() || frame.chunk());
        assertEquals(fd, frame.toFrame());
        assertArrayEquals(data, frame.toFrame().data());
    }

    @Test
    void unknownFlagsAreRefused() {
        ReusedFrame frame = new ReusedFrame();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> frame.set(0, "can0", 0x100, 0x80, 0, Direction.RX));
        assertEquals("unknown frame flags 0x80", e.getMessage());
    }
}
