package org.bmsworkbench.service.unlock.internal.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One plot of the report as inline SVG: a time axis over a fixed window (minutes as HH:MM, UTC),
 * a value axis with round ticks and its unit, one line per series with a legend. Lines break
 * where the bus fell silent ({@link #runs}); a series with thousands of samples is drawn
 * from the lowest and highest value of each pixel column. No data in the window: the plot says so.
 */
public final class SvgPlot {
    static final int WIDTH = 1000;
    static final int HEIGHT = 250;
    static final double LEFT = 70;
    static final double RIGHT = 980;
    static final double TOP = 34;
    static final double BOTTOM = 214;
    static final double GAP_S = 60;
    static final String NO_DATA = "no data in the last ten minutes";
    private static final String[] COLOURS = {"#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad"};

    /** One sample: seconds since the epoch, value. */
    public record Point(double time, double value) {
    }

    record Series(String name, List<Point> points) {
    }

    private final String title;
    private final String unit;
    private final double from;
    private final double to;
    private final List<Series> series = new ArrayList<>();
    private Double fixedLow;
    private Double fixedHigh;

    /** @param from start of the window, seconds since the epoch; @param to its end */
    public SvgPlot(String title, String unit, double from, double to) {
        if (!(to > from)) {
            throw new IllegalArgumentException("a plot's window must end after it starts: " + from + ".." + to);
        }
        this.title = title;
        this.unit = unit;
        this.from = from;
        this.to = to;
    }

    /** Values on this axis are always shown between {@code low} and {@code high} (and beyond when they leave it). */
    public SvgPlot range(double low, double high) {
        this.fixedLow = low;
        this.fixedHigh = high;
        return this;
    }

    /** Adds a series; samples outside the window or not finite are left out. */
    public SvgPlot series(String name, List<Point> points) {
        List<Point> inside = new ArrayList<>();
        for (Point p : points) {
            if (p.time() >= from && p.time() <= to && Double.isFinite(p.value())) {
                inside.add(p);
            }
        }
        inside.sort((a, b) -> Double.compare(a.time(), b.time()));
        series.add(new Series(name, inside));
        return this;
    }

    boolean empty() {
        return series.stream().allMatch(s -> s.points().isEmpty());
    }

    /** The value axis: low, high and tick step. */
    double[] axis() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Point p : s.points()) {
                low = Math.min(low, p.value());
                high = Math.max(high, p.value());
            }
        }
        if (fixedLow != null) {
            low = Math.min(low, fixedLow);
            high = Math.max(high, fixedHigh);
        }
        if (low == Double.POSITIVE_INFINITY) {
            low = 0;
            high = 1;
        }
        if (high - low < 1e-9) {
            double pad = Math.max(Math.abs(low) * 0.05, 0.5);
            low -= pad;
            high += pad;
        }
        double step = niceStep((high - low) / 5);
        return new double[] {Math.floor(low / step + 1e-9) * step, Math.ceil(high / step - 1e-9) * step, step};
    }

    /** 1, 2, 2.5 or 5 times a power of ten, the smallest not below {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    double x(double time) {
        return LEFT + (time - from) / (to - from) * (RIGHT - LEFT);
    }

    static double y(double value, double low, double high) {
        return BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP);
    }

    /** The SVG element, with a {@code <title>} and an {@code aria-label} naming the plot. */
    public String svg() {
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Html.text(title)).append("\">")
                .append("<title>").append(Html.text(title)).append("</title>");
        double[] axis = axis();
        double low = axis[0];
        double high = axis[1];
        // value axis: grid lines and labels, the unit above the labels
        for (int i = 0; low + i * axis[2] <= high + axis[2] * 1e-6; i++) {
            double v = low + i * axis[2];
            double y = y(v, low, high);
            b.append("<line class=\"grid\" x1=\"").append(f(LEFT)).append("\" y1=\"").append(f(y)).append("\" x2=\"")
                    .append(f(RIGHT)).append("\" y2=\"").append(f(y)).append("\"/>");
            b.append("<text class=\"tick\" x=\"").append(f(LEFT - 6)).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.text(label(v, axis[2]))).append("</text>");
        }
        b.append("<text class=\"unit\" x=\"").append(f(LEFT - 6)).append("\" y=\"").append(f(TOP - 14))
                .append("\" text-anchor=\"end\">").append(Html.text(unit)).append("</text>");
        // time axis: a tick at every whole minute, the window's ends named
        double firstMinute = Math.ceil(from / 60) * 60;
        for (double t = firstMinute; t <= to + 1e-6; t += 60) {
            double x = x(t);
            b.append("<line class=\"grid\" x1=\"").append(f(x)).append("\" y1=\"").append(f(TOP)).append("\" x2=\"")
                    .append(f(x)).append("\" y2=\"").append(f(BOTTOM)).append("\"/>");
            b.append("<text class=\"tick\" x=\"").append(f(x)).append("\" y=\"").append(f(BOTTOM + 16))
                    .append("\" text-anchor=\"middle\">").append(Html.MINUTE.format(Instant.ofEpochSecond((long) t)))
                    .append("</text>");
        }
        b.append("<text class=\"tick\" x=\"").append(f(RIGHT)).append("\" y=\"").append(f(BOTTOM + 32))
                .append("\" text-anchor=\"end\">time (UTC), ").append(Html.CLOCK.format(instant(from))).append(" to ")
                .append(Html.CLOCK.format(instant(to))).append("</text>");
        b.append("<rect class=\"frame\" x=\"").append(f(LEFT)).append("\" y=\"").append(f(TOP)).append("\" width=\"")
                .append(f(RIGHT - LEFT)).append("\" height=\"").append(f(BOTTOM - TOP)).append("\"/>");
        if (low < 0 && high > 0) {
            double y = y(0, low, high);
            b.append("<line class=\"zero\" x1=\"").append(f(LEFT)).append("\" y1=\"").append(f(y)).append("\" x2=\"")
                    .append(f(RIGHT)).append("\" y2=\"").append(f(y)).append("\"/>");
        }
        if (empty()) {
            b.append("<text class=\"nodata\" x=\"").append(f((LEFT + RIGHT) / 2)).append("\" y=\"")
                    .append(f((TOP + BOTTOM) / 2 + 5)).append("\" text-anchor=\"middle\">").append(NO_DATA)
                    .append("</text>");
        }
        // lines, and the legend along the top
        double legendX = LEFT;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            for (List<Point> run : runs(thin(s.points()))) {
                if (run.size() == 1) {
                    Point p = run.get(0);
                    b.append("<circle cx=\"").append(f(x(p.time()))).append("\" cy=\"")
                            .append(f(y(p.value(), low, high))).append("\" r=\"2.5\" fill=\"").append(colour)
                            .append("\"/>");
                } else {
                    // the first series drawn widest, so that one lying on top of it leaves it visible
                    b.append("<polyline class=\"series s").append(Math.min(i, 2)).append("\" stroke=\"").append(colour)
                            .append("\" points=\"");
                    for (int k = 0; k < run.size(); k++) {
                        Point p = run.get(k);
                        b.append(k == 0 ? "" : " ").append(f(x(p.time()))).append(',')
                                .append(f(y(p.value(), low, high)));
                    }
                    b.append("\"/>");
                }
            }
            String name = s.name() + (s.points().isEmpty() ? " (no data)" : "");
            b.append("<line x1=\"").append(f(legendX)).append("\" y1=\"14\" x2=\"").append(f(legendX + 22))
                    .append("\" y2=\"14\" stroke=\"").append(colour).append("\" stroke-width=\"3\"/>");
            b.append("<text class=\"legend\" x=\"").append(f(legendX + 28)).append("\" y=\"18\">")
                    .append(Html.text(name)).append("</text>");
            legendX += 48 + 7.2 * name.length();
        }
        return b.append("</svg>").toString();
    }

    /**
     * Splits where the bus fell silent: at a gap longer than {@link #GAP_S} and than five times the
     * series' usual (median) spacing, so that a value sent every few minutes is still one line.
     */
    static List<List<Point>> runs(List<Point> points) {
        List<Double> spacing = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            spacing.add(points.get(i).time() - points.get(i - 1).time());
        }
        spacing.sort(null);
        double gap = Math.max(GAP_S, spacing.isEmpty() ? 0 : 5 * spacing.get(spacing.size() / 2));
        List<List<Point>> runs = new ArrayList<>();
        List<Point> run = new ArrayList<>();
        for (Point p : points) {
            if (!run.isEmpty() && p.time() - run.get(run.size() - 1).time() > gap) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(p);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /** At most two samples (the lowest and the highest, in time order) per pixel column, when there are more. */
    List<Point> thin(List<Point> points) {
        int columns = (int) (RIGHT - LEFT);
        if (points.size() <= 2 * columns) {
            return points;
        }
        List<Point> out = new ArrayList<>();
        int column = -1;
        Point min = null;
        Point max = null;
        for (Point p : points) {
            int c = (int) Math.min(columns - 1, (p.time() - from) / (to - from) * columns);
            if (c != column && min != null) {
                add(out, min, max);
                min = null;
                max = null;
            }
            column = c;
            min = min == null || p.value() < min.value() ? p : min;
            max = max == null || p.value() > max.value() ? p : max;
        }
        if (min != null) {
            add(out, min, max);
        }
        return out;
    }

    private static void add(List<Point> out, Point min, Point max) {
        if (min == max) {
            out.add(min);
        } else if (min.time() <= max.time()) {
            out.add(min);
            out.add(max);
        } else {
            out.add(max);
            out.add(min);
        }
    }

    private static Instant instant(double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    /** A tick's label with as many decimals as the step has (2.5 → one, 0.02 → two). */
    static String label(double v, double step) {
        int decimals = Math.max(0, new java.math.BigDecimal(step).round(new java.math.MathContext(6))
                .stripTrailingZeros().scale());
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step * 1e-6 ? 0.0 : v);
    }

    /** A coordinate with one decimal. */
    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
