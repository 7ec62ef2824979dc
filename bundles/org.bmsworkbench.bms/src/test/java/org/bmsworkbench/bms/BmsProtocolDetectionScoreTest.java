package org.bmsworkbench.bms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.ReusedFrame;
import org.junit.jupiter.api.Test;

/**
 * {@link BmsProtocol#detectionScore(FrameView)}'s default, for a protocol that implements only the
 * {@link CanFrame} method (an OEM's plugin written before the view overload): a {@link CanFrame} is
 * passed on itself, any other view as a copy with its fields and bytes, and the score is that method's.
 */
class BmsProtocolDetectionScoreTest {

    /** Scores data byte 0 and keeps every frame it was given. */
    private static final class CanFrameOnly extends FakeProtocol {
        final List<CanFrame> given = new ArrayList<>();

        CanFrameOnly() {
            super("oem", Map.of());
        }

        @Override
        public int detectionScore(CanFrame frame) {
            given.add(frame);
            return frame.length() > 0 ? frame.u8(0) : 0;
        }
    }

    @Test
    void theDefaultPassesACanFrameOnItselfAndCopiesAnyOtherView() {
        CanFrameOnly protocol = new CanFrameOnly();
        CanFrame frame = CanFrame.of(7, "can1", 0x18904001, true, new byte[] {42, 1, 2, 3});
        assertEquals(42, protocol.detectionScore((FrameView) frame));
        assertSame(frame, protocol.given.get(0), "a CanFrame is not copied");

        ReusedFrame view = new ReusedFrame().set(frame);
        assertEquals(42, protocol.detectionScore(view));
        CanFrame copy = protocol.given.get(1);
        assertNotSame(frame, copy);
        assertEquals(frame, copy, "the copy has the view's fields and bytes");
    }
}
