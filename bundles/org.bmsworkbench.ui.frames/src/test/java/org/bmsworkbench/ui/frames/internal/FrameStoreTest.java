package org.bmsworkbench.ui.frames.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/** The ring of the Frames view and the index of the rows its filter shows; frames written by hand. */
class FrameStoreTest {
    private static CanFrame frame(int i) {
        return CanFrame.of(i, "can0", i % 2 == 0 ? 0x100 : 0x200, false, new byte[0]);
    }

    private static void add(FrameStore s, int from, int to) {
        for (int i = from; i < to; i++) {
            s.add(frame(i));
        }
    }

    @Test
    void keepsTheNewestAndCountsTheDropped() {
        FrameStore s = new FrameStore(3, 0);
        add(s, 0, 5);
        assertEquals(0, s.kept(), "nothing is shown before the UI takes the frames");
        assertEquals(5, s.sync());
        assertEquals(3, s.kept());
        assertEquals(2, s.dropped());
        assertEquals(3, s.shownCount());
        assertEquals(2, s.shownRow(0).frame.timestampMicros());
        assertEquals(4, s.shownRow(2).frame.timestampMicros());
        assertEquals(0, s.takeRemovedAtFront(), "the two left before they were ever shown");
        add(s, 5, 7);
        assertEquals(2, s.sync());
        assertEquals(2, s.takeRemovedAtFront(), "the table's rows moved up by two");
        assertEquals(0, s.takeRemovedAtFront());
        assertEquals(6, s.shownRow(2).frame.timestampMicros());
        assertEquals(0, s.sync());
    }

    @Test
    void aFilterIndexesTheMatchingFramesAndFollowsNewOnes() {
        FrameStore s = new FrameStore(4, 0);
        add(s, 0, 4);
        s.sync();
        s.filter(FrameFilter.parse("0x200"));
        assertEquals(2, s.shownCount());
        assertEquals(1, s.shownRow(0).frame.timestampMicros());
        add(s, 4, 5); // 0x100 pushes out frame 0 (0x100, not shown)
        s.sync();
        assertEquals(0, s.takeRemovedAtFront());
        add(s, 5, 6); // 0x200 pushes out frame 1 (shown)
        s.sync();
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
        add(s, 6, 8);
        s.sync();
        assertEquals(2, s.kept());
        assertEquals(0, s.dropped(), "counted from the clear");
    }

    @Test
    void givesBackEveryKindOfFrameAsItCame() {
        FrameStore s = new FrameStore(8, 0);
        CanFrame[] frames = {
            CanFrame.of(1_600_000_000_000_001L, "can0", 0x351, false, new byte[] {0x2C, 0x02, (byte) 0xE8, 0x03, 0, 0, 0, (byte) 0xFF}),
            CanFrame.of(2, "can1", 0x19F21450, true, new byte[] {(byte) 0x80, 0x7F}),
            CanFrame.of(CanFrame.NO_TIMESTAMP, "sim", 0x1CEF50FF, true).withDirection(Direction.TX),
            CanFrame.remote(4, "can0", 0x123, false, 4),
            CanFrame.fd(5, "can0", 0x124, false, true, false, new byte[12]),
            CanFrame.chunk(6, "ttyUSB0", Direction.TX, new byte[] {(byte) 0xDD, (byte) 0xA5, 0x03}),
        };
        for (CanFrame f : frames) {
            s.add(f);
        }
        s.sync();
        for (int i = 0; i < frames.length; i++) {
            assertEquals(frames[i], s.shownRow(i).frame, "row " + i);
        }
    }

    @Test
    void aFrameMeetsTheMessageDecodedFromItWhicheverCameFirst() {
        FrameStore s = new FrameStore(8, 0);
        CanFrame before = CanFrame.of(1, "can0", 0x1CEFFF50, true, new byte[8]);
        CanFrame after = CanFrame.of(2, "can0", 0x1CEFFF50, true, new byte[8]);
        s.decoded(new DecodedMessage("vreg", "vreg", before, 0xEF00, 0x50, 0xFF, 0x0FFF, 0x0001, Map.of()));
        s.add(before);
        s.add(after);
        s.add(frame(3));
        s.decoded(DecodedMessage.of("sma", "battery", after, Map.of()));
        s.sync();
        assertEquals("vreg 0x0FFF code 0x0001", s.shownRow(0).messageText());
        assertEquals("vreg", s.shownRow(0).protocol());
        assertEquals("battery", s.shownRow(1).messageText());
        assertNull(s.shownRow(2).protocol());
        s.filter(FrameFilter.parse("protocol:none"));
        assertEquals(1, s.shownCount());
    }

    @Test
    void aRowTheWriterOverwroteReadsAsNothingUntilTheNextSync() {
        FrameStore s = new FrameStore(2, 1);
        add(s, 0, 2);
        s.sync();
        add(s, 2, 3); // the headroom: the rows shown stay readable
        assertEquals(0, s.shownRow(0).frame.timestampMicros());
        add(s, 3, 4); // overwrites frame 0
        assertNull(s.shownRow(0));
        assertEquals(1, s.shownRow(1).frame.timestampMicros());
        assertEquals(2, s.sync());
        assertEquals(2, s.shownRow(0).frame.timestampMicros());
        assertEquals(3, s.shownRow(1).frame.timestampMicros());
        assertEquals(2, s.dropped());
    }
}
