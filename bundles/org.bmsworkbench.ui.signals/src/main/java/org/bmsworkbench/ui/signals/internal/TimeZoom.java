package org.bmsworkbench.ui.signals.internal;

import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.Range;

/**
 * The zoom of the trend's time axis: the mouse wheel zooms about the pointer, a drag across the
 * plot (a translucent band while dragging) zooms to what it crossed, {@link #zoomIn()} and
 * {@link #zoomOut()} zoom about the middle, and {@link #reset()} follows the data again. Nothing
 * zooms while nothing is plotted. UI thread only.
 */
final class TimeZoom {
    private final Chart chart;
    private final BooleanSupplier nothingPlotted;
    private boolean zoomed;
    private int dragFrom = -1;
    private int dragTo = -1;

    /** Listens to the mouse on {@code chart}'s plot area. */
    TimeZoom(Chart chart, BooleanSupplier nothingPlotted) {
        this.chart = chart;
        this.nothingPlotted = nothingPlotted;
        installMouse();
    }

    private void installMouse() {
        Control plot = chart.getPlotArea().getControl();
        plot.addListener(SWT.MouseVerticalWheel, this::wheel);
        plot.addListener(SWT.MouseDown, e -> {
            if (e.button == 1 && !nothingPlotted.getAsBoolean()) {
                dragFrom = e.x;
                dragTo = e.x;
            }
        });
        plot.addListener(SWT.MouseMove, e -> {
            if (dragFrom >= 0) {
                dragTo = e.x;
                plot.redraw();
            }
        });
        plot.addListener(SWT.MouseUp, e -> {
            if (dragFrom >= 0) {
                int from = dragFrom;
                dragFrom = -1;
                zoomToPixels(from, e.x);
                plot.redraw();
            }
        });
        chart.getPlotArea().addCustomPaintListener(new ICustomPaintListener() {
            @Override
            public void paintControl(org.eclipse.swt.events.PaintEvent e) {
                if (dragFrom >= 0 && Math.abs(dragTo - dragFrom) > 2) {
                    e.gc.setBackground(e.display.getSystemColor(SWT.COLOR_LIST_SELECTION));
                    e.gc.setAlpha(60);
                    e.gc.fillRectangle(Math.min(dragFrom, dragTo), 0, Math.abs(dragTo - dragFrom), plot.getSize().y);
                    e.gc.setAlpha(255);
                }
            }

            @Override
            public boolean drawBehindSeries() {
                return false;
            }
        });
    }

    private void wheel(Event e) {
        if (nothingPlotted.getAsBoolean()) {
            return;
        }
        IAxis x = chart.getAxisSet().getXAxis(0);
        double at = x.getDataCoordinate(e.x);
        if (e.count > 0) {
            x.zoomIn(at);
        } else {
            x.zoomOut(at);
        }
        zoomed = true;
        chart.redraw();
    }

    /** Zooms the time axis to the pixels dragged across; a click (under 6 px) does nothing. */
    void zoomToPixels(int fromPx, int toPx) {
        if (Math.abs(toPx - fromPx) < 6 || nothingPlotted.getAsBoolean()) {
            return;
        }
        IAxis x = chart.getAxisSet().getXAxis(0);
        double a = x.getDataCoordinate(Math.min(fromPx, toPx));
        double b = x.getDataCoordinate(Math.max(fromPx, toPx));
        x.setRange(new Range(a, b));
        zoomed = true;
        chart.redraw();
    }

    /** True while the time axis shows a range the user chose rather than all the data. */
    boolean isZoomed() {
        return zoomed;
    }

    /** Forgets the zoom without redrawing: a new model's data is shown whole. */
    void forget() {
        zoomed = false;
    }

    void zoomIn() {
        if (!nothingPlotted.getAsBoolean()) {
            chart.getAxisSet().getXAxis(0).zoomIn();
            zoomed = true;
            chart.redraw();
        }
    }

    void zoomOut() {
        if (!nothingPlotted.getAsBoolean()) {
            chart.getAxisSet().getXAxis(0).zoomOut();
            zoomed = true;
            chart.redraw();
        }
    }

    void reset() {
        zoomed = false;
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }
}
