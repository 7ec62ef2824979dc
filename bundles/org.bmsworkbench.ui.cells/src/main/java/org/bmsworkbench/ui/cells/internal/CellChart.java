package org.bmsworkbench.ui.cells.internal;

import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * The canvas of the Cells view: one bar per cell on a {@link VoltageScale} (lowest cell orange,
 * highest red, balancing cells hatched amber with an amber number, missing cells as an empty slot,
 * stale values grey), the mean as a dashed line, the {@link CellNumbers} and the
 * {@link TemperatureTiles}. Hovering a cell shows its value and its distance from the mean in the tooltip.
 * Drawn double-buffered, only when {@link #show} was given something new or the size changed.
 */
final class CellChart {

    static final Color BAR = new Color(76, 130, 184);
    static final Color LOWEST = new Color(230, 126, 34);
    static final Color HIGHEST = new Color(192, 57, 43);
    static final Color BALANCING = new Color(241, 178, 0);
    static final Color STALE = new Color(196, 196, 196);
    static final Color STALE_HATCH = new Color(160, 160, 160);
    static final Color GRID = new Color(228, 231, 235);
    static final Color AXIS = new Color(120, 124, 130);
    static final Color TEXT = new Color(40, 44, 52);
    static final Color MUTED = new Color(120, 124, 130);
    static final Color HOVER = new Color(234, 242, 250);

    /** What to draw: the reading, its statistics, the axis, the age limit and the clock to judge staleness. */
    record Frame(CellReading reading, CellStatistics stats, VoltageScale scale, long staleMicros, long nowMicros) {
        boolean stale(long timeMicros) {
            return nowMicros - timeMicros > staleMicros;
        }
    }

    private final Canvas canvas;
    private final Font bold;
    private Frame frame;
    private ChartGeometry geometry;
    private int hovered;

    CellChart(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        FontData[] fd = canvas.getFont().getFontData();
        for (FontData f : fd) {
            f.setStyle(SWT.BOLD);
        }
        bold = new Font(canvas.getDisplay(), fd);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> {
            geometry = null;
            canvas.redraw();
        });
        canvas.addListener(SWT.MouseMove, e -> hover(e.x, e.y));
        canvas.addListener(SWT.MouseExit, e -> hover(-1, -1));
        canvas.addDisposeListener(e -> bold.dispose());
    }

    Canvas control() {
        return canvas;
    }

    /** Draws {@code next} (null: nothing yet). */
    void show(Frame next) {
        boolean relayout = frame == null || next == null || frame.reading().cells().size() != next.reading().cells().size()
                || frame.reading().sensors().size() != next.reading().sensors().size();
        frame = next;
        if (relayout) {
            geometry = null;
        }
        if (hovered != 0) {
            canvas.setToolTipText(tooltip(hovered));
        }
        canvas.redraw();
    }

    Frame frame() {
        return frame;
    }

    /** The geometry of the present size and reading (null before the first reading). */
    ChartGeometry geometry() {
        if (geometry == null && frame != null) {
            GC gc = new GC(canvas);
            try {
                return geometry(gc);
            } finally {
                gc.dispose();
            }
        }
        return geometry;
    }

    /** The geometry, measured with {@code gc} in the bold font (the wider) when it must be computed. */
    private ChartGeometry geometry(GC gc) {
        if (geometry == null && frame != null) {
            Font font = gc.getFont();
            gc.setFont(bold);
            Point size = canvas.getSize();
            int line = gc.getFontMetrics().getHeight();
            geometry = new ChartGeometry(size.x, size.y, frame.reading().cells().size(), TemperatureTiles.count(frame.reading()),
                    s -> gc.textExtent(s).x, line);
            gc.setFont(font);
        }
        return geometry;
    }

    private void hover(int x, int y) {
        ChartGeometry g = geometry();
        int cell = g == null || x < 0 ? 0 : g.cellAt(x, y);
        if (cell == hovered) {
            return;
        }
        hovered = cell;
        canvas.setToolTipText(cell == 0 ? null : tooltip(cell));
        canvas.redraw();
    }

    int hovered() {
        return hovered;
    }

    /** "Cell 7: 3.281 V, 37 mV below the mean · lowest · balancing". */
    String tooltip(int cell) {
        if (frame == null || cell < 1 || cell > frame.reading().cells().size()) {
            return null;
        }
        CellReading.Cell c = frame.reading().cells().get(cell - 1);
        CellStatistics s = frame.stats();
        StringBuilder b = new StringBuilder("Cell ").append(cell).append(": ");
        if (!c.present()) {
            b.append(c.reported() ? "not available" : "no value received");
        } else {
            b.append(CellStatistics.volts(c.volts()));
            double d = Math.round((c.volts() - s.mean()) * 10_000) / 10.0;
            b.append(", ").append(d == 0 ? "at the mean" : CellStatistics.millivolts(Math.abs(d)) + (d < 0 ? " below" : " above")
                    + " the mean");
            if (s.isLowest(cell)) {
                b.append(" · lowest");
            }
            if (s.isHighest(cell)) {
                b.append(" · highest");
            }
            if (frame.stale(c.timeMicros())) {
                b.append(" · stale (").append(ageText(frame.nowMicros() - c.timeMicros())).append(" old)");
            }
        }
        if (c.balancing()) {
            b.append(" · balancing");
        }
        return b.toString();
    }

    static String ageText(long micros) {
        long s = Math.max(0, micros) / 1_000_000;
        return s < 120 ? s + " s" : s / 60 + " min";
    }

    // ---- painting ----

    private void paint(GC gc) {
        Point size = canvas.getSize();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(0, 0, size.x, size.y);
        ChartGeometry g = geometry(gc);
        if (frame == null || g == null || g.plot.width() <= 0 || g.plot.height() <= 0) {
            return;
        }
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        paintTitle(gc, g);
        paintAxis(gc, g);
        paintBars(gc, g);
        paintMean(gc, g);
        CellNumbers.paint(gc, g, frame, hovered, bold, canvas.getFont());
        if (g.temperatures.x() > g.chart.right()) {
            gc.setForeground(GRID);
            gc.drawLine(g.temperatures.x() - ChartGeometry.GAP / 2, g.chart.y(), g.temperatures.x() - ChartGeometry.GAP / 2,
                    g.chart.bottom());
        }
        TemperatureTiles.paint(gc, g, frame, bold, canvas.getFont());
    }

    private void paintTitle(GC gc, ChartGeometry g) {
        gc.setFont(bold);
        gc.setForeground(TEXT);
        String title = "Cell voltages";
        gc.drawText(title, g.chart.x(), g.chart.y(), true);
        int x = g.chart.x() + gc.textExtent(title).x + 10;
        gc.setFont(canvas.getFont());
        gc.setForeground(MUTED);
        String scale = frame.scale().describe();
        gc.drawText(scale, x, g.chart.y(), true);
        // the legend, right-aligned, whole or not at all (the summary line names the cells too)
        boolean anyStale = frame.reading().cells().stream().anyMatch(c -> c.present() && frame.stale(c.timeMicros()));
        String[] names = anyStale ? new String[] {"lowest", "highest", "balancing", "mean", "stale"}
                : new String[] {"lowest", "highest", "balancing", "mean"};
        Color[] colours = {LOWEST, HIGHEST, BALANCING, null, STALE};
        int box = g.lineHeight - 6;
        int width = 0;
        for (String n : names) {
            width += box + 4 + gc.textExtent(n).x + 12;
        }
        int lx = g.chart.right() - width + 12;
        if (lx < x + gc.textExtent(scale).x + 16) {
            return;
        }
        for (int i = 0; i < names.length; i++) {
            if (colours[i] == null) { // the mean: a dashed line
                gc.setForeground(TEXT);
                gc.setLineStyle(SWT.LINE_DASH);
                gc.drawLine(lx, g.chart.y() + 3 + box / 2, lx + box, g.chart.y() + 3 + box / 2);
                gc.setLineStyle(SWT.LINE_SOLID);
            } else {
                gc.setBackground(colours[i]);
                gc.fillRectangle(lx, g.chart.y() + 3, box, box);
            }
            gc.setForeground(MUTED);
            gc.drawText(names[i], lx + box + 4, g.chart.y(), true);
            lx += box + 4 + gc.textExtent(names[i]).x + 12;
        }
    }

    private void paintAxis(GC gc, ChartGeometry g) {
        VoltageScale scale = frame.scale();
        gc.setFont(canvas.getFont());
        gc.setLineWidth(1);
        int lastY = Integer.MAX_VALUE;
        int meanY = frame.stats().present() == 0 ? Integer.MIN_VALUE / 2
                : scale.y(frame.stats().mean(), g.plot.y(), g.plot.bottom());
        for (double t : scale.ticks()) {
            int y = scale.y(t, g.plot.y(), g.plot.bottom());
            gc.setForeground(GRID);
            gc.drawLine(g.plot.x(), y, g.plot.right(), y);
            if (lastY - y < g.lineHeight || Math.abs(y - meanY) < g.lineHeight) {
                continue; // too close to the previous label, or under the mean's tag
            }
            String label = scale.label(t);
            Point e = gc.textExtent(label);
            gc.setForeground(MUTED);
            gc.drawText(label, g.plot.x() - e.x - 5, y - e.y / 2, true);
            lastY = y;
        }
        gc.setForeground(AXIS);
        gc.drawLine(g.plot.x(), g.plot.bottom(), g.plot.right(), g.plot.bottom());
        gc.drawLine(g.plot.x(), g.plot.y(), g.plot.x(), g.plot.bottom());
    }

    private void paintBars(GC gc, ChartGeometry g) {
        CellStatistics s = frame.stats();
        VoltageScale scale = frame.scale();
        if (hovered > 0 && hovered <= g.slots) {
            gc.setBackground(HOVER);
            gc.fillRectangle(g.slotX(hovered), g.plot.y(), g.slotWidth, g.plot.height());
        }
        gc.setFont(canvas.getFont());
        for (CellReading.Cell c : frame.reading().cells()) {
            int n = c.number();
            if (!c.present()) {
                ChartGeometry.Box slot = g.bar(n, g.plot.bottom() - g.plot.height() / 3);
                gc.setForeground(STALE);
                gc.setLineStyle(SWT.LINE_DOT);
                gc.drawRectangle(slot.x(), slot.y(), slot.width() - 1, slot.height() - 1);
                gc.setLineStyle(SWT.LINE_SOLID);
                gc.setForeground(MUTED);
                Point e = gc.textExtent("?");
                gc.drawText("?", slot.x() + (slot.width() - e.x) / 2, slot.y() - e.y - 1, true);
                continue;
            }
            boolean stale = frame.stale(c.timeMicros());
            ChartGeometry.Box bar = g.bar(n, scale.y(c.volts(), g.plot.y(), g.plot.bottom()));
            gc.setBackground(stale ? STALE : s.isLowest(n) ? LOWEST : s.isHighest(n) ? HIGHEST : BAR);
            gc.fillRectangle(bar.x(), bar.y(), bar.width(), Math.max(1, bar.height()));
            if (c.balancing()) {
                hatch(gc, bar, stale ? STALE_HATCH : BALANCING);
                gc.setBackground(stale ? STALE_HATCH : BALANCING); // under the axis too: seen where its number is not
                gc.fillRectangle(bar.x(), g.plot.bottom() + 1, bar.width(), 3);
            }
        }
        // values over the bars, after all of them, so that no neighbour covers a wide label
        for (CellReading.Cell c : frame.reading().cells()) {
            int n = c.number();
            boolean low = s.isLowest(n);
            boolean high = s.isHighest(n);
            if (!c.present() || !(g.valueLabels || low || high || n == hovered)) {
                continue;
            }
            boolean stale = frame.stale(c.timeMicros());
            ChartGeometry.Box bar = g.bar(n, scale.y(c.volts(), g.plot.y(), g.plot.bottom()));
            String v = String.format(Locale.ROOT, "%.3f", c.volts());
            gc.setFont(low || high ? bold : canvas.getFont());
            Point e = gc.textExtent(v);
            int x = bar.x() + (bar.width() - e.x) / 2;
            x = Math.max(g.plot.x() + 1, Math.min(g.plot.right() - e.x, x));
            int y = Math.max(g.chart.y() + g.lineHeight + 4, bar.y() - e.y - 1);
            if (!g.valueLabels) { // a label wider than its slot: on white, so that it stays readable
                gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
                gc.fillRectangle(x - 1, y, e.x + 2, e.y);
            }
            gc.setForeground(stale ? MUTED : low ? LOWEST : high ? HIGHEST : TEXT);
            gc.drawText(v, x, y, true);
        }
        gc.setFont(canvas.getFont());
    }

    /** Diagonal stripes across a balancing cell's bar, and a frame, in {@code colour}. */
    private static void hatch(GC gc, ChartGeometry.Box bar, Color colour) {
        gc.setClipping(bar.x(), bar.y(), bar.width(), bar.height());
        gc.setForeground(colour);
        gc.setLineWidth(3);
        for (int d = -bar.height(); d < bar.width(); d += 9) {
            gc.drawLine(bar.x() + d, bar.bottom(), bar.x() + d + bar.height(), bar.y());
        }
        gc.setClipping((Rectangle) null);
        gc.setLineWidth(2);
        gc.drawRectangle(bar.x() + 1, bar.y() + 1, Math.max(0, bar.width() - 2), Math.max(0, bar.height() - 2));
        gc.setLineWidth(1);
    }

    /** The mean as a dashed line across the plot and its value in a dark tag on the axis. */
    private void paintMean(GC gc, ChartGeometry g) {
        CellStatistics s = frame.stats();
        if (s.present() == 0) {
            return;
        }
        int y = frame.scale().y(s.mean(), g.plot.y(), g.plot.bottom());
        gc.setForeground(TEXT);
        gc.setLineStyle(SWT.LINE_DASH);
        gc.drawLine(g.plot.x(), y, g.plot.right(), y);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setFont(canvas.getFont());
        String label = String.format(Locale.ROOT, "%.3f", s.mean());
        Point e = gc.textExtent(label);
        int x = g.plot.x() - e.x - 8;
        gc.setBackground(TEXT);
        gc.fillRoundRectangle(x - 3, y - e.y / 2 - 1, e.x + 6, e.y + 2, 6, 6);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.drawText(label, x, y - e.y / 2, true);
    }
}
