package org.bmsworkbench.protocol.vreg.internal;

import static org.bmsworkbench.bms.testing.ClassicCanOnly.assertCanFdFramesAreNotItsFrames;

import org.junit.jupiter.api.Test;

/**
 * The protocol is classic CAN only: a CAN FD frame with one of its ids (29-bit ids) is not its frame,
 * so a log of both decodes the classic frames alone (the shared check: {@code ClassicCanOnly}).
 */
class CanFdFramesTest {
    @Test
    void canFdFramesWithItsIdsAreNotItsFrames() throws Exception {
        assertCanFdFramesAreNotItsFrames(new VregProtocol(), true, 0x1CEFFF50, 0x1CEF5066, 0x18EFFF50);
    }
}
