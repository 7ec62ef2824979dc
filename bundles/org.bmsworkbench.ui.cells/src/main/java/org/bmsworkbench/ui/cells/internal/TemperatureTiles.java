package org.bmsworkbench.ui.cells.internal;

import java.util.Locale;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;

/**
 * The temperature part of the cell chart: one tile per sensor ({@code temperature.<n>}) with its
 * number, a bar from {@value #LOW} to {@value #HIGH} °C with the 0 °C mark, coloured by
 * {@link #colour}, and the value; without sensors the pack's lowest and highest cell temperature
 * ({@code cell.temperature.min/max}) when the BMS sends them; stale values grey.
 */
final class TemperatureTiles {

    static final double LOW = -20;
    static final double HIGH = 80;
    static final Color TRACK = new Color(236, 238, 241);
    static final Color COLD = new Color(52, 120, 200);
    static final Color MILD = new Color(72, 160, 110);
    static final Color WARM = new Color(230, 150, 20);
    static final Color HOT = new Color(200, 50, 40);

    private TemperatureTiles() {
    }

    /** How many tiles {@code r} needs (at least the one line saying there is none is drawn). */
    static int count(CellReading r) {
        if (!r.sensors().isEmpty()) {
            return r.sensors().size();
        }
        return (r.coldest() != null ? 1 : 0) + (r.warmest() != null ? 1 : 0);
    }

    static void paint(GC gc, ChartGeometry g, CellChart.Frame frame, Font bold, Font normal) {
        CellReading r = frame.reading();
        gc.setFont(bold);
        gc.setForeground(CellChart.TEXT);
        gc.drawText("Temperatures", g.temperatures.x(), g.temperatures.y(), true);
        gc.setFont(normal);
        if (r.sensors().isEmpty() && r.coldest() == null && r.warmest() == null) {
            gc.setForeground(CellChart.MUTED);
            gc.drawText("No temperature sensor reported.", g.temperatures.x(), g.tile(0).y() + 4, true);
            return;
        }
        int i = 0;
        if (!r.sensors().isEmpty()) {
            for (CellReading.Sensor s : r.sensors()) {
                tile(gc, g, g.tile(i++), "T" + s.number(), s.celsius(), frame.stale(s.timeMicros()));
            }
            String spread = spread(r);
            ChartGeometry.Box below = g.tile(i - 1);
            int y = below.bottom() + 4;
            if (spread != null && y + g.lineHeight <= g.temperatures.bottom() && g.tileColumns == 1) {
                gc.setForeground(CellChart.MUTED);
                gc.drawText(spread, g.temperatures.x(), y, true);
                gc.drawText("bars " + (int) LOW + " … " + (int) HIGH + " °C", g.temperatures.x(),
                        y + g.lineHeight + 2, true);
            }
        } else {
            if (r.coldest() != null) {
                tile(gc, g, g.tile(i++), "lowest", r.coldest().value(), frame.stale(r.coldest().timeMicros()));
            }
            if (r.warmest() != null) {
                tile(gc, g, g.tile(i), "highest", r.warmest().value(), frame.stale(r.warmest().timeMicros()));
            }
        }
    }

    private static void tile(GC gc, ChartGeometry g, ChartGeometry.Box t, String name, Double celsius, boolean stale) {
        if (t.bottom() > g.height) {
            return;
        }
        int nameWidth = Math.max(gc.textExtent("T00").x, gc.textExtent(name).x) + 8;
        String value = celsius == null ? "n/a" : String.format(Locale.ROOT, "%.1f °C", celsius);
        int valueWidth = gc.textExtent("-20.0 °C").x + 6;
        int textY = t.y() + (t.height() - g.lineHeight) / 2;
        gc.setForeground(CellChart.TEXT);
        gc.drawText(name, t.x(), textY, true);
        int trackX = t.x() + nameWidth;
        int trackW = Math.max(10, t.width() - nameWidth - valueWidth);
        int trackH = Math.max(6, t.height() - 14);
        int trackY = t.y() + (t.height() - trackH) / 2;
        gc.setBackground(TRACK);
        gc.fillRoundRectangle(trackX, trackY, trackW, trackH, 4, 4);
        if (celsius != null) {
            double f = (Math.max(LOW, Math.min(HIGH, celsius)) - LOW)
                    / (HIGH - LOW);
            gc.setBackground(stale ? CellChart.STALE : colour(celsius));
            gc.fillRoundRectangle(trackX, trackY, Math.max(4, (int) Math.round(f * trackW)), trackH, 4, 4);
            int zero = trackX + (int) Math.round(-LOW / (HIGH - LOW) * trackW);
            gc.setForeground(CellChart.AXIS);
            gc.drawLine(zero, trackY - 2, zero, trackY + trackH + 1);
        }
        gc.setForeground(stale || celsius == null ? CellChart.MUTED : CellChart.TEXT);
        gc.drawText(value, t.right() - gc.textExtent(value).x, textY, true);
    }

    /** "spread 4.1 °C (T3–T4)": the warmest sensor less the coldest, with at least two values. */
    static String spread(CellReading r) {
        CellReading.Sensor cold = null;
        CellReading.Sensor warm = null;
        for (CellReading.Sensor s : r.sensors()) {
            if (s.celsius() == null) {
                continue;
            }
            if (cold == null || s.celsius() < cold.celsius()) {
                cold = s;
            }
            if (warm == null || s.celsius() > warm.celsius()) {
                warm = s;
            }
        }
        if (cold == null || cold == warm) {
            return null;
        }
        return String.format(Locale.ROOT, "spread %.1f °C (T%d–T%d)", warm.celsius() - cold.celsius(), cold.number(),
                warm.number());
    }

    /** Blue below 0 °C (no charging of lithium cells), green to 45, amber to 55, red above. */
    static Color colour(double celsius) {
        if (celsius < 0) {
            return COLD;
        }
        if (celsius <= 45) {
            return MILD;
        }
        return celsius <= 55 ? WARM : HOT;
    }
}
