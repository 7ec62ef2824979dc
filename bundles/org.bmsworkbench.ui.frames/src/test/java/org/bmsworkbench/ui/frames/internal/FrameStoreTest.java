package org.bmsworkbench.ui.frames.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class FrameStoreTest {
    private static FrameRow row(int i) {
        return new FrameRow(CanFrame.of(i, "can0", i % 2 == 0 ? 0x100 : 0x200, false, new byte[0]));
    }

    @Test
    void keepsTheNewestAndCountsTheDropped() {
        FrameStore s = new FrameStore(3);
        for (int i = 0; i < 5; i++) {
            s.add(row(i));
        }
        assertEquals(3, s.kept());
        assertEquals(2, s.dropped());
        assertEquals(3, s.shownCount());
        assertEquals(2, s.shownRow(0).frame.timestampMicros());
        assertEquals(4, s.shownRow(2).frame.timestampMicros());
        assertEquals(2, s.takeRemovedAtFront(), "the table's rows moved up by two");
        assertEquals(0, s.takeRemovedAtFront());
    }

    @Test
    void aFilterIndexesTheMatchingFramesAndFollowsNewOnes() {
        FrameStore s = new FrameStore(4);
        for (int i = 0; i < 4; i++) {
            s.add(row(i));
        }
        s.filter(FrameFilter.parse("0x200"));
        assertEquals(2, s.shownCount());
        assertEquals(1, s.shownRow(0).frame.timestampMicros());
        s.add(row(4)); // 0x100 pushes out frame 0 (0x100, not shown)
        assertEquals(0, s.takeRemovedAtFront());
        s.add(row(5)); // 0x200 pushes out frame 1 (shown)
        assertEquals(1, s.takeRemovedAtFront());
        assertEquals(2, s.shownCount());
        assertEquals(3, s.shownRow(0).frame.timestampMicros());
        assertEquals(5, s.shownRow(1).frame.timestampMicros());
        s.filter(FrameFilter.ALL);
        assertEquals(4, s.shownCount());
        s.clear();
        assertEquals(0, s.kept());
        assertEquals(0, s.dropped());
        assertEquals(0, s.shownCount());
    }
}
