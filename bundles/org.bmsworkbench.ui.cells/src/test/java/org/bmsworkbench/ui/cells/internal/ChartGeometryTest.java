package org.bmsworkbench.ui.cells.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToIntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The chart's layout fits from 4 to 48 cells, in a full window (1280 × 800 less the window's
 * chrome) and in a small part, with a font of 7 px per character and 17 px per line (the
 * workbench's default under GTK; bold digits measure about that).
 */
class ChartGeometryTest {

    private static final ToIntFunction<String> TEXT = s -> 7 * s.length();
    private static final int LINE = 17;

    private static ChartGeometry g(int w, int h, int cells, int sensors) {
        return new ChartGeometry(w, h, cells, sensors, TEXT, LINE);
    }

    @ParameterizedTest(name = "{2} cells in {0}×{1}")
    @CsvSource({
        "1260,680,4,4", "1260,680,16,4", "1260,680,32,8", "1260,680,48,8",
        "600,340,4,2", "600,340,16,4", "600,340,32,4", "600,340,48,4",
        "420,300,16,4", "420,300,48,2"})
    void barsNumbersAndTilesFit(int w, int h, int cells, int sensors) {
        ChartGeometry g = g(w, h, cells, sensors);
        assertTrue(g.plot.height() >= 90, "plot height " + g.plot.height());
        assertTrue(g.barWidth >= 4, "bar width " + g.barWidth);
        assertTrue(g.barWidth < g.slotWidth, "bars must not touch: " + g.barWidth + " of " + g.slotWidth);
        // the last bar ends inside the plot, the first starts after the tick labels
        assertTrue(g.bar(cells, g.plot.y()).right() <= g.plot.right());
        assertTrue(g.bar(1, g.plot.y()).x() >= g.plot.x());
        assertTrue(g.plot.x() - g.chart.x() >= TEXT.applyAsInt("3.315") + 4, "tick labels");
        // numbers written under the axis do not touch
        int width = TEXT.applyAsInt(Integer.toString(cells));
        assertTrue(g.labelEvery * g.slotWidth >= width + 2, "numbers every " + g.labelEvery + " at " + g.slotWidth + " px");
        // the temperatures keep clear of the chart and every tile is on the canvas
        assertFalse(g.temperatures.intersects(g.chart), "temperatures over the chart");
        for (int i = 0; i < sensors; i++) {
            ChartGeometry.Box t = g.tile(i);
            assertTrue(t.right() <= w && t.bottom() <= h, "tile " + i + " " + t + " outside " + w + "×" + h);
            assertFalse(t.intersects(g.chart), "tile " + i + " over the chart");
        }
        assertTrue(g.chart.bottom() <= h && g.temperatures.right() <= w);
    }

    @Test
    void sixteenCellsInAFullWindowGetEveryNumberAndEveryValue() {
        ChartGeometry g = g(1260, 680, 16, 4);
        assertEquals(1, g.labelEvery);
        assertTrue(g.valueLabels);
        assertTrue(g.temperatures.x() > g.chart.right(), "temperatures beside the chart");
    }

    @Test
    void fortyEightCellsStayNumberedInAFullWindow() {
        ChartGeometry g = g(1260, 680, 48, 8);
        assertTrue(g.labelEvery <= 2, "every " + g.labelEvery);
        assertTrue(g.barWidth >= 12, "bar width " + g.barWidth);
    }

    @Test
    void aNarrowPartPutsTheTemperaturesUnderTheChart() {
        ChartGeometry g = g(420, 300, 16, 4);
        assertTrue(g.temperatures.y() >= g.chart.bottom());
        assertEquals(2, g.tileColumns);
        assertTrue(g.numbered(16) && g.numbered(1));
    }

    @Test
    void theCellUnderThePointer() {
        ChartGeometry g = g(1260, 680, 16, 4);
        assertEquals(1, g.cellAt(g.plot.x() + 1, g.plot.y() + 5));
        assertEquals(7, g.cellAt(g.slotX(7) + g.slotWidth / 2, g.plot.bottom() + 4));
        assertEquals(0, g.cellAt(g.plot.x() - 2, g.plot.y() + 5));
        assertEquals(0, g.cellAt(g.temperatures.x() + 5, g.plot.y() + 5));
    }
}
