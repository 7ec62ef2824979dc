package org.bmsworkbench.can.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class RecentFramesTest {
    private static CanFrame frame(int i) {
        return CanFrame.of(i, "can0", i & 0x7FF, false);
    }

    @Test
    void keepsAtMostCapacityInOrderAcrossEveryWrapPoint() {
        int capacity = 7;
        RecentFrames ring = new RecentFrames(capacity);
        List<CanFrame> all = new ArrayList<>();
        assertEquals(List.of(), ring.snapshot());
        for (int i = 0; i < 3 * capacity + 2; i++) {
            ring.add(frame(i));
            all.add(frame(i));
            List<CanFrame> expected = all.subList(Math.max(0, all.size() - capacity), all.size());
            assertEquals(expected, ring.snapshot(), "after " + (i + 1) + " frames");
        }
    }

    @Test
    void rejectsAnEmptyRing() {
        assertThrows(IllegalArgumentException.class, () -> new RecentFrames(0));
    }
}
