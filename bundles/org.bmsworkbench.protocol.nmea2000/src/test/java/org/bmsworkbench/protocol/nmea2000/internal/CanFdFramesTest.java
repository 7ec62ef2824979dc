package org.bmsworkbench.protocol.nmea2000.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * The protocol is classic CAN only: a CAN FD frame with one of its ids, of any length up to 64
 * bytes, is not its frame (score 0, no message, no exception), so a log of both decodes the
 * classic frames alone.
 */
class CanFdFramesTest {
    private final Nmea2000Protocol protocol = new Nmea2000Protocol();

    @Test
    void canFdFramesWithItsIdsAreNotItsFrames() throws Exception {
        ProtocolSession session = protocol.newSession();
        for (int id : new int[] {0x19F21450, 0x19F21250, 0x18EEFF50, 0x19F01450, 0x1CEFFF50}) {
            for (int length : new int[] {0, 8, 12, 64}) {
                byte[] data = new byte[length];
                Arrays.fill(data, (byte) 0xFF);
                if (length >= 2) {
                    data[0] = 0x66; // the VREG mark, so that no protocol takes the frame for its own by its content
                    data[1] = (byte) 0x99;
                }
                for (boolean brs : new boolean[] {false, true}) {
                    CanFrame frame = CanFrame.fd(1_000_000L, "can0", id, true, brs, false, data);
                    assertEquals(0, protocol.detectionScore(frame), frame.toString());
                    assertNull(session.decode(frame), frame.toString());
                }
            }
        }
    }
}
