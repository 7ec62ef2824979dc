package org.bmsworkbench.protocol.nmea2000.internal;

import static org.bmsworkbench.bms.testing.ClassicCanOnly.assertCanFdFramesAreNotItsFrames;

import org.junit.jupiter.api.Test;

/**
 * The protocol is classic CAN only: a CAN FD frame with one of its ids (29-bit ids) is not its frame,
 * so a log of both decodes the classic frames alone (the shared check: {@code ClassicCanOnly}).
 */
class CanFdFramesTest {
    @Test
    void canFdFramesWithItsIdsAreNotItsFrames() throws Exception {
        assertCanFdFramesAreNotItsFrames(new Nmea2000Protocol(), true, 0x19F21450, 0x19F21250, 0x18EEFF50, 0x19F01450, 0x1CEFFF50);
    }
}
