package org.bmsworkbench.protocol.sma.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.testing.Allocation;
import org.bmsworkbench.bms.testing.CountingSink;
import org.bmsworkbench.bms.testing.DefaultDecodeTo;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code bmswb decode} of an SMA log makes no objects a frame. After warm-up,
 * {@code decodeTo} of the seven ids of guide 1.3.2 (0x351 BMS Limits … 0x35F System Information, as a
 * Sunny Island sees them: limits and identity constant, SOC, current and alarms changing) from a
 * reused frame into a sink that keeps nothing allocates less than a byte a frame, counted by the JVM
 * for this thread; so do frames of other protocols, which are not its. Not a timing test. The same loop through the default {@code decodeTo} (decode,
 * then replay the message) must allocate, or the count proves nothing.
 */
class SmaDecodeToAllocationTest {
    private static final long TIME = 1_600_000_000_000_000L;
    private static final int FRAMES = 100_000;

    /** The signals of each message of a cycle of {@link #hotFrames}, guide 1.3.2: 0x351 … 0x35F. */
    private static final int[] SIGNALS = {4, 3, 3, 26, 1, 1, 4};

    /** One minute of a bus, 7 × 700 frames: 0x355 SOC and 0x356 current step, 0x35A alternates a warning. */
    private static CanFrame[] hotFrames() {
        HexFormat hex = HexFormat.of();
        CanFrame[] frames = new CanFrame[7 * 700];
        for (int i = 0; i < 700; i++) {
            int socPrecise = 8000 + i;
            int current = -150 + i;
            frames[7 * i] = CanFrame.of(TIME, "can0", 0x351, false, hex.parseHex("2802E803DC05C001"));
            frames[7 * i + 1] = CanFrame.of(TIME, "can0", 0x355, false, (byte) (socPrecise / 100), (byte) 0, (byte) 100,
                    (byte) 0, (byte) socPrecise, (byte) (socPrecise >> 8));
            frames[7 * i + 2] = CanFrame.of(TIME, "can0", 0x356, false, (byte) 0xC0, (byte) 0x14, (byte) current,
                    (byte) (current >> 8), (byte) 0xD7, (byte) 0);
            frames[7 * i + 3] = CanFrame.of(TIME, "can0", 0x35A, false,
                    hex.parseHex(i % 2 == 0 ? "0000000040000000" : "0000000080000000"));
            frames[7 * i + 4] = CanFrame.of(TIME, "can0", 0x35B, false, hex.parseHex("00"));
            frames[7 * i + 5] = CanFrame.of(TIME, "can0", 0x35E, false, hex.parseHex("4D472D424D530000"));
            frames[7 * i + 6] = CanFrame.of(TIME, "can0", 0x35F, false, hex.parseHex("9B3A011890010100"));
        }
        return frames;
    }

    @Test
    void decodeToAllocatesLessThanAByteAFrame() throws Exception {
        CanFrame[] frames = hotFrames();
        ProtocolSession session = new SmaProtocol().newSession();
        CountingSink sink = new CountingSink();
        double perFrame = Allocation.decodeToBytesPerFrame(session, frames, sink, 4 * FRAMES, FRAMES);
        assertEquals(5 * FRAMES, sink.messages());
        long signals = 0;
        for (int i = 0; i < 5 * FRAMES; i++) {
            signals += SIGNALS[i % SIGNALS.length];
        }
        assertEquals(signals, sink.signals());
        assertTrue(perFrame < 1, perFrame + " bytes a frame");

        // frames that are not SMA's: false, and nothing allocated either
        CanFrame[] others = {CanFrame.of(TIME, "can0", 0x19F21450, true, new byte[8]),
                CanFrame.of(TIME, "can0", 0x373, false, new byte[8]), CanFrame.remote(TIME, "can0", 0x351, false, 8),
                CanFrame.error(TIME, "can0", 0x004, new byte[8])};
        CountingSink nothing = new CountingSink();
        perFrame = Allocation.decodeToBytesPerFrame(session, others, nothing, FRAMES, FRAMES);
        assertEquals(0, nothing.messages());
        assertTrue(perFrame < 1, perFrame + " bytes a frame of other protocols");

        // the count can fail: decode + replay (ProtocolSession's default) makes a message a frame
        ProtocolSession defaults = DefaultDecodeTo.of(session);
        CountingSink byDefault = new CountingSink();
        perFrame = Allocation.decodeToBytesPerFrame(defaults, frames, byDefault, FRAMES, FRAMES);
        assertTrue(perFrame > 50, "the default allocates " + perFrame + " bytes a frame");
    }
}
