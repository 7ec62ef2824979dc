package org.bmsworkbench.ui.signals.internal;

import static org.bmsworkbench.ui.testing.Swt.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.Sample;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.ui.testing.FakeContext;
import org.bmsworkbench.ui.testing.FakeSession;
import org.bmsworkbench.ui.testing.SimulatedBms;
import org.bmsworkbench.ui.testing.Swt;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Signals view on the test thread's display, fed by the simulated MG Master LV. */
class SignalsViewTest {

    private static final long START_MILLIS = 1_760_000_000_000L;

    private Display display;
    private Shell shell;
    private DefaultBmsModel model;
    private SimulatedBms bms;
    private FakeContext context;
    private final AtomicLong wallMicros = new AtomicLong();
    private SignalsPart part;

    @BeforeEach
    void open() {
        display = Swt.display();
        shell = new Shell(display);
        shell.setText("Signals");
        shell.setLayout(new FillLayout());
        shell.setSize(1180, 820);
        model = new DefaultBmsModel(3600);
        bms = new SimulatedBms(Scenario.NORMAL, START_MILLIS, model);
        context = new FakeContext(shell, new FakeSession(model, false));
    }

    private void createPart() {
        SignalsView view = new SignalsView();
        view.profile = MgMasterLvProfile.defaults();
        part = (SignalsPart) view.createPart(shell, context);
        shell.layout();
        shell.open();
    }

    /** Runs the simulator on and puts the wall clock just after its newest frame. */
    private void run(double seconds) {
        bms.run(seconds);
        wallMicros.set(bms.device().epochMicros() + 200_000);
    }

    private void refreshUntil(java.util.function.BooleanSupplier condition, String what) {
        waitUntil(what, Swt.DEFAULT_TIMEOUT_SECONDS, part::refresh, condition);
    }

    @AfterEach
    void close() {
        if (part != null) {
            part.dispose();
        }
        if (shell != null) {
            shell.dispose();
        }
    }

    private SignalsPart partWithClock() {
        part = new SignalsPart(shell, context, new SignalCatalogue(List::of), MgMasterLvProfile::defaults, wallMicros::get);
        shell.layout();
        shell.open();
        return part;
    }

    @Test
    void saysSoWhenNotConnected() {
        context.session(null);
        createPart();
        assertEquals(SignalsPart.NOT_CONNECTED, part.message());
    }

    @Test
    void saysItWaitsUntilTheFirstMessage() {
        partWithClock();
        part.refresh();
        assertEquals(SignalsPart.WAITING, part.message());
        run(2);
        refreshUntil(() -> part.message() == null, "the table to replace the message");
    }

