package org.bmsworkbench.ui.frames.internal;

import static org.bmsworkbench.ui.testing.Swt.pumpFor;
import static org.bmsworkbench.ui.testing.Swt.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.ui.testing.DecodingSession;
import org.bmsworkbench.ui.testing.TestWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Frames view in a test window on the test thread, fed by the simulator and by a flooding thread. */
class FramesViewTest {
    private static final long EPOCH = 1_700_000_000_000L;
    private TestWindow window;
    private TestBus bus;
    private DecodingSession session;
    private FramesPart part;

    private FramesPart open(int capacity) {
        window = new TestWindow(1260, 700);
        bus = new TestBus();
        session = new DecodingSession(bus, false);
        window.session(session);
        part = window.show(new FramesPart(window.tab(), window, capacity));
        return part;
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
        if (session != null) {
            session.close();
        }
    }

    private int rows() {
        return part.controls().table.getItemCount();
    }

    private String cell(int row, int column) {
        return part.controls().table.getItem(row).getText(column);
    }

    private void feed(List<CanFrame> frames) {
        frames.forEach(bus::deliver);
    }

    private void filter(String text) {
        part.controls().filter.setText(text);
        part.controls().filter.notifyListeners(SWT.DefaultSelection, new Event());
    }

    /** Sends the simulator's frames again and again with fresh times, at {@code perSecond}, from its own thread. */
    private Thread flood(List<CanFrame> pattern, int perSecond, int total, AtomicLong sent) {
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            long micros = EPOCH * 1000;
            int i = 0;
            while (i < total) {
                long due = start + (long) i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                // a burst of what is due by now: a full bus at this rate
                long dueCount = Math.min(total, (System.nanoTime() - start) * perSecond / 1_000_000_000L + 1);
                while (i < dueCount) {
                    bus.deliver(pattern.get(i % pattern.size()).withTimestamp(micros + i * 100L));
                    sent.incrementAndGet();
                    i++;
                }
            }
        }, "test-flood");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void keepsUpWithAFullBusAndKeepsEveryFrame() throws Exception {
        open(FramesPart.DEFAULT_CAPACITY);
        List<CanFrame> pattern = TestBus.simulated(Scenario.NORMAL, EPOCH, 60_000);
        int total = 30_000;
        AtomicLong sent = new AtomicLong();
        part.timings = new java.util.ArrayList<>();
        long refreshesBefore = part.refreshes();
        long start = System.nanoTime();
        Thread flooder = flood(pattern, 10_000, total, sent);
        waitUntil("the flood sent", 60, () -> !flooder.isAlive());
        double seconds = (System.nanoTime() - start) / 1e9;
        long refreshesDuringFlood = part.refreshes() - refreshesBefore;
        waitUntil("every frame in the table", 10, () -> rows() == total);
        assertEquals(total, part.store().kept());
        assertEquals(0, part.store().dropped());
        assertEquals(total, part.intake().received());
        assertTrue(refreshesDuringFlood >= 2, "the UI thread went on refreshing during the flood: " + refreshesDuringFlood);
        assertTrue(part.controls().counts.getText().startsWith("30,000 frames kept (buffer 100,000)"),
                part.controls().counts.getText());
        assertTrue(part.autoScroll());
        int top = part.controls().table.getTopIndex();
        assertTrue(top + part.controls().visibleRows() >= total - 1, "auto-scroll follows the end: top " + top);
        System.out.printf("frames view: %,d frames in %.2f s (%,.0f frames/s) from one thread; %d refreshes during the flood,"
                + " longest refresh %.2f ms%n", total, seconds, total / seconds, refreshesDuringFlood,
                part.longestRefreshNanos() / 1e6);
        List<Long> sorted = part.timings.stream().sorted().toList();
        System.out.printf("frames view refresh during the flood: median %.2f ms, 90th percentile %.2f ms, max %.2f ms over %d refreshes; first five %s%n",
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 9 / 10) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6, sorted.size(),
                part.timings.subList(0, Math.min(5, part.timings.size())).stream().map(t -> String.format("%.1f", t / 1e6)).toList());
        // the rows are the frames, in order, decoded where the session decoded them
        long battery = 0;
        for (int i = 0; i < total; i++) {
            FrameRow r = part.store().shownRow(i);
            assertEquals((EPOCH * 1000) + i * 100L, r.frame.timestampMicros());
            if (TestBus.isBatteryStatus(r.frame)) {
                assertEquals("battery_status", r.message(), "row " + i);
                assertEquals("nmea2000", r.protocol());
                battery++;
            }
        }
        assertTrue(battery > 1000, "battery status frames: " + battery);
    }

    @Test
    void aFullBufferDropsTheOldestAndSaysHowMany() {
        open(5_000);
        List<CanFrame> pattern = TestBus.simulated(Scenario.NORMAL, EPOCH, 60_000);
        AtomicLong sent = new AtomicLong();
        Thread flooder = flood(pattern, 20_000, 20_000, sent);
        waitUntil("the flood sent", 60, () -> !flooder.isAlive());
        waitUntil("all taken", 10, () -> part.drained() == 20_000);
        waitUntil("the table caught up", 10, () -> rows() == 5_000);
        assertEquals(5_000, part.store().kept());
        assertEquals(20_000, part.store().kept() + part.store().dropped());
        assertEquals(EPOCH * 1000 + 19_999 * 100L, part.store().shownRow(4_999).frame.timestampMicros(), "the newest kept");
        assertTrue(part.controls().counts.getText().startsWith("5,000 frames kept (buffer 5,000) · 15,000 older dropped, buffer full"),
                part.controls().counts.getText());
    }

    @Test
    void showsTheColumnsOfEachFrame() {
        open(1_000);
        bus.deliver(CanFrame.of(EPOCH * 1000 + 500_000, "can0", 0x351, false, new byte[] {0x2C, 0x02, (byte) 0xE8, 0x03}));
        CanFrame battery = TestBus.simulated(Scenario.NORMAL, EPOCH, 1).stream().filter(TestBus::isBatteryStatus)
                .findFirst().orElseThrow();
        bus.deliver(battery);
        bus.send(org.bmsworkbench.protocol.vreg.codec.VregCodec.INSTANCE.request(0x0FFF, 0xFFFF, 0x20, 0x50, "can0",
                EPOCH * 1000 + 600_000));
        waitUntil("three rows", 5, () -> rows() == 3);
        assertEquals("RX", cell(0, 1));
        assertEquals("can0", cell(0, 2));
        assertEquals("351", cell(0, 3));
        assertEquals("4", cell(0, 4));
        assertEquals("2C 02 E8 03", cell(0, 5));
        assertEquals("", cell(0, 6), "no PGN for an 11-bit id");
        assertEquals("", cell(0, 7), "nmea2000 does not decode 0x351");
        assertTrue(cell(1, 3).endsWith(" x"), "29-bit marker: " + cell(1, 3));
        assertEquals("127508 (1F214)", cell(1, 6));
        assertEquals("battery_status", cell(1, 7));
        assertEquals("nmea2000", cell(1, 8));
        assertEquals("TX", cell(2, 1));
        assertEquals("1CEF5020 x", cell(2, 3));
        assertEquals("61184 (EF00)", cell(2, 6));
        assertEquals("vreg_request 0x0FFF", cell(2, 7));
        assertEquals("vreg", cell(2, 8));
        assertTrue(cell(0, 0).matches("\\d\\d:\\d\\d:\\d\\d\\.500000"), cell(0, 0));
    }

    @Test
    void filtersByIdPgnAndProtocol() {
        open(10_000);
        feed(TestBus.simulated(Scenario.NORMAL, EPOCH, 30_000));
        bus.deliver(CanFrame.of(EPOCH * 1000, "can0", 0x351, false, (byte) 1, (byte) 2));
        waitUntil("frames in", 5, () -> rows() > 50);
        int all = rows();

        filter("pgn:127508");
        assertTrue(rows() > 10 && rows() < all, rows() + " of " + all);
        for (int i = 0; i < rows(); i++) {
            assertEquals("127508 (1F214)", cell(i, 6));
        }
        assertTrue(part.controls().counts.getText().contains("· showing " + rows() + " matching 'pgn:127508'"),
                part.controls().counts.getText());

        filter("protocol:vreg");
        assertTrue(rows() > 10);
        for (int i = 0; i < rows(); i++) {
            assertEquals("vreg", cell(i, 8));
        }

        filter("0x351");
        assertEquals(1, rows());
        assertEquals("351", cell(0, 3));

        filter("pgn:0x1F214 -protocol:nmea2000");
        assertEquals(0, rows());

        bus.deliver(CanFrame.of(EPOCH * 1000, "can0", 0x351, false, (byte) 3));
        filter("0x351");
        waitUntil("a new matching frame shows", 5, () -> rows() == 2);

        filter("pgn:lots");
        assertTrue(part.controls().problem.getVisible());
        assertEquals("filter 'pgn:lots': 'lots' is not a number (e.g. pgn:127508)", part.controls().problem.getText());
        assertEquals(2, rows(), "a bad filter changes nothing");

        filter("");
        assertFalse(part.controls().problem.getVisible());
        assertEquals(all + 1, rows());
    }

    @Test
    void pauseStopsTakingFramesAndCountsThem() {
        open(1_000);
        List<CanFrame> frames = TestBus.simulated(Scenario.NORMAL, EPOCH, 10_000);
        feed(frames.subList(0, 10));
        waitUntil("ten rows", 5, () -> rows() == 10);
        part.controls().pause.setSelection(true);
        part.controls().pause.notifyListeners(SWT.Selection, new Event());
        assertEquals("Resume", part.controls().pause.getText());
        feed(frames.subList(10, 30));
        pumpFor(200);
        assertEquals(10, rows());
        assertTrue(part.controls().counts.getText().contains("20 not kept while paused"), part.controls().counts.getText());
        part.controls().pause.setSelection(false);
        part.controls().pause.notifyListeners(SWT.Selection, new Event());
        feed(frames.subList(30, 35));
        waitUntil("new frames after resume", 5, () -> rows() == 15);
        assertEquals(frames.get(30).timestampMicros(), part.store().shownRow(10).frame.timestampMicros());
    }

    @Test
    void copiesSelectedRowsAsCandumpLines() {
        open(1_000);
        bus.deliver(CanFrame.of(1_600_000_000_500_000L, "can0", 0x356, false, new byte[] {(byte) 0xC0, 0x14, (byte) 0x85, 0x00}));
        bus.deliver(CanFrame.of(1_600_000_000_600_000L, "can0", 0x1F214, true, new byte[] {1, 2, 3}));
        bus.send(org.bmsworkbench.protocol.vreg.codec.VregCodec.INSTANCE.request(0x0102, 0xFFFF, 0x20, 0x50, "can0",
                1_600_000_000_700_000L));
        waitUntil("three rows", 5, () -> rows() == 3);
        part.controls().table.select(new int[] {0, 2});
        String expected = "(1600000000.500000) can0 356#C0148500\n(1600000000.700000) can0 1CEF5020#669901000201FFFF T\n";
        assertEquals(expected, FrameText.candump(part.selectedFrames()));
        part.controls().copy.notifyListeners(SWT.Selection, new Event());
        assertEquals("Copied 2 frames as candump -L lines.", window.lastStatus());
        Clipboard clipboard = new Clipboard(part.controls().table.getDisplay());
        try {
            assertEquals(expected, clipboard.getContents(TextTransfer.getInstance()));
        } finally {
            clipboard.dispose();
        }
    }

    @Test
    void aTableThatCannotYetTakeEveryRowShowsTheNewestAndTheSelectionStaysOnItsFrame() {
        open(FramesPart.DEFAULT_CAPACITY);
        List<CanFrame> pattern = TestBus.simulated(Scenario.NORMAL, EPOCH, 60_000);
        List<CanFrame> frames = java.util.stream.IntStream.range(0, 5_000)
                .mapToObj(i -> pattern.get(i % pattern.size()).withTimestamp(EPOCH * 1000 + i * 100L)).toList();
        feed(frames); // five times what the table takes in one refresh
        waitUntil("rows", 5, () -> rows() > 0);
        assertTrue(rows() < frames.size(), "the table is still catching up: " + rows());
        part.controls().table.select(rows() - 1);
        assertEquals(List.of(frames.get(4_999)), part.selectedFrames(), "the last row is the newest frame");
        waitUntil("every row", 5, () -> rows() == frames.size());
        assertEquals(List.of(frames.get(4_999)), part.selectedFrames(), "the selection moved with its frame");
        assertEquals(List.of(4_999), java.util.Arrays.stream(part.controls().table.getSelectionIndices()).boxed().toList());
    }

    @Test
    void autoScrollStopsWhenTheUserScrollsUpAndResumesAtTheEnd() {
        open(10_000);
        List<CanFrame> frames = TestBus.simulated(Scenario.NORMAL, EPOCH, 300_000);
        feed(frames.subList(0, 1000));
        waitUntil("rows", 5, () -> rows() == 1000);
        assertTrue(part.controls().table.getTopIndex() > 900, "follows the end");
        part.controls().table.setTopIndex(0);
        part.controls().table.notifyListeners(SWT.MouseVerticalWheel, new Event());
        waitUntil("auto-scroll off", 5, () -> !part.autoScroll());
        assertFalse(part.controls().autoScroll.getSelection());
        feed(frames.subList(1000, 1500));
        waitUntil("more rows", 5, () -> rows() == 1500);
        pumpFor(100);
        assertEquals(0, part.controls().table.getTopIndex(), "stays where the user is");
        part.controls().autoScroll.setSelection(true);
        part.controls().autoScroll.notifyListeners(SWT.Selection, new Event());
        assertTrue(part.controls().table.getTopIndex() > 1400);
    }

    @Test
    void rowsLeavingAFullBufferTakeNoSelectionOrTextWithThemFromTheRowsThatStay() {
        open(1_000);
        List<CanFrame> frames = TestBus.simulated(Scenario.NORMAL, EPOCH, 300_000);
        feed(frames.subList(0, 1000));
        waitUntil("a full table", 5, () -> rows() == 1000);
        part.controls().table.select(new int[] {500, 502});
        String before = cell(500, 0) + " " + cell(500, 3);
        List<CanFrame> selected = part.selectedFrames();
        feed(frames.subList(1000, 1300));
        waitUntil("the oldest 300 dropped", 5, () -> part.store().dropped() == 300 && rows() == 1000);
        pumpFor(100);
        assertEquals(selected, part.selectedFrames(), "the same frames stay selected, 300 rows higher");
        assertEquals(List.of(200, 202), java.util.Arrays.stream(part.controls().table.getSelectionIndices()).sorted().boxed().toList());
        assertEquals(before, cell(200, 0) + " " + cell(200, 3), "the row's text moved up with it");
        assertEquals(frames.get(1299).timestampMicros(), part.store().shownRow(999).frame.timestampMicros());
    }

    @Test
    void clearEmptiesTheTableAndTheCounts() {
        open(100);
        feed(TestBus.simulated(Scenario.NORMAL, EPOCH, 60_000));
        waitUntil("rows", 5, () -> rows() == 100);
        assertTrue(part.store().dropped() > 0);
        part.controls().clear.notifyListeners(SWT.Selection, new Event());
        assertEquals(0, rows());
        assertEquals("0 frames kept (buffer 100)", part.controls().counts.getText());
    }

    @Test
    void withoutASessionNothingIsShownAndTheSubscriptionEnds() {
        open(1_000);
        assertEquals(1, bus.subscriberCount() - 1, "the session's decoder and the view");
        window.session(null);
        assertEquals(1, bus.subscriberCount(), "the view let go");
        assertEquals("Not connected.", part.controls().counts.getText());
        assertEquals(0, rows());
    }

    @Test
    void screenshot() throws Exception {
        open(FramesPart.DEFAULT_CAPACITY);
        long epoch = System.currentTimeMillis() - 120_000;
        List<CanFrame> frames = TestBus.simulated(Scenario.NORMAL, epoch, 120_000);
        feed(frames.subList(0, frames.size() - 6));
        bus.send(org.bmsworkbench.protocol.vreg.codec.VregCodec.INSTANCE.request(0x0102, 0xFFFF, 0x20, 0x50, "sim",
                frames.get(frames.size() - 6).timestampMicros()));
        feed(frames.subList(frames.size() - 6, frames.size()));
        waitUntil("rows", 5, () -> rows() == frames.size() + 1);
        int last = rows() - 1;
        part.controls().table.select(new int[] {last - 3, last - 2});
        window.screenshot("frames");
    }
}
