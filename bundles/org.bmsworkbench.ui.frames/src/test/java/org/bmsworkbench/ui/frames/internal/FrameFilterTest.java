package org.bmsworkbench.ui.frames.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

class FrameFilterTest {
    private static FrameRow row(int id, boolean extended, String protocol) {
        FrameRow r = new FrameRow(CanFrame.of(0, "can0", id, extended, new byte[] {1}));
        if (protocol != null) {
            r.decoded(DecodedMessage.of(protocol, "m", r.frame, Map.of()));
        }
        return r;
    }

    private static final FrameRow SMA_351 = row(0x351, false, "sma");
    private static final FrameRow BATTERY = row(0x19F21450, true, "nmea2000");
    private static final FrameRow VREG = row(0x1CEFFF50, true, "vreg");
    private static final FrameRow UNKNOWN = row(0x7FF, false, null);

    @Test
    void anEmptyFilterShowsEverything() {
        assertSame(FrameFilter.ALL, FrameFilter.parse("  , "));
        assertTrue(FrameFilter.ALL.matches(UNKNOWN));
    }

    @Test
    void idsInHexWithOrWithout0xAndRanges() {
        assertTrue(FrameFilter.parse("0x351").matches(SMA_351));
        assertTrue(FrameFilter.parse("351").matches(SMA_351));
        assertFalse(FrameFilter.parse("0x352").matches(SMA_351));
        assertTrue(FrameFilter.parse("0x350-0x35F").matches(SMA_351));
        assertTrue(FrameFilter.parse("id:1CEFFF50").matches(VREG));
        assertTrue(FrameFilter.parse("0x352, 0x351").matches(SMA_351), "any term");
    }

    @Test
    void pgnOnlyOf29BitIds() {
        assertTrue(FrameFilter.parse("pgn:127508").matches(BATTERY));
        assertTrue(FrameFilter.parse("PGN:0x1F214").matches(BATTERY));
        assertTrue(FrameFilter.parse("pgn:61184").matches(VREG), "VREG is PDU1: the destination is not in the PGN");
        assertFalse(FrameFilter.parse("pgn:127508").matches(VREG));
        assertFalse(FrameFilter.parse("pgn:849").matches(SMA_351), "an 11-bit id has no PGN");
    }

    @Test
    void protocolDirectionAndExclusion() {
        assertTrue(FrameFilter.parse("protocol:vreg").matches(VREG));
        assertFalse(FrameFilter.parse("proto:vreg").matches(BATTERY));
        assertTrue(FrameFilter.parse("protocol:none").matches(UNKNOWN));
        assertFalse(FrameFilter.parse("-protocol:vreg").matches(VREG));
        assertTrue(FrameFilter.parse("-protocol:vreg").matches(BATTERY));
        FrameRow tx = new FrameRow(VREG.frame.withDirection(Direction.TX));
        assertTrue(FrameFilter.parse("tx").matches(tx));
        assertFalse(FrameFilter.parse("rx").matches(tx));
    }

    @Test
    void badTermsAreNamed() {
        assertEquals("filter 'pgn:': nothing after 'pgn:'",
                assertThrows(IllegalArgumentException.class, () -> FrameFilter.parse("pgn:")).getMessage());
        assertEquals("filter '0x351x': '351x' is not a hexadecimal id (e.g. 0x351)",
                assertThrows(IllegalArgumentException.class, () -> FrameFilter.parse("0x351 0x351x")).getMessage());
        assertEquals("filter 'pgn:999999': 999999 is outside 0..262143",
                assertThrows(IllegalArgumentException.class, () -> FrameFilter.parse("pgn:999999")).getMessage());
        assertEquals("filter 'bus:can0': unknown key 'bus' (use an id like 0x351, pgn:127508, protocol:vreg, rx or tx)",
                assertThrows(IllegalArgumentException.class, () -> FrameFilter.parse("bus:can0")).getMessage());
    }
}
