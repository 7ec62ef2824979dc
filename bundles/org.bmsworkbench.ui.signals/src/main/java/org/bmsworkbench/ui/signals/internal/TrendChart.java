package org.bmsworkbench.ui.signals.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.Sample;
import org.bmsworkbench.bms.SignalDescriptor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IAxisSet;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

/**
 * The trend plot of the ticked signals against time (SWTChart). One y axis per unit, left and
 * right in turn, titled with the unit (in the series' colour when it carries one series).
 * Zoom on the time axis ({@link TimeZoom}) with the mouse wheel, by dragging across the plot, or with
 * {@link #zoomIn()}/{@link #zoomOut()}; {@link #resetZoom()} follows the data again. Paused,
 * the plot keeps what it shows while the table goes on updating. UI thread only.
 */
final class TrendChart {

    static final int MAX_SERIES = 8;
    /** The plot need not follow the model at the window's 20 Hz. */
    private static final long MIN_REDRAW_NANOS = 250_000_000L;
    /** Distinct on white and for the common colour-vision deficiencies (Okabe–Ito, darkened yellow). */
    private static final int[][] PALETTE = {{0, 114, 178}, {213, 94, 0}, {0, 158, 115}, {204, 121, 167},
            {86, 180, 233}, {170, 130, 0}, {90, 90, 90}, {120, 60, 160}};

    private record Plotted(SignalDescriptor descriptor, Color color) {
    }

    private final Composite stack;
    private final StackLayout stackLayout = new StackLayout();
    private final Label hint;
    private final Chart chart;
    private final TimeZoom zoom;
    private final Map<String, Plotted> plotted = new LinkedHashMap<>();
    private final Map<String, List<Sample>> shown = new LinkedHashMap<>();
    private BmsModel model;
    private long shownVersion = -1;
    private long lastRedraw;
    private boolean paused;

    TrendChart(Composite parent) {
        stack = new Composite(parent, SWT.NONE);
        stack.setLayout(stackLayout);
        hint = new Label(stack, SWT.CENTER | SWT.WRAP);
        hint.setText("\n\nTick numeric signals in the table above to plot them against time.\n"
                + "Signals with different units get their own axis.");
        chart = new Chart(stack, SWT.NONE);
        styleChart();
        zoom = new TimeZoom(chart, plotted::isEmpty);
        stackLayout.topControl = hint;
    }

    private void styleChart() {
        Color white = chart.getDisplay().getSystemColor(SWT.COLOR_WHITE);
        Color black = chart.getDisplay().getSystemColor(SWT.COLOR_BLACK);
        chart.setBackground(white);
        chart.getPlotArea().setBackground(white);
        chart.getTitle().setVisible(false);
        chart.getLegend().setPosition(SWT.BOTTOM);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.getTitle().setText("time (local)");
        x.getTitle().setForeground(black);
        x.getTick().setForeground(black);
        x.getTick().setFormat(new SimpleDateFormat("HH:mm:ss"));
        x.getGrid().setStyle(LineStyle.DOT);
        IAxis y = chart.getAxisSet().getYAxis(0);
        y.getTitle().setText("");
        y.getTick().setForeground(black);
        y.getGrid().setStyle(LineStyle.DOT);
    }

    /** Zooms the time axis to the pixels dragged across; a click (under 6 px) does nothing. */
    void zoomToPixels(int fromPx, int toPx) {
        zoom.zoomToPixels(fromPx, toPx);
    }

    Control control() {
        return stack;
    }

    Chart chart() {
        return chart;
    }

    /** The session's model, or null: forgets every plotted series. */
    void setModel(BmsModel m) {
        model = m;
        plotted.values().forEach(p -> p.color().dispose());
        plotted.clear();
        shown.clear();
        zoom.forget();
        rebuild();
    }

    Set<String> keys() {
        return plotted.keySet();
    }

    /** Plots a numeric key; false when {@value #MAX_SERIES} are plotted already. */
    boolean add(SignalDescriptor d) {
        if (plotted.containsKey(d.key())) {
            return true;
        }
        if (plotted.size() >= MAX_SERIES) {
            return false;
        }
        int[] rgb = freeColour();
        plotted.put(d.key(), new Plotted(d, new Color(rgb[0], rgb[1], rgb[2])));
        rebuild();
        return true;
    }

    private int[] freeColour() {
        for (int[] rgb : PALETTE) {
            boolean used = plotted.values().stream().anyMatch(p -> p.color().getRed() == rgb[0]
                    && p.color().getGreen() == rgb[1] && p.color().getBlue() == rgb[2]);
            if (!used) {
                return rgb;
            }
        }
        return PALETTE[0];
    }

    void remove(String key) {
        Plotted p = plotted.remove(key);
        if (p != null) {
            p.color().dispose();
            shown.remove(key);
            rebuild();
        }
    }

    /** The colour a key is plotted in, or null. */
    Color colour(String key) {
        Plotted p = plotted.get(key);
        return p == null ? null : p.color();
    }