    @Test
    void groupsEveryKeyInCatalogueOrderWithValueUnitAndMeaning() {
        run(30);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "the pack voltage row");
        assertEquals(List.of("pack", "cells", "limits", "energy", "status", "identity", "history", "settings", "alarms",
                "warnings", "events"), part.tree().groupOrder());
        for (String key : model.values().keySet()) {
            assertNotNull(part.tree().item(key), "a row for " + key);
        }
        double volts = ((Number) model.get("pack.voltage").orElseThrow().value()).doubleValue();
        TreeItem voltage = part.tree().item("pack.voltage");
        assertEquals("Pack voltage", voltage.getText(SignalTree.COL_SIGNAL));
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f V", volts), voltage.getText(SignalTree.COL_VALUE));
        assertEquals("0.2 s", voltage.getText(SignalTree.COL_AGE));
        assertEquals("9 · Running", part.tree().item("bms.state").getText(SignalTree.COL_VALUE));
        assertEquals("0 · no error", part.tree().item("bms.error").getText(SignalTree.COL_VALUE));
        assertEquals("MG-BMS", part.tree().item("bms.manufacturer").getText(SignalTree.COL_VALUE));
        assertTrue(part.tree().item("bms.flags").getText(SignalTree.COL_VALUE).contains("Allowed to charge"));
        // keys within a group follow the catalogue: state of charge before pack voltage
        TreeItem pack = voltage.getParentItem();
        List<String> packKeys = Arrays.stream(pack.getItems()).map(i -> (String) i.getData()).toList();
        assertTrue(packKeys.indexOf("soc") < packKeys.indexOf("pack.voltage"), packKeys.toString());
        assertEquals("none raised", part.tree().item("alarm.general").getParentItem().getText(SignalTree.COL_VALUE));
        assertFalse(part.tree().item("alarm.general").getParentItem().getExpanded(), "alarms start collapsed");
        assertTrue(pack.getExpanded());
    }

    @Test
    void inHalfAWindowTheColumnsFitTheWidthAndTheKeysAreNotCut() throws IOException {
        shell.setSize(640, 760);
        run(30);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "rows");
        Swt.drain();
        org.eclipse.swt.widgets.Tree tree = part.tree().control();
        int sum = 0;
        for (org.eclipse.swt.widgets.TreeColumn c : tree.getColumns()) {
            sum += c.getWidth();
        }
        assertTrue(sum <= tree.getClientArea().width, sum + " > " + tree.getClientArea().width);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(tree);
        int keyText = gc.textExtent("pack.voltage").x;
        gc.dispose();
        assertTrue(tree.getColumn(SignalTree.COL_KEY).getWidth() >= keyText, "the key column shows a key whole");
        Swt.screenshot(shell, "signals-narrow");

        shell.setSize(1180, 820);
        Swt.drain();
        assertTrue(tree.getColumn(SignalTree.COL_VALUE).getWidth() >= tree.getClientArea().width / 5, "the value gets the room");
    }

    @Test
    void theValueGetsWhatTheOtherColumnsLeaveAndTheKeyGivesWayFirst() {
        assertArrayEquals(new int[] {250, 450, 100, 200}, SignalTree.widths(1000, 250, 100, 200, 60));
        assertArrayEquals(new int[] {250, 150, 100, 200}, SignalTree.widths(700, 250, 100, 200, 60),
                "the value keeps a fifth");
        assertArrayEquals(new int[] {250, 120, 100, 130}, SignalTree.widths(600, 250, 100, 200, 60),
                "a fifth for the value, taken from the key");
        assertArrayEquals(new int[] {120, 60, 100, 100}, SignalTree.widths(360, 250, 100, 200, 60),
                "both give way down to their minimum");
    }

    @Test
    void updatesRowsInPlaceKeepingSelectionTicksAndScroll() {
        run(30);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.current") != null, "rows");
        TreeItem current = part.tree().item("pack.current");
        TreeItem soc = part.tree().item("soc.precise");
        part.tree().control().setSelection(current);
        part.setPlotted("pack.voltage", true);
        TreeItem top = part.tree().item("history.voltage.min");
        part.tree().control().setTopItem(top);
        TreeItem topBefore = part.tree().control().getTopItem();
        String socBefore = soc.getText(SignalTree.COL_VALUE);
        run(120);
        refreshUntil(() -> !soc.getText(SignalTree.COL_VALUE).equals(socBefore), "the state of charge to change");
        assertSame(current, part.tree().item("pack.current"), "the same row, updated in place");
        assertArrayEquals(new TreeItem[] {current}, part.tree().control().getSelection());
        assertTrue(part.tree().item("pack.voltage").getChecked());
        assertSame(topBefore, part.tree().control().getTopItem());
    }

    @Test
    void greysOutValuesThatStopArriving() {
        run(30);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "rows");
        assertFalse(part.tree().isStale("pack.voltage"));
        TreeItem voltage = part.tree().item("pack.voltage");
        RGB normal = voltage.getForeground().getRGB();
        // 500 ms period: stale after 1.5 s
        wallMicros.addAndGet(2_000_000);
        refreshUntil(() -> part.tree().isStale("pack.voltage"), "the pack voltage to go stale");
        assertEquals("2.2 s · stale", voltage.getText(SignalTree.COL_AGE));
        assertEquals(new RGB(140, 140, 140), voltage.getForeground().getRGB());
        assertFalse(normal.equals(voltage.getForeground().getRGB()));
        // the serial number comes every 5 s: not stale yet at 2.2 s, stale after 10 s
        assertFalse(part.tree().isStale("bms.serial"));
        wallMicros.addAndGet(10_000_000);
        refreshUntil(() -> part.tree().isStale("bms.serial"), "the serial number to go stale");
        run(1);
        refreshUntil(() -> !part.tree().isStale("pack.voltage"), "fresh values to turn black again");
        assertEquals(normal, voltage.getForeground().getRGB());
    }

    @Test
    void plotsTickedSignalsWithOneAxisPerUnit() {
        run(60);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "rows");
        part.setPlotted("pack.voltage", true);
        part.setPlotted("pack.current", true);
        part.setPlotted("limit.charge_voltage", true);
        ISeries<?>[] series = part.chart().chart().getSeriesSet().getSeries();
        assertEquals(List.of("pack.voltage", "pack.current", "limit.charge_voltage"),
                Arrays.stream(series).map(ISeries::getId).toList());
        IAxis[] y = part.chart().chart().getAxisSet().getYAxes();
        assertEquals(Set.of("V", "A"), Arrays.stream(y).map(a -> a.getTitle().getText()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(series[0].getYAxisId(), series[2].getYAxisId(), "volts share an axis");
        List<Sample> history = model.history("pack.current");
        assertEquals(history.size(), series[1].getYSeries().length);
        assertEquals(history.get(history.size() - 1).value(), series[1].getYSeries()[history.size() - 1]);
        assertNotNull(part.tree().item("pack.voltage").getImage(SignalTree.COL_SIGNAL), "colour swatch");
        TreeItem packGroup = part.tree().item("pack.voltage").getParentItem();
        assertTrue(packGroup.getChecked() && packGroup.getGrayed(), "the group shows some of it is plotted");
        part.setPlotted("pack.current", false);
        assertEquals(1, part.chart().chart().getAxisSet().getYAxes().length);
        assertNull(part.tree().item("pack.current").getImage(SignalTree.COL_SIGNAL));
        // clicking the group's box unticks the rest of the group
        Event click = new Event();
        click.detail = SWT.CHECK;
        click.item = packGroup;
        packGroup.setChecked(false);
        part.tree().control().notifyListeners(SWT.Selection, click);
        assertEquals(List.of("limit.charge_voltage"), List.copyOf(part.chart().keys()));
        assertFalse(part.tree().item("pack.voltage").getChecked());
        assertFalse(packGroup.getChecked());
    }

    @Test
    void refusesToPlotTextOrGroups() {
        run(10);
        partWithClock();
        refreshUntil(() -> part.tree().item("bms.serial") != null, "rows");
        part.setPlotted("bms.serial", true);
        assertFalse(part.tree().item("bms.serial").getChecked());
        assertEquals("Serial number is not a number: it cannot be plotted.", context.lastStatus());
        assertTrue(part.chart().keys().isEmpty());
    }

    @Test
    void pauseFreezesThePlotWhileTheTableGoesOn() {
        run(30);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "rows");
        part.setPlotted("soc.precise", true);
        ISeries<?> soc = part.chart().chart().getSeriesSet().getSeries("soc.precise");
        int before = soc.getYSeries().length;
        part.chart().setPaused(true);
        run(30);
        String value = part.tree().item("soc.precise").getText(SignalTree.COL_VALUE);
        refreshUntil(() -> !part.tree().item("soc.precise").getText(SignalTree.COL_VALUE).equals(value) || true, "a refresh");
        assertEquals(before, soc.getYSeries().length, "paused: no new points");
        part.chart().setPaused(false);
        refreshUntil(() -> soc.getYSeries().length > before, "the plot to catch up");
        assertEquals(model.history("soc.precise").size(), soc.getYSeries().length);
    }

    @Test
    void zoomsTheTimeAxisAndResets() {
        run(120);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "rows");
        part.setPlotted("pack.voltage", true);
        drainPaint();
        Range all = new Range(part.chart().timeRange());
        int width = part.chart().chart().getPlotArea().getSize().x;
        part.chart().zoomToPixels(width / 4, width / 2);
        Range zoomed = part.chart().timeRange();
        assertTrue(zoomed.upper - zoomed.lower < (all.upper - all.lower) / 2, zoomed + " within " + all);
        assertTrue(part.chart().isZoomed());
        part.chart().zoomOut();
        assertTrue(part.chart().timeRange().upper - part.chart().timeRange().lower > zoomed.upper - zoomed.lower);
        part.chart().resetZoom();
        assertFalse(part.chart().isZoomed());
        double tolerance = (all.upper - all.lower) / 100; // the axis adds a margin of a few pixels
        assertEquals(all.lower, part.chart().timeRange().lower, tolerance);
        assertEquals(all.upper, part.chart().timeRange().upper, tolerance);
    }

    private void drainPaint() {
        Swt.pumpFor(200);
    }

    @Test
    void exportsThePlottedSeriesAsCsv(@TempDir Path dir) throws IOException {
        run(20);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "rows");
        part.setPlotted("pack.voltage", true);
        part.setPlotted("pack.current", true);
        Path csv = dir.resolve("trend.csv");
        assertNull(part.export(csv, "csv"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("time_utc,time_s,pack.voltage [V],pack.current [A]", lines.get(0));
        List<Sample> v = model.history("pack.voltage");
        List<Sample> a = model.history("pack.current");
        assertEquals(v.size() + 1, lines.size());
        String[] last = lines.get(lines.size() - 1).split(",", -1);
        assertEquals(new java.math.BigDecimal(Long.toString(v.get(v.size() - 1).timeMicros())).movePointLeft(6).toPlainString(), last[1]);
        assertEquals(v.get(v.size() - 1).value(), Double.parseDouble(last[2]));
        assertEquals(a.get(a.size() - 1).value(), Double.parseDouble(last[3]));
        assertTrue(last[0].endsWith("Z") && last[0].startsWith("2025-10-09T"), last[0]);
        assertTrue(context.lastStatus().startsWith("Saved " + v.size() + " rows of 2 signals to "), context.lastStatus());
    }

    @Test
    void exportsThePlotAsPng(@TempDir Path dir) {
        run(60);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "rows");
        part.setPlotted("pack.voltage", true);
        drainPaint();
        Path png = dir.resolve("trend.png");
        assertNull(part.export(png, "png"));
        ImageData data = new ImageLoader().load(png.toString())[0];
        org.eclipse.swt.graphics.Point size = part.chart().chart().getSize();
        assertEquals(size.x, data.width);
        assertEquals(size.y, data.height);
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < data.width; x += 3) {
            for (int y = 0; y < data.height; y += 3) {
                colours.add(data.getPixel(x, y));
            }
        }
        assertTrue(colours.size() > 5, "an image with a plot in it, not a blank one: " + colours.size() + " colours");
    }

    @Test
    void saysWhyAnExportFailed(@TempDir Path dir) {
        run(5);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "rows");
        part.setPlotted("pack.voltage", true);
        Path nowhere = dir.resolve("missing").resolve("trend.csv");
        assertEquals("could not save " + nowhere + ": the folder does not exist", part.export(nowhere, "csv"));
    }

    @Test
    void forgetsTheOldSessionsRows() {
        run(10);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "rows");
        part.setPlotted("pack.voltage", true);
        part.sessionChanged(null);
        assertEquals(SignalsPart.NOT_CONNECTED, part.message());
        assertNull(part.tree().item("pack.voltage"));
        assertTrue(part.chart().keys().isEmpty());
    }

    @Test
    void screenshot() throws IOException {
        run(900);
        partWithClock();
        refreshUntil(() -> part.tree().item("pack.voltage") != null, "rows");
        part.setPlotted("pack.voltage", true);
        part.setPlotted("pack.current", true);
        part.setPlotted("soc.precise", true);
        part.tree().control().setSelection(part.tree().item("pack.current"));
        refreshUntil(() -> "0.2 s".equals(part.tree().item("pack.voltage").getText(SignalTree.COL_AGE)), "fresh rows");
        Path file = Swt.screenshot(shell, "signals");
        assertTrue(Files.size(file) > 10_000);
        wallMicros.addAndGet(3_000_000); // the BMS falls silent: the fast values go stale, the slow ones not yet
        refreshUntil(() -> part.tree().isStale("pack.voltage"), "stale rows");
        part.tree().control().setTopItem(part.tree().item("bms.state"));
        Swt.screenshot(shell, "signals-silent");
    }
}
