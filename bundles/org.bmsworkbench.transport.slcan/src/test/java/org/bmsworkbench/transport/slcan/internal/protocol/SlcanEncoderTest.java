package org.bmsworkbench.transport.slcan.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** Host commands as the LAWICEL CANUSB manual spells them. */
class SlcanEncoderTest {
    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void transmitCommands() {
        // manual: "t10021133[CR]", "T0000010021133[CR]", "r1002[CR]", "R000001002[CR]"
        assertEquals("t10021133\r", text(SlcanEncoder.frame(CanFrame.of(0, "x", 0x100, false, (byte) 0x11, (byte) 0x33))));
        assertEquals("T0000010021133\r", text(SlcanEncoder.frame(CanFrame.of(0, "x", 0x100, true, (byte) 0x11, (byte) 0x33))));
        assertEquals("r1002\r", text(SlcanEncoder.frame(CanFrame.remote(0, "x", 0x100, false, 2))));
        assertEquals("R000001002\r", text(SlcanEncoder.frame(CanFrame.remote(0, "x", 0x100, true, 2))));
        assertEquals("T1FFFFFFF8FFFFFFFFFFFFFFFF\r", text(SlcanEncoder.frame(CanFrame.of(0, "x", 0x1FFFFFFF, true,
                new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}))));
        assertEquals("t7FF0\r", text(SlcanEncoder.frame(CanFrame.of(0, "x", 0x7FF, false))));
    }

    @Test
    void errorFramesCannotBeSent() {
        assertThrows(IllegalArgumentException.class, () -> SlcanEncoder.frame(CanFrame.error(0, "x", 4, new byte[8])));
    }

    @Test
    void setupCommands() {
        assertEquals("S0\r", text(SlcanEncoder.bitrate(SlcanBitrate.K10)));
        assertEquals("S6\r", text(SlcanEncoder.bitrate(SlcanBitrate.K500)));
        assertEquals("S8\r", text(SlcanEncoder.bitrate(SlcanBitrate.M1)));
        assertEquals("C\r", text(SlcanEncoder.CLOSE));
        assertEquals("O\r", text(SlcanEncoder.OPEN));
        assertEquals("L\r", text(SlcanEncoder.LISTEN_ONLY));
        assertEquals("F\r", text(SlcanEncoder.STATUS));
        assertEquals("Z1\r", text(SlcanEncoder.TIMESTAMPS_ON));
        assertEquals("Z0\r", text(SlcanEncoder.TIMESTAMPS_OFF));
    }

    @Test
    void bitrateNames() {
        assertEquals(SlcanBitrate.K500, SlcanBitrate.parse("500000").orElseThrow());
        assertEquals(SlcanBitrate.K500, SlcanBitrate.parse("500k").orElseThrow());
        assertEquals(SlcanBitrate.M1, SlcanBitrate.parse("1M").orElseThrow());
        assertEquals(SlcanBitrate.M1, SlcanBitrate.parse("1000K").orElseThrow());
        assertEquals(SlcanBitrate.K125, SlcanBitrate.parse(" 125000 ").orElseThrow());
        assertEquals(true, SlcanBitrate.parse("83333").isEmpty());
        assertEquals(true, SlcanBitrate.parse("fast").isEmpty());
        assertEquals(true, SlcanBitrate.parse("").isEmpty());
        assertEquals("10k, 20k, 50k, 100k, 125k, 250k, 500k, 800k, 1M", SlcanBitrate.allowed());
    }

    @Test
    void statusFlagNames() {
        assertEquals("", StatusFlags.describe(0));
        assertEquals("error warning, data overrun, bus error", StatusFlags.describe(0x8C));
        assertEquals("error passive", StatusFlags.describe(0x20));
    }
}
