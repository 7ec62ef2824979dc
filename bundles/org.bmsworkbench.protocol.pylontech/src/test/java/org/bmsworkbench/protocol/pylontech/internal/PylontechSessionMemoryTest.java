package org.bmsworkbench.protocol.pylontech.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.testing.Allocation;
import org.bmsworkbench.bms.testing.CountingSink;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;
import org.junit.jupiter.api.Test;

/**
 * The manufacturer name (0x35E, eight ASCII bytes, as in the captured "PYLON   " frames of
 * {@code PylontechCodecDecodeTest}) is remembered per session: two batteries named differently on
 * two sessions, interleaved frame by frame, allocate nothing a frame and never show each other's
 * name; one session fed both must allocate, or the count proves nothing.
 */
class PylontechSessionMemoryTest {
    private static final long TIME = 1_600_000_000_000_000L;
    private static final int FRAMES = 100_000;
    private static final HexFormat HEX = HexFormat.of();
    private static final CanFrame PYLON = CanFrame.of(TIME, "can0", 0x35E, false, HEX.parseHex("50594C4F4E202020"));
    private static final CanFrame BYD = CanFrame.of(TIME, "can1", 0x35E, false, HEX.parseHex("4259442020202020"));

    @Test
    void twoSessionsKeepTheirOwnNameAndAllocateNothingAFrame() throws Exception {
        PylontechProtocol protocol = new PylontechProtocol();
        ProtocolSession a = protocol.newSession();
        ProtocolSession b = protocol.newSession();
        ReusedFrame view = new ReusedFrame();
        CountingSink sink = new CountingSink();
        double perFrame = Allocation.bytesPerCall(4 * FRAMES, FRAMES,
                i -> (i % 2 == 0 ? a : b).decodeTo(view.set(i % 2 == 0 ? PYLON : BYD), sink));
        assertEquals(5 * FRAMES, sink.messages());
        assertTrue(perFrame < 1, perFrame + " bytes a frame");

        ProtocolSession both = protocol.newSession();
        perFrame = Allocation.bytesPerCall(FRAMES, FRAMES, i -> both.decodeTo(view.set(i % 2 == 0 ? PYLON : BYD), sink));
        assertTrue(perFrame > 20, "one session of two names allocates " + perFrame + " bytes a frame");

        Object pylon = a.decode(PYLON).signals().get("bms.manufacturer");
        assertEquals("PYLON", pylon);
        assertEquals("BYD", b.decode(BYD).signals().get("bms.manufacturer"));
        assertEquals("BYD", a.decode(BYD).signals().get("bms.manufacturer"));
        assertEquals("PYLON", a.decode(PYLON).signals().get("bms.manufacturer"));
        Object again = a.decode(PYLON).signals().get("bms.manufacturer");
        assertSame(again, a.decode(PYLON).signals().get("bms.manufacturer"));
        assertNotSame(again, b.decode(PYLON).signals().get("bms.manufacturer"));
    }
}
