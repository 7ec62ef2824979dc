package org.bmsworkbench.protocol.daly.codec;

import static org.bmsworkbench.protocol.daly.codec.Frames.rx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/**
 * The sign of 0x90's current, settled with 0x93's charge state so that {@code pack.current} is
 * positive while charging (docs/SIGNALS.md). Sources disagree: python-daly-bms comments
 * "negative=charging" yet its own Bluetooth capture pairs 0x93 "discharging" with a raw current of
 * 29941 (-5.9 A); dbus-serialbattery issues #65/#70/#255 report boards that send it inverted.
 */
class CurrentSignTest {
    private final DalyDecoder decoder = new DalyDecoder();

    private Object current(long micros, int chargeState, int raw) throws MalformedFrameException {
        byte[] mos = {(byte) chargeState, 1, 1, 0, 0, 0, 0x27, 0x10};
        decoder.decodeAll(CanFrame.chunk(micros, "p", Direction.RX, DalyCodec.uartFrame(1, 0x93, mos)));
        byte[] soc = {0x02, 0x12, 0, 0, (byte) (raw >> 8), (byte) raw, 0x03, (byte) 0x9A};
        return decoder.decodeAll(CanFrame.chunk(micros + 100_000, "p", Direction.RX, DalyCodec.uartFrame(1, 0x90, soc)))
                .get(0).signals().get("pack.current");
    }

    /** python-daly-bms test_bluetooth.py: mode "discharging" and current -5.9: the usual sign, kept. */
    @Test
    void thePublicCaptureAgreesWithItsState() throws MalformedFrameException {
        decoder.decodeAll(rx(1_000_000, "A5 01 93 08 02 01 01 9E 00 03 EA F8 C8"));
        assertEquals(-5.9, decoder.decodeAll(rx(1_100_000, "A5 01 90 08 02 12 00 00 74 F5 03 9A 58")).get(0)
                .signals().get("pack.current"));
        assertFalse(decoder.currentInverted());
    }

    @Test
    void aBoardThatSendsItInvertedIsCorrectedFromItsFirstPair() throws MalformedFrameException {
        assertEquals(10.0, current(1_000_000, 1, 29_900), "charging, sent as -10.0 A");
        assertTrue(decoder.currentInverted());
        assertEquals(-4.0, current(2_000_000, 2, 30_040), "discharging, sent as +4.0 A");
        assertEquals(7.5, current(3_000_000, 0, 29_925), "stationary does not vote; the learnt sign stays");
    }

    @Test
    void aSinglePairCaughtInATransitionIsOutvoted() throws MalformedFrameException {
        assertEquals(12.0, current(1_000_000, 1, 30_120));
        assertEquals(12.0, current(2_000_000, 1, 30_120));
        assertEquals(-3.0, current(3_000_000, 1, 29_970), "0x93 still says charging while the load starts: 2 votes to 1");
        assertFalse(decoder.currentInverted());
    }

    @Test
    void smallCurrentsAndStaleStatesDoNotVote() throws MalformedFrameException {
        assertEquals(-0.3, current(1_000_000, 1, 29_997), "0.3 A is below 0.5 A: no vote");
        decoder.decodeAll(CanFrame.chunk(2_000_000, "p", Direction.RX,
                DalyCodec.uartFrame(1, 0x93, new byte[] {1, 1, 1, 0, 0, 0, 0, 0})));
        byte[] soc = {0x02, 0x12, 0, 0, (byte) (29_900 >> 8), (byte) 29_900, 0x03, (byte) 0x9A};
        Object late = decoder.decodeAll(CanFrame.chunk(9_000_000, "p", Direction.RX, DalyCodec.uartFrame(1, 0x90, soc)))
                .get(0).signals().get("pack.current");
        assertEquals(-10.0, late, "a state 7 s older is not this current's");
        assertFalse(decoder.currentInverted());
    }
}
