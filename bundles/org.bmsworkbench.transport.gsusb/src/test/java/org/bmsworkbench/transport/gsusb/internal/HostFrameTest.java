package org.bmsworkbench.transport.gsusb.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * {@code struct gs_host_frame} byte for byte (Linux gs_usb.c; candleLight_fw include/gs_usb.h):
 * echo_id u32, can_id u32 with CAN_EFF_FLAG 0x80000000 / CAN_RTR_FLAG 0x40000000 / CAN_ERR_FLAG
 * 0x20000000 (linux/can.h), can_dlc, channel, flags (GS_CAN_FLAG_OVERFLOW 1, FD 2, BRS 4, ESI 8),
 * reserved, data[8] or data[64], then timestamp_us u32 when started with GS_CAN_MODE_HW_TIMESTAMP.
 * The frames are written out here by hand.
 */
class HostFrameTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aStandardFrameWeSendIsTwentyBytes() {
        CanFrame f = CanFrame.of(0, "x", 0x356, false, new byte[] {(byte) 0xC0, 0x14, (byte) 0x85, (byte) 0xFF, (byte) 0xD7, 0});
        assertEquals("03000000" + "56030000" + "06" + "00" + "00" + "00" + "c01485ffd7000000",
                HEX.formatHex(HostFrame.of(f, 0, 3).encode(false)));
    }

    @Test
    void anExtendedFrameCarriesTheEffFlagAndItsChannel() {
        CanFrame f = CanFrame.of(0, "x", 0x18EF5000, true, new byte[] {1, 2});
        assertEquals("09000000" + "0050ef98" + "02" + "01" + "00" + "00" + "0102000000000000",
                HEX.formatHex(HostFrame.of(f, 1, 9).encode(false)));
    }

    @Test
    void aRemoteFrameCarriesItsDlcButNoData() {
        CanFrame f = CanFrame.remote(0, "x", 0x123, false, 4);
        assertEquals("00000000" + "23010040" + "04" + "00" + "00" + "00" + "0000000000000000",
                HEX.formatHex(HostFrame.of(f, 0, 0).encode(false)));
    }

    @Test
    void aCanFdFrameUsesTheSixtyFourByteLayoutWithItsDlcCode() {
        byte[] data = new byte[12];
        data[0] = 0x11;
        data[11] = 0x22;
        byte[] wire = HostFrame.of(CanFrame.fd(0, "x", 0x10, false, true, false, data), 0, 2).encode(false);
        assertEquals(12 + 64, wire.length);
        assertEquals("02000000" + "10000000" + "09" + "00" + "06" + "00", HEX.formatHex(wire, 0, 12)); // DLC code 9 = 12 bytes; FD|BRS
        assertEquals(0x11, wire[12]);
        assertEquals(0x22, wire[23]);
    }

    @Test
    void aReceivedFrameWithATimestampDecodes() {
        byte[] wire = HEX.parseHex("ffffffff" + "55030000" + "08" + "00" + "00" + "00" + "0102030405060708" + "78563412");
        HostFrame h = HostFrame.decode(wire, wire.length, true);
        assertTrue(!h.echo());
        assertEquals(0x12345678L, h.timestamp());
        CanFrame f = h.toCanFrame(7, "gsusb0");
        assertEquals(0x355, f.id());
        assertEquals("0102030405060708", f.dataHex());
        assertEquals("gsusb0", f.bus());
        assertEquals(7, f.timestampMicros());
    }

    @Test
    void aReceivedCanFdFrameKeepsItsSixtyFourBytesAndFlags() {
        byte[] wire = new byte[80];
        byte[] head = HEX.parseHex("ffffffff" + "34120080" + "0f" + "00" + "0e" + "00"); // EFF, DLC 15, FD|BRS|ESI
        System.arraycopy(head, 0, wire, 0, 12);
        for (int i = 0; i < 64; i++) {
            wire[12 + i] = (byte) i;
        }
        CanFrame f = HostFrame.decode(wire, 80, true).toCanFrame(0, "b");
        assertTrue(f.fd() && f.brs() && f.esi() && f.extended());
        assertEquals(0x1234, f.id());
        assertEquals(64, f.length());
        assertEquals(63, f.u8(63));
    }

    @Test
    void anErrorFrameKeepsItsClassesAndDetails() {
        // CAN_ERR_FLAG | CAN_ERR_CRTL (0x04), data[1] = CAN_ERR_CRTL_RX_PASSIVE (0x10), error.h
        byte[] wire = HEX.parseHex("ffffffff" + "04000020" + "08" + "00" + "00" + "00" + "0010000000000000");
        CanFrame f = HostFrame.decode(wire, wire.length, false).toCanFrame(0, "b");
        assertTrue(f.error());
        assertEquals(0x04, f.id());
        assertEquals("0010000000000000", f.dataHex());
    }

    @Test
    void anEchoIsToldApartFromAReceivedFrame() {
        byte[] wire = HEX.parseHex("05000000" + "23010000" + "00" + "00" + "00" + "00" + "0000000000000000");
        HostFrame h = HostFrame.decode(wire, wire.length, false);
        assertTrue(h.echo());
        assertEquals(5, h.echoId());
    }

    @Test
    void aShortTransferIsRefusedNamingItsLength() {
        byte[] wire = new byte[30];
        wire[10] = 2; // FD: 76 bytes expected
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostFrame.decode(wire, 30, false));
        assertEquals("a CAN FD host frame of 30 bytes (76 expected)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostFrame.decode(wire, 8, false));
    }

    @Test
    void encodingThenDecodingGivesTheSameFrame() {
        CanFrame f = CanFrame.of(0, "x", 0x1FFFFFFF, true, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        byte[] wire = HostFrame.of(f, 0, 1).encode(false);
        assertArrayEquals(f.data(), HostFrame.decode(wire, wire.length, false).toCanFrame(0, "x").data());
        assertEquals(f.id(), HostFrame.decode(wire, wire.length, false).toCanFrame(0, "x").id());
    }
}
