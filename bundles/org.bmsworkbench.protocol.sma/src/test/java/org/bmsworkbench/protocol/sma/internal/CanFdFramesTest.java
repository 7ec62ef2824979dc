package org.bmsworkbench.protocol.sma.internal;

import static org.bmsworkbench.bms.testing.ClassicCanOnly.assertCanFdFramesAreNotItsFrames;

import org.junit.jupiter.api.Test;

/**
 * The protocol is classic CAN only: a CAN FD frame with one of its ids (11-bit ids) is not its frame,
 * so a log of both decodes the classic frames alone (the shared check: {@code ClassicCanOnly}).
 */
class CanFdFramesTest {
    @Test
    void canFdFramesWithItsIdsAreNotItsFrames() throws Exception {
        assertCanFdFramesAreNotItsFrames(new SmaProtocol(), false, 0x351, 0x355, 0x356, 0x35A, 0x35B, 0x35E, 0x35F);
    }
}
