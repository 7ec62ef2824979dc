package org.bmsworkbench.protocol.sma.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.testing.Allocation;
import org.bmsworkbench.bms.testing.CountingSink;
import org.bmsworkbench.bms.testing.RecordingSink;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;
import org.bmsworkbench.protocol.sma.codec.SmaCodec;
import org.junit.jupiter.api.Test;

/**
 * What a session remembers so as not to make a repeated text, version or whole number again is its
 * own: two batteries (two sessions) whose 0x35E and 0x35F differ (guide 1.3.2: 0x35E manufacturer name,
 * ASCII; 0x35F type un16, firmware major then minor, capacity un16, hardware un16) interleaved frame by
 * frame each keep their values, so that neither allocates a frame, and neither's values show in the
 * other's output. One session fed both alternately is the control: it must allocate, or the count
 * proves nothing.
 */
class SmaSessionMemoryTest {
    private static final long TIME = 1_600_000_000_000_000L;
    private static final int FRAMES = 100_000;
    private static final HexFormat HEX = HexFormat.of();

    /** Battery A: "PYLON", type 15003, firmware 1.24, 200 Ah, hardware 400. */
    private static final CanFrame[] A = {
            CanFrame.of(TIME, "can0", 0x35E, false, HEX.parseHex("50594C4F4E000000")),
            CanFrame.of(TIME, "can0", 0x35F, false, HEX.parseHex("9B3A0118C8009001"))};
    /** Battery B: "BYD", type 40000, firmware 2.05, 300 Ah, hardware 500. */
    private static final CanFrame[] B = {
            CanFrame.of(TIME, "can1", 0x35E, false, HEX.parseHex("4259440000000000")),
            CanFrame.of(TIME, "can1", 0x35F, false, HEX.parseHex("409C02052C01F401"))};

    @Test
    void twoSessionsOfAlternatingBatteriesAllocateNothingAFrame() throws Exception {
        SmaProtocol protocol = new SmaProtocol();
        ProtocolSession a = protocol.newSession();
        ProtocolSession b = protocol.newSession();
        ReusedFrame view = new ReusedFrame();
        CountingSink sink = new CountingSink();
        double perFrame = Allocation.bytesPerCall(4 * FRAMES, FRAMES, i -> {
            CanFrame[] battery = i % 2 == 0 ? A : B;
            (i % 2 == 0 ? a : b).decodeTo(view.set(battery[i / 2 % 2]), sink);
        });
        assertEquals(5 * FRAMES, sink.messages());
        assertTrue(perFrame < 1, perFrame + " bytes a frame");

        // the control: one session fed both batteries makes the name, version and numbers again
        ProtocolSession both = protocol.newSession();
        perFrame = Allocation.bytesPerCall(FRAMES, FRAMES,
                i -> both.decodeTo(view.set((i % 2 == 0 ? A : B)[i / 2 % 2]), sink));
        assertTrue(perFrame > 20, "one session of two batteries allocates " + perFrame + " bytes a frame");
    }

    @Test
    void aSessionsMemoryNeverShowsInAnothersOutput() throws Exception {
        SmaCodec codec = new SmaCodec(SmaCodec.SMA);
        SmaProtocol protocol = new SmaProtocol();
        ProtocolSession a = protocol.newSession();
        ProtocolSession b = protocol.newSession();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < A.length; i++) {
                assertEquals(codec.decode(A[i]), a.decode(A[i]));
                assertEquals(codec.decode(B[i]), b.decode(B[i]));
                // a session that knows A decodes B's bytes to B's values, and back
                assertEquals(codec.decode(B[i]), a.decode(B[i]));
                assertEquals(codec.decode(A[i]), a.decode(A[i]));
                RecordingSink fromA = new RecordingSink();
                RecordingSink fresh = new RecordingSink();
                a.decodeTo(new ReusedFrame().set(B[i]), fromA);
                codec.decodeTo(B[i], fresh);
                assertEquals(fresh.events(), fromA.events());
            }
        }
        // the same bytes in two sessions: equal values, each session's own objects
        Object nameA = a.decode(A[0]).signals().get("bms.manufacturer");
        Object nameB = b.decode(A[0]).signals().get("bms.manufacturer");
        assertEquals("PYLON", nameA);
        assertEquals(nameA, nameB);
        assertNotSame(nameA, nameB);
        // and within one session the object is made once while the bytes repeat
        assertSame(nameA, a.decode(A[0]).signals().get("bms.manufacturer"));
        DecodedMessage system = a.decode(A[1]);
        assertSame(system.signals().get("bms.type_id"), a.decode(A[1]).signals().get("bms.type_id"));
        assertSame(system.signals().get("bms.firmware"), a.decode(A[1]).signals().get("bms.firmware"));
        assertEquals(List.of(15003L, "1.24", 200L, 400L), List.copyOf(system.signals().values()));
    }

    @Test
    void aMemoryServesOnlyTheCodecThatMadeIt() {
        SmaCodec one = new SmaCodec(SmaCodec.SMA);
        SmaCodec other = new SmaCodec(SmaCodec.SMA);
        assertEquals(4 + 3 + 3 + 26 + 1 + 1 + 4, one.newMemory().size()); // one slot a signal of the seven messages
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> one.decodeTo(A[0], other.newMemory(), new CountingSink()));
        assertTrue(e.getMessage().startsWith("the memory belongs to SmaCodec[sma"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> one.decode(A[0], other.newMemory()));
    }
}
