package org.bmsworkbench.ui.cells.internal;

import java.util.function.ToIntFunction;

/**
 * Where everything of the cell chart goes on a canvas of a given size, with the font's measures:
 * the bar plot (tick labels left of it, the title row above, the cell numbers below) and the
 * temperature tiles — in a column on the right when the canvas is at least {@value #SIDE_BY_SIDE} px
 * wide, else in rows under the chart. No SWT: tests check that it fits from 4 to 48 cells.
 */
final class ChartGeometry {

    /** From this width on the temperatures stand beside the chart, below it otherwise. */
    static final int SIDE_BY_SIDE = 640;
    static final int PAD = 8;
    /** Between the chart and the temperatures beside it, a divider in the middle. */
    static final int GAP = 24;
    /** Between temperature tiles side by side. */
    static final int TILE_GAP = 20;
    private static final int MIN_TILE = 180;
    /** A 4-cell pack's bars stay bars, not walls. */
    private static final int MAX_BAR = 90;

    /** A rectangle in canvas pixels. */
    record Box(int x, int y, int width, int height) {
        int right() {
            return x + width;
        }

        int bottom() {
            return y + height;
        }

        boolean contains(int px, int py) {
            return px >= x && px < right() && py >= y && py < bottom();
        }

        boolean intersects(Box o) {
            return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
        }
    }

    final int width;
    final int height;
    final int slots;
    final int lineHeight;
    /** The whole chart part (title, ticks, plot, numbers). */
    final Box chart;
    /** The bars' area: the scale's low at its bottom, high at its top. */
    final Box plot;
    /** The temperature part: a title line and the tiles. */
    final Box temperatures;
    final int slotWidth;
    final int barWidth;
    /** Every how many cells a number is written under the axis (the lowest and highest always are). */
    final int labelEvery;
    /** Whether every bar's value fits above it (else on hover, and for the lowest and highest cells). */
    final boolean valueLabels;
    final int tileColumns;
    final int tileWidth;
    final int tileHeight;
    private final int tileGap;

    ChartGeometry(int width, int height, int slots, int sensors, ToIntFunction<String> textWidth, int lineHeight) {
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
        this.slots = Math.max(1, slots);
        this.lineHeight = lineHeight;
        tileHeight = lineHeight + 8;
        int tiles = Math.max(1, sensors);
        if (this.width >= SIDE_BY_SIDE) {
            int tw = Math.max(MIN_TILE + 40, Math.min(260, textWidth.applyAsInt("T00") + textWidth.applyAsInt("-20.0 °C") + 110));
            temperatures = new Box(this.width - PAD - tw, PAD, tw, this.height - 2 * PAD);
            tileColumns = 1;
            tileWidth = tw;
            tileGap = 0;
            chart = new Box(PAD, PAD, Math.max(0, temperatures.x() - GAP - PAD), this.height - 2 * PAD);
        } else {
            int inner = Math.max(0, this.width - 2 * PAD);
            tileColumns = Math.max(1, Math.min(tiles, (inner + TILE_GAP) / (MIN_TILE + TILE_GAP)));
            tileWidth = (inner + TILE_GAP) / tileColumns;
            tileGap = TILE_GAP;
            int rows = (tiles + tileColumns - 1) / tileColumns;
            int th = lineHeight + 6 + rows * tileHeight;
            temperatures = new Box(PAD, Math.max(PAD, this.height - PAD - th), inner, Math.min(th, this.height - 2 * PAD));
            chart = new Box(PAD, PAD, inner, Math.max(0, temperatures.y() - 2 * PAD));
        }
        int ticks = Math.max(textWidth.applyAsInt("3.315"), textWidth.applyAsInt("4.30")) + 14; // room for the mean's tag
        int left = chart.x() + ticks;
        int top = chart.y() + lineHeight + 6 + lineHeight + 2; // title row, then room for a value above the tallest bar
        int bottom = chart.bottom() - lineHeight - 6; // cell numbers
        plot = new Box(left, top, Math.max(0, chart.right() - left - 4), Math.max(0, bottom - top));
        slotWidth = plot.width() / this.slots;
        barWidth = Math.max(1, Math.min(MAX_BAR, slotWidth - Math.max(1, slotWidth / 4)));
        int number = textWidth.applyAsInt(Integer.toString(this.slots)) + 4;
        int every = 1;
        for (int k : new int[] {1, 2, 4, 5, 8, 10, 16, 20, 25, 50, 100}) {
            every = k;
            if (k * slotWidth >= number) {
                break;
            }
        }
        labelEvery = every;
        valueLabels = slotWidth >= textWidth.applyAsInt("3.315") + 4;
    }

    /** The x of cell {@code number}'s slot (from 1). */
    int slotX(int number) {
        return plot.x() + (number - 1) * slotWidth;
    }

    /** Cell {@code number}'s bar: from the plot's bottom up to {@code top}. */
    Box bar(int number, int top) {
        int x = slotX(number) + (slotWidth - barWidth) / 2;
        int t = Math.max(plot.y(), Math.min(plot.bottom(), top));
        return new Box(x, t, barWidth, plot.bottom() - t);
    }

    /** Whether the number of cell {@code n} is written under the axis on every-{@link #labelEvery} grounds. */
    boolean numbered(int n) {
        return labelEvery == 1 || n % labelEvery == 0 || n == 1 && labelEvery > 2;
    }

    /** The cell whose slot is under the point, or 0 (the title and number rows count, so hovering a number works). */
    int cellAt(int px, int py) {
        if (slotWidth <= 0 || px < plot.x() || px >= plot.x() + slots * slotWidth || py < chart.y() || py >= chart.bottom()) {
            return 0;
        }
        return (px - plot.x()) / slotWidth + 1;
    }

    /** Temperature tile {@code i} (from 0), under the part's title line. */
    Box tile(int i) {
        int col = i % tileColumns;
        int row = i / tileColumns;
        return new Box(temperatures.x() + col * tileWidth, temperatures.y() + lineHeight + 6 + row * tileHeight,
                tileWidth - tileGap, tileHeight);
    }
}
