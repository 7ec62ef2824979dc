package org.bmsworkbench.protocol.generalbms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.testing.Allocation;
import org.bmsworkbench.bms.testing.CountingSink;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;
import org.junit.jupiter.api.Test;

/**
 * The SMA frames General BMS shares (guide 1.4 = 1.3's 0x35E manufacturer name, ASCII, and 0x35F
 * type, firmware major then minor, capacity, hardware) are remembered per session: two batteries on
 * two sessions, interleaved frame by frame, allocate nothing a frame and keep their own values.
 */
class GeneralBmsSessionMemoryTest {
    private static final long TIME = 1_600_000_000_000_000L;
    private static final int FRAMES = 100_000;
    private static final HexFormat HEX = HexFormat.of();

    private static final CanFrame[] A = {
            CanFrame.of(TIME, "can0", 0x35E, false, HEX.parseHex("4D472D424D530000")),
            CanFrame.of(TIME, "can0", 0x35F, false, HEX.parseHex("9B3A0118C8009001"))};
    private static final CanFrame[] B = {
            CanFrame.of(TIME, "can1", 0x35E, false, HEX.parseHex("4259440000000000")),
            CanFrame.of(TIME, "can1", 0x35F, false, HEX.parseHex("409C02052C01F401"))};

    @Test
    void twoSessionsKeepTheirOwnValuesAndAllocateNothingAFrame() throws Exception {
        GeneralBmsProtocol protocol = new GeneralBmsProtocol();
        ProtocolSession a = protocol.newSession();
        ProtocolSession b = protocol.newSession();
        ReusedFrame view = new ReusedFrame();
        CountingSink sink = new CountingSink();
        double perFrame = Allocation.bytesPerCall(4 * FRAMES, FRAMES,
                i -> (i % 2 == 0 ? a : b).decodeTo(view.set((i % 2 == 0 ? A : B)[i / 2 % 2]), sink));
        assertEquals(5 * FRAMES, sink.messages());
        assertTrue(perFrame < 1, perFrame + " bytes a frame");

        assertEquals("MG-BMS", a.decode(A[0]).signals().get("bms.manufacturer"));
        assertEquals("BYD", b.decode(B[0]).signals().get("bms.manufacturer"));
        assertEquals("2.05", a.decode(B[1]).signals().get("bms.firmware"));
        assertEquals("1.24", a.decode(A[1]).signals().get("bms.firmware"));
        assertNotSame(a.decode(A[1]).signals().get("bms.firmware"), b.decode(A[1]).signals().get("bms.firmware"));
    }
}
