package org.bmsworkbench.ui.cells.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.bms.AlarmRecord;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.Sample;
import org.bmsworkbench.bms.SignalValue;
import org.bmsworkbench.ui.testing.FakeSession;
import org.bmsworkbench.ui.testing.Swt;
import org.bmsworkbench.ui.testing.TestWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Cells view in a window on the test thread (SWT under Xvfb), fed by hand-written per-cell keys
 * of SIGNALS.md "Cell-level BMS makes over serial", with a controlled wall clock. Screenshots go to
 * {@code target/screenshots/cells*.png}.
 */
class CellsViewTest {

    private final AtomicLong wall = new AtomicLong(Pack.T0 + 200_000);
    private TestWindow window;
    private CellsPart part;
    private BmsModel model = new DefaultBmsModel(600);

    private CellsPart open(int width, int height, BmsModel m) {
        Swt.display();
        window = new TestWindow(width, height);
        model = m;
        window.session(new FakeSession(model, false));
        part = window.show(new CellsPart(window.tab(), window, wall::get));
        return part;
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) {
        Swt.waitUntil(what, Swt.DEFAULT_TIMEOUT_SECONDS, part::refresh, condition);
    }

    /** The canvas as painted now. */
    private ImageData canvasImage() {
        Canvas c = part.chart().control();
        Swt.pumpFor(100);
        Point size = c.getSize();
        Image image = new Image(c.getDisplay(), size.x, size.y);
        GC gc = new GC(c);
        try {
            gc.copyArea(image, 0, 0);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** The colour in the middle of cell {@code n}'s bar, a few pixels above the axis. */
    private RGB barColour(ImageData image, int n) {
        ChartGeometry g = part.chart().geometry();
        ChartGeometry.Box bar = g.bar(n, g.plot.y());
        return image.palette.getRGB(image.getPixel(bar.x() + 2, g.plot.bottom() - 6));
    }

    private static RGB rgb(org.eclipse.swt.graphics.Color c) {
        return c.getRGB();
    }

    private void sixteen() {
        open(1280, 800, new DefaultBmsModel(600));
        for (int i = 0; i < 5; i++) { // a JBD polled once a second
            Pack.apply(model, Pack.T0 - (4 - i) * 1_000_000L, Pack.sixteen());
        }
        waitFor("the chart of 16 cells", () -> part.summary() != null);
    }

    @Test
    void sixteenCellsWithOneLowAndOneBalancing() {
        sixteen();
        assertEquals("16 cells  ·  lowest 3.281 V (cell 7)  ·  highest 3.342 V (cell 3)  ·  mean 3.318 V  ·  spread 61 mV"
                + "  ·  balancing cell 3", part.summary());
        CellChart.Frame f = part.chart().frame();
        assertEquals(List.of(7), f.stats().lowestCells());
        assertEquals(List.of(3), f.stats().highestCells());
        assertEquals(4, f.reading().sensors().size());
        assertFalse(f.scale().zoomed());
        assertEquals(3.70, f.scale().high(), 1e-9);
        assertNull(part.staleLine());
        ChartGeometry g = part.chart().geometry();
        assertTrue(g.valueLabels, "values written above every bar at 1280 px");
        assertTrue(g.temperatures.x() > g.plot.right(), "temperatures beside the chart");
        window.screenshot("cells");
        ImageData image = canvasImage();
        assertEquals(rgb(CellChart.LOWEST), barColour(image, 7));
        assertEquals(rgb(CellChart.BAR), barColour(image, 1));
        RGB balancing = barColour(image, 3); // red under amber stripes: warm, never the plain blue
        assertTrue(balancing.red > 180 && balancing.blue < 90, balancing.toString());
    }

    @Test
    void hoveringACellTellsItsValueAgainstTheMean() {
        sixteen();
        ChartGeometry g = part.chart().geometry();
        Event e = new Event();
        e.x = g.slotX(7) + g.slotWidth / 2;
        e.y = g.plot.bottom() - 10;
        part.chart().control().notifyListeners(SWT.MouseMove, e);
        assertEquals(7, part.chart().hovered());
        String tip = part.chart().control().getToolTipText();
        assertTrue(tip.startsWith("Cell 7: 3.281 V, 37 mV below the mean · lowest"), tip);
        e.x = g.slotX(3) + 2;
        part.chart().control().notifyListeners(SWT.MouseMove, e);
        assertTrue(part.chart().control().getToolTipText().endsWith("· highest · balancing"),
                part.chart().control().getToolTipText());
        window.screenshot("cells-hover");
    }

    @Test
    void theZoomFramesTheSpread() {
        sixteen();
        part.zoomToggle().setSelection(true);
        part.zoomToggle().notifyListeners(SWT.Selection, new Event());
        waitFor("the zoomed scale", () -> part.chart().frame().scale().zoomed());
        VoltageScale s = part.chart().frame().scale();
        assertTrue(s.low() < 3.281 && s.high() > 3.342 && s.high() - s.low() < 0.15, s.describe());
        window.screenshot("cells-zoomed");
        part.zoomToggle().setSelection(false);
        part.zoomToggle().notifyListeners(SWT.Selection, new Event());
        waitFor("the full scale again", () -> !part.chart().frame().scale().zoomed());
    }

    @Test
    void valuesTurnGreyWhenTheBmsFallsSilentAndRecover() {
        sixteen();
        wall.addAndGet(15_000_000);
        waitFor("the stale line", () -> part.staleLine() != null);
        assertEquals("No update from the BMS for 15 s: the values shown (grey) are the last received. Check the connection.",
                part.staleLine());
        window.screenshot("cells-stale");
        ImageData image = canvasImage();
        assertEquals(rgb(CellChart.STALE), barColour(image, 7));
        assertEquals(rgb(CellChart.STALE), barColour(image, 1));
        Pack.apply(model, wall.get() - 100_000, Pack.sixteen());
        waitFor("fresh values", () -> part.staleLine() == null);
        assertEquals(rgb(CellChart.LOWEST), barColour(canvasImage(), 7));
    }

    @Test
    void aRecordingIsJudgedByItsNewestValueNotTheWallClock() {
        open(1280, 800, new DefaultBmsModel(600));
        window.session(new FakeSession(model, true));
        for (int i = 0; i < 5; i++) {
            Pack.apply(model, Pack.T0 + i * 1_000_000L, Pack.sixteen());
        }
        wall.set(Pack.T0 + 3_600_000_000L); // an hour after the log was recorded
        waitFor("the chart", () -> part.summary() != null);
        assertNull(part.staleLine());
        assertEquals(rgb(CellChart.LOWEST), barColour(canvasImage(), 7));
    }

    @Test
    void oneSilentCellIsGreyAlone() {
        sixteen();
        Map<String, Object> fifteen = new LinkedHashMap<>(Pack.sixteen());
        fifteen.remove("cell.16.voltage");
        for (int i = 1; i <= 12; i++) {
            Pack.apply(model, Pack.T0 + i * 1_000_000L, fifteen);
        }
        wall.set(Pack.T0 + 12_200_000);
        waitFor("one stale cell", () -> part.staleLine() != null);
        assertEquals("1 cell has not been updated for 12 s (grey).", part.staleLine());
        assertEquals(rgb(CellChart.STALE), barColour(canvasImage(), 16));
        assertEquals(rgb(CellChart.BAR), barColour(canvasImage(), 15));
    }

    @Test
    void fortyEightCellsStayLegible() {
        open(1280, 800, new DefaultBmsModel(600));
        Map<String, Object> s = Pack.cells(48, 3.90);
        s.put("cell.20.voltage", 3.851);
        s.put("cell.33.balancing", true);
        s.put("cell.41.voltage", null);
        for (int i = 3; i <= 8; i++) {
            s.put("temperature." + i, 20.0 + i);
        }
        Pack.apply(model, Pack.T0, s);
        waitFor("48 cells", () -> part.summary() != null);
        assertTrue(part.summary().startsWith("47 of 48 cells (missing 41)  ·  lowest 3.851 V (cell 20)"), part.summary());
        assertEquals(4.30, part.chart().frame().scale().high(), 1e-9, "an NMC pack gets the Li-ion range");
        ChartGeometry g = part.chart().geometry();
        assertTrue(g.barWidth >= 10 && g.labelEvery <= 2, g.barWidth + " px bars, numbers every " + g.labelEvery);
        window.screenshot("cells-48");
    }

    @Test
    void aFourCellPackWithOneMissingSensor() {
        open(1280, 800, new DefaultBmsModel(600));
        Map<String, Object> s = Pack.cells(4, 3.33); // a 12 V LiFePO4 battery
        s.put("temperature.2", null); // the device's "not available"
        s.put("cell.2.balancing", true);
        Pack.apply(model, Pack.T0, s);
        waitFor("four cells", () -> part.summary() != null);
        assertEquals("4 cells  ·  lowest 3.331 V (cell 1)  ·  highest 3.334 V (cell 4)  ·  mean 3.333 V  ·  spread 3 mV"
                + "  ·  balancing cell 2", part.summary());
        ChartGeometry g = part.chart().geometry();
        assertTrue(g.barWidth <= 90 && g.slotWidth > 200, g.barWidth + " px bars in " + g.slotWidth + " px slots");
        window.screenshot("cells-4");
    }

    @Test
    void aSmallPartPutsTheTemperaturesUnderTheBars() {
        open(520, 360, new DefaultBmsModel(600));
        Pack.apply(model, Pack.T0, Pack.sixteen());
        waitFor("the chart", () -> part.summary() != null);
        ChartGeometry g = part.chart().geometry();
        assertTrue(g.temperatures.y() >= g.chart.bottom(), "temperatures under the chart");
        assertTrue(g.plot.height() >= 90, "plot " + g.plot.height() + " px high");
        Point canvas = part.chart().control().getSize();
        assertTrue(g.tile(3).bottom() <= canvas.y, "the fourth sensor fits");
        window.screenshot("cells-small");
    }

    @Test
    void aBmsWithoutPerCellValuesSaysSoAndGivesItsExtremes() {
        open(900, 500, new DefaultBmsModel(600));
        Map<String, Object> mg = new LinkedHashMap<>(); // what the MG Master LV sends: 0x373 (SIGNALS.md)
        mg.put("pack.voltage", 53.12);
        mg.put("cell.voltage.min", 3.281);
        mg.put("cell.voltage.max", 3.342);
        mg.put("cell.temperature.min", 21.0);
        mg.put("cell.temperature.max", 23.0);
        model.apply(DecodedMessage.of("general-bms", "cell_extremes",
                org.bmsworkbench.can.CanFrame.of(Pack.T0, "can0", 0x373, false), mg));
        waitFor("the no-cells message", () -> part.message() != null && part.message().startsWith(CellsPart.NO_CELLS));
        assertEquals("This BMS reports no per-cell voltages.\n\nIt sends only its lowest and highest cell, as the MG Master LV"
                + " and other CAN BMSes do: lowest 3.281 V, highest 3.342 V, spread 61 mV. See the Signals view for them.",
                part.message());
        window.screenshot("cells-none");
    }

    @Test
    void aBmsWithNoCellValueAtAllNamesWhoReportsThem() {
        open(900, 500, new DefaultBmsModel(600));
        Pack.apply(model, Pack.T0, Map.of("pack.voltage", 53.1, "soc", 80.0));
        waitFor("the no-cells message", () -> part.message() != null && part.message().startsWith(CellsPart.NO_CELLS));
        assertEquals(CellsPart.NO_CELLS + "\n\n" + CellsPart.WHO_REPORTS, part.message());
    }

    @Test
    void notConnectedThenWaitingThenCells() {
        open(900, 500, new DefaultBmsModel(600));
        assertEquals(CellsPart.WAITING, part.message());
        window.session(null);
        assertEquals(CellsPart.NOT_CONNECTED, part.message());
        DefaultBmsModel next = new DefaultBmsModel(600);
        model = next;
        window.session(new FakeSession(next, false));
        assertEquals(CellsPart.WAITING, part.message());
        Pack.apply(next, Pack.T0, Pack.cells(4, 3.3));
        waitFor("four cells", () -> part.summary() != null && part.summary().startsWith("4 cells"));
        assertNull(part.message());
    }

    @Test
    void readsTheModelOnlyWhenItChangedAndListsItsKeysOnceASecond() {
        CountingModel counting = new CountingModel();
        Swt.display();
        window = new TestWindow(900, 500);
        model = counting;
        window.session(new FakeSession(model, false));
        part = new CellsPart(window.tab(), window, wall::get); // refreshed by hand below, not by the window's timer
        window.shell().layout(true, true);
        Pack.apply(model, Pack.T0, Pack.sixteen());
        part.refresh();
        assertNotNull(part.summary());
        counting.gets.set(0);
        counting.lists.set(0);
        counting.histories.set(0);
        for (int i = 1; i <= 60; i++) { // 3 s of the window's 20 Hz timer, a new poll every tick
            wall.addAndGet(50_000);
            Pack.apply(model, wall.get() - 10_000, Pack.sixteen());
            part.refresh();
        }
        assertTrue(counting.lists.get() <= 3, "model listed " + counting.lists.get() + " times in 3 s");
        int gets = counting.gets.get();
        for (int i = 0; i < 10; i++) { // nothing new within the second: no look-up at all
            part.refresh();
        }
        assertEquals(gets, counting.gets.get());
        assertTrue(counting.histories.get() <= 3, "history read " + counting.histories.get() + " times in 3 s");
    }

    /** A model that counts how it is read. */
    private static final class CountingModel implements BmsModel {
        final DefaultBmsModel delegate = new DefaultBmsModel(600);
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger lists = new AtomicInteger();
        final AtomicInteger histories = new AtomicInteger();

        @Override public void apply(DecodedMessage message) { delegate.apply(message); }
        @Override public Optional<SignalValue> get(String key) { gets.incrementAndGet(); return delegate.get(key); }
        @Override public Map<String, SignalValue> values() { lists.incrementAndGet(); return delegate.values(); }
        @Override public List<Sample> history(String key) { histories.incrementAndGet(); return delegate.history(key); }
        @Override public int historyCapacity() { return delegate.historyCapacity(); }
        @Override public Map<String, AlarmRecord> alarms() { return delegate.alarms(); }
        @Override public long version() { return delegate.version(); }
        @Override public void clear() { delegate.clear(); }
    }
}
