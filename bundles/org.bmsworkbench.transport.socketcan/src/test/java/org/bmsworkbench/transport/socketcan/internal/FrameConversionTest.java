package org.bmsworkbench.transport.socketcan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** To and from JavaCAN's frames (no native code: JavaCAN's CanFrame is a direct buffer in SocketCAN's layout). */
class FrameConversionTest {
    private static final Instant T = Instant.ofEpochSecond(1_600_000_000L, 123_456_789);

    @Test
    void standardAndExtendedDataFramesRoundTrip() {
        CanFrame std = CanFrame.of(1_600_000_000_123_456L, "can0", 0x356, false, (byte) 0xC0, (byte) 0x14);
        tel.schich.javacan.CanFrame j = FrameConversion.toJavacan(std);
        assertEquals(0x356, j.getId());
        assertFalse(j.isExtended());
        assertEquals(2, j.getDataLength());
        assertEquals(std, FrameConversion.fromJavacan(j, "can0", T), "the kernel's time, to the µs");

        CanFrame ext = CanFrame.of(0, "can1", 0x19F21450, true, new byte[8]);
        tel.schich.javacan.CanFrame je = FrameConversion.toJavacan(ext);
        assertTrue(je.isExtended());
        assertEquals(0x19F21450, je.getId());
        CanFrame back = FrameConversion.fromJavacan(je, "can1", Instant.ofEpochSecond(0, 5_000));
        assertEquals(ext.withTimestamp(5), back);
    }

    @Test
    void remoteFramesKeepTheirDlc() {
        CanFrame rtr = CanFrame.remote(0, "can0", 0x123, false, 4);
        tel.schich.javacan.CanFrame j = FrameConversion.toJavacan(rtr);
        assertTrue(j.isRemoteTransmissionRequest());
        assertEquals(0x123, j.getId());
        assertEquals(rtr.withTimestamp(1_600_000_000_123_456L), FrameConversion.fromJavacan(j, "can0", T));
    }

    @Test
    void errorFramesComeInWithTheirClassAndCannotGoOut() {
        // CAN_ERR_FLAG | CAN_ERR_CRTL (0x004), data[1] = CAN_ERR_CRTL_RX_WARNING (0x04)
        tel.schich.javacan.CanFrame j = tel.schich.javacan.CanFrame.createRaw(0x2000_0004, (byte) 0,
                new byte[] {0, 4, 0, 0, 0, 0, 0, 0}, 0, 8);
        CanFrame f = FrameConversion.fromJavacan(j, "can0", T);
        assertTrue(f.error());
        assertEquals(0x004, f.id());
        assertEquals(4, f.u8(1));
        assertThrows(IllegalArgumentException.class, () -> FrameConversion.toJavacan(f));
    }

    @Test
    void withoutAKernelTimeTheFrameIsStampedNow() {
        long before = System.currentTimeMillis() * 1000;
        CanFrame f = FrameConversion.fromJavacan(FrameConversion.toJavacan(CanFrame.of(0, "can0", 1, false)), "can0", null);
        assertTrue(f.timestampMicros() >= before, f::toString);
    }

    @Test
    void canFdFramesKeepTheirBytesAndFlagsBothWays() {
        byte[] data = new byte[64];
        data[63] = 0x3F;
        tel.schich.javacan.CanFrame fd = tel.schich.javacan.CanFrame.createExtended(0x1ABCDEF,
                (byte) (tel.schich.javacan.CanFrame.FD_FLAG_FD_FRAME | tel.schich.javacan.CanFrame.FD_FLAG_BIT_RATE_SWITCH),
                data);
        CanFrame f = FrameConversion.fromJavacan(fd, "can0", T);
        assertEquals(CanFrame.fd(f.timestampMicros(), "can0", 0x1ABCDEF, true, true, false, data), f);
        CanFrame esi = CanFrame.fd(0, "can0", 0x123, false, false, true, new byte[12]);
        tel.schich.javacan.CanFrame back = FrameConversion.toJavacan(esi);
        assertTrue(back.isFDFrame());
        assertEquals(tel.schich.javacan.CanFrame.FD_FLAG_ERROR_STATE_INDICATOR,
                back.getFlags() & tel.schich.javacan.CanFrame.FD_FLAG_ERROR_STATE_INDICATOR);
        assertEquals(esi.withTimestamp(f.timestampMicros()), FrameConversion.fromJavacan(back, "can0", T).withTimestamp(
                f.timestampMicros()));
    }
}
