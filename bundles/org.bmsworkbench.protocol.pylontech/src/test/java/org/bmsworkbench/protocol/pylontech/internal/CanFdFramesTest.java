package org.bmsworkbench.protocol.pylontech.internal;

import static org.bmsworkbench.bms.testing.ClassicCanOnly.assertCanFdFramesAreNotItsFrames;

import org.junit.jupiter.api.Test;

/**
 * The protocol is classic CAN only: a CAN FD frame with one of its ids (11-bit ids) is not its frame,
 * so a log of both decodes the classic frames alone (the shared check: {@code ClassicCanOnly}).
 */
class CanFdFramesTest {
    @Test
    void canFdFramesWithItsIdsAreNotItsFrames() throws Exception {
        assertCanFdFramesAreNotItsFrames(new PylontechProtocol(), false, 0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E);
    }
}
