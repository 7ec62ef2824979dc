package org.bmsworkbench.ui.cells.internal;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;

/**
 * The cell numbers under the cell chart's axis: first the lowest, highest and hovered cells, then
 * the balancing and missing ones where they do not touch those, then every
 * {@link ChartGeometry#labelEvery}-th where it touches none drawn. A balancing cell's number sits
 * on an amber tag, a stale one's is grey. Painted on the UI thread, in the chart's paint.
 */
final class CellNumbers {

    private CellNumbers() {
    }

    /** @param hovered the cell under the mouse, 0 for none */
    static void paint(GC gc, ChartGeometry g, CellChart.Frame frame, int hovered, Font bold, Font normal) {
        CellStatistics s = frame.stats();
        List<int[]> drawn = new ArrayList<>(); // x, width of each number written
        List<CellReading.Cell> cells = frame.reading().cells();
        for (int pass = 0; pass < 3; pass++) {
            for (CellReading.Cell c : cells) {
                int n = c.number();
                boolean first = s.isLowest(n) || s.isHighest(n) || n == hovered;
                boolean second = !first && (c.balancing() || !c.present());
                boolean third = !first && !second && g.numbered(n);
                if (!(pass == 0 ? first : pass == 1 ? second : third)) {
                    continue;
                }
                String text = Integer.toString(n);
                gc.setFont(pass < 2 ? bold : normal);
                Point e = gc.textExtent(text);
                int x = g.slotX(n) + (g.slotWidth - e.x) / 2;
                if (pass > 0 && touches(drawn, x, e.x, pass == 1 ? 2 : 6)) {
                    continue;
                }
                drawn.add(new int[] {x, e.x});
                number(gc, g, frame, c, text, x, e);
            }
        }
        gc.setFont(normal);
    }

    private static void number(GC gc, ChartGeometry g, CellChart.Frame frame, CellReading.Cell c, String text, int x,
            Point e) {
        CellStatistics s = frame.stats();
        int n = c.number();
        int y = g.plot.bottom() + 5;
        boolean stale = c.present() && frame.stale(c.timeMicros());
        if (c.balancing()) {
            gc.setBackground(stale ? CellChart.STALE : CellChart.BALANCING);
            gc.fillRoundRectangle(x - 3, y, e.x + 6, e.y, 6, 6);
        }
        gc.setForeground(c.balancing() ? CellChart.TEXT : stale ? CellChart.MUTED : s.isLowest(n) ? CellChart.LOWEST
                : s.isHighest(n) ? CellChart.HIGHEST : CellChart.MUTED);
        gc.drawText(text, x, y, true);
    }

    private static boolean touches(List<int[]> drawn, int x, int w, int gap) {
        for (int[] d : drawn) {
            if (x < d[0] + d[1] + gap && d[0] < x + w + gap) {
                return true;
            }
        }
        return false;
    }
}
