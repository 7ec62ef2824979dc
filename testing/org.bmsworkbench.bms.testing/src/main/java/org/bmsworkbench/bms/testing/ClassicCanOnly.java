package org.bmsworkbench.bms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;

/**
 * The check every classic-CAN protocol passes: a CAN FD frame with one of its ids, of any length up
 * to 64 bytes, with or without bit rate switch, is not its frame (score 0, no message, no
 * exception), so a log of both decodes the classic frames alone.
 */
public final class ClassicCanOnly {
    private ClassicCanOnly() {
    }

    /**
     * Fails naming the frame when {@code protocol} scores or decodes a CAN FD frame with one of {@code ids}.
     *
     * @param extended whether the ids are 29-bit
     */
    public static void assertCanFdFramesAreNotItsFrames(BmsProtocol protocol, boolean extended, int... ids)
            throws MalformedFrameException {
        ProtocolSession session = protocol.newSession();
        for (int id : ids) {
            for (int length : new int[] {0, 8, 12, 64}) {
                byte[] data = new byte[length];
                Arrays.fill(data, (byte) 0xFF);
                if (length >= 2) {
                    data[0] = 0x66; // the VREG mark, so that no protocol takes the frame for its own by its content
                    data[1] = (byte) 0x99;
                }
                for (boolean brs : new boolean[] {false, true}) {
                    CanFrame frame = CanFrame.fd(1_000_000L, "can0", id, extended, brs, false, data);
                    assertEquals(0, protocol.detectionScore(frame), frame.toString());
                    assertNull(session.decode(frame), frame.toString());
                }
            }
        }
    }
}