    private void rebuild() {
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
            chart.getSeriesSet().deleteSeries(s.getId());
        }
        IAxisSet axes = chart.getAxisSet();
        for (int id : axes.getYAxisIds()) {
            if (id != 0) {
                axes.deleteYAxis(id);
            }
        }
        Map<String, Integer> axisOfUnit = new LinkedHashMap<>();
        Map<Integer, List<Plotted>> onAxis = new LinkedHashMap<>();
        for (Plotted p : plotted.values()) {
            String unit = p.descriptor().unit();
            Integer axisId = axisOfUnit.get(unit);
            if (axisId == null) {
                axisId = axisOfUnit.isEmpty() ? 0 : axes.createYAxis();
                IAxis a = axes.getYAxis(axisId);
                a.setPosition(axisOfUnit.size() % 2 == 0 ? IAxis.Position.Primary : IAxis.Position.Secondary);
                a.getTitle().setText(unit.isEmpty() ? "(no unit)" : unit);
                a.getTitle().setVisible(true);
                a.getTick().setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_BLACK));
                a.getGrid().setStyle(axisId == 0 ? LineStyle.DOT : LineStyle.NONE);
                axisOfUnit.put(unit, axisId);
            }
            onAxis.computeIfAbsent(axisId, k -> new ArrayList<>()).add(p);
            ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, p.descriptor().key());
            s.setYAxisId(axisId);
            s.setLineColor(p.color());
            s.setLineWidth(2);
            s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
            s.setAntialias(SWT.ON);
            String unit2 = unit.isEmpty() ? "" : " [" + unit + "]";
            s.setDescription(p.descriptor().label() + unit2);
        }
        for (Map.Entry<Integer, List<Plotted>> e : onAxis.entrySet()) {
            IAxis a = axes.getYAxis(e.getKey());
            Color c = e.getValue().size() == 1 ? e.getValue().get(0).color() : chart.getDisplay().getSystemColor(SWT.COLOR_BLACK);
            a.getTitle().setForeground(c);
        }
        if (plotted.isEmpty()) {
            axes.getYAxis(0).getTitle().setText("");
        }
        stackLayout.topControl = plotted.isEmpty() ? hint : chart;
        stack.layout();
        shownVersion = -1;
        lastRedraw = 0;
        refresh();
    }

    boolean isPaused() {
        return paused;
    }

    /** Paused, the plot keeps its data; resumed, it catches up at once. */
    void setPaused(boolean p) {
        paused = p;
        if (!p) {
            shownVersion = -1;
            lastRedraw = 0;
            refresh();
        }
    }

    boolean isZoomed() {
        return zoom.isZoomed();
    }

    void zoomIn() {
        zoom.zoomIn();
    }

    void zoomOut() {
        zoom.zoomOut();
    }

    void resetZoom() {
        zoom.reset();
    }

    /** The time axis range shown, in milliseconds since the epoch. */
    Range timeRange() {
        return chart.getAxisSet().getXAxis(0).getRange();
    }

    /**
     * Reads the history of the plotted keys when the model changed (at most 4 times a second)
     * unless paused. Date x values (deprecated in SWTChart 1.1 for its data models, still
     * supported) give the time axis its clock-time ticks.
     */
    @SuppressWarnings("deprecation")
    void refresh() {
        if (model == null || paused || plotted.isEmpty()) {
            return;
        }
        long v = model.version();
        long now = System.nanoTime();
        if (v == shownVersion || now - lastRedraw < MIN_REDRAW_NANOS && shownVersion >= 0) {
            return;
        }
        shownVersion = v;
        lastRedraw = now;
        for (String key : plotted.keySet()) {
            List<Sample> h = model.history(key);
            shown.put(key, h);
            Date[] xs = new Date[h.size()];
            double[] ys = new double[h.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = new Date(Math.floorDiv(h.get(i).timeMicros(), 1000));
                ys[i] = h.get(i).value();
            }
            ISeries<?> s = chart.getSeriesSet().getSeries(key);
            s.setXDateSeries(xs);
            s.setYSeries(ys);
        }
        IAxisSet axes = chart.getAxisSet();
        if (zoom.isZoomed()) {
            for (IAxis y : axes.getYAxes()) {
                y.adjustRange();
            }
        } else {
            axes.adjustRange();
        }
        chart.redraw();
    }

    /** What the plot holds now, for export. */
    List<TrendCsv.Series> data() {
        List<TrendCsv.Series> out = new ArrayList<>();
        for (Plotted p : plotted.values()) {
            out.add(new TrendCsv.Series(p.descriptor().key(), p.descriptor().unit(), shown.getOrDefault(p.descriptor().key(), List.of())));
        }
        return out;
    }

    /** Writes the plotted series as CSV (UTF-8); returns the number of rows. */
    int exportCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return TrendCsv.write(data(), w);
        }
    }

    /** Writes the plot as it is drawn now as a PNG image. */
    void exportPng(Path file) {
        Point size = chart.getSize();
        Image image = new Image(chart.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
        try {
            GC gc = new GC(image);
            try {
                chart.print(gc);
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }

    void dispose() {
        plotted.values().forEach(p -> p.color().dispose());
        plotted.clear();
    }
}
