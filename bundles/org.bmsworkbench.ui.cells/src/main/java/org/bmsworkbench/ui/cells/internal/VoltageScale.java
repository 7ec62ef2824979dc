package org.bmsworkbench.ui.cells.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The voltage axis of the cell chart, from {@code low} to {@code high} with a tick every
 * {@code step} volts.
 *
 * <ul>
 * <li>{@link #full}: a fixed range that does not move while values change, so a glance compares
 * today with yesterday: 2.50–3.70 V covers a LiFePO4 cell from its discharge cut-off to above its
 * charge limit (3.65 V); once any cell of the session exceeded 3.70 V the pack is taken for NMC or
 * another Li-ion (up to 4.20 V) and the range is 2.50–4.30 V for the rest of the session.
 * Cells outside the range widen it to the next 0.1 V.</li>
 * <li>{@link #zoomed}: the lowest to the highest cell with a margin, at least 20 mV tall, ticks of
 * 1, 2 or 5 × 10ⁿ mV: differences of a few mV become visible.</li>
 * </ul>
 */
record VoltageScale(double low, double high, double step, boolean zoomed) {

    static final double LFP_LOW = 2.50;
    static final double LFP_HIGH = 3.70;
    static final double LI_ION_HIGH = 4.30;
    private static final double MIN_ZOOM_SPAN = 0.020;

    /**
     * The fixed range for cells between {@code min} and {@code max} volts; {@code wide} once a cell
     * of this session was above {@value #LFP_HIGH} V.
     */
    static VoltageScale full(double min, double max, boolean wide) {
        double low = LFP_LOW;
        double high = wide || max > LFP_HIGH ? LI_ION_HIGH : LFP_HIGH;
        if (min < low) {
            low = Math.max(0, Math.floor(min * 10 - 1e-9) / 10);
        }
        if (max > high) {
            high = Math.ceil(max * 10 + 1e-9) / 10;
        }
        return new VoltageScale(low, high, high - low > 1.5 ? 0.25 : 0.1, false);
    }

    /** The lowest to the highest cell with a quarter of the spread (or 5 mV) either side, on whole ticks. */
    static VoltageScale zoomed(double min, double max) {
        double spread = max - min;
        double margin = Math.max(spread * 0.25, 0.005);
        double span = Math.max(MIN_ZOOM_SPAN, spread + 2 * margin);
        double step = niceStep(span / 6);
        double centre = (min + max) / 2;
        double low = Math.floor((centre - span / 2) / step + 1e-9) * step;
        double high = Math.ceil((centre + span / 2) / step - 1e-9) * step;
        return new VoltageScale(Math.max(0, low), high, step, true);
    }

    /** 1, 2 or 5 × 10ⁿ volts, at least 1 mV, the smallest not below {@code raw}. */
    static double niceStep(double raw) {
        double mv = Math.max(1, raw * 1000);
        double decade = Math.pow(10, Math.floor(Math.log10(mv)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= mv - 1e-9) {
                return m * decade / 1000;
            }
        }
        return 10 * decade / 1000;
    }

    /** Tick voltages from {@code low} to {@code high} inclusive. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long first = Math.round(Math.ceil(low / step - 1e-6));
        for (long i = first; i * step <= high + step * 1e-6; i++) {
            ticks.add(Math.round(i * step * 1e6) / 1e6);
        }
        return ticks;
    }

    /** A tick's label: "3.30" on the full range, "3.315" (mV resolution) when zoomed. */
    String label(double volts) {
        return zoomed ? String.format(Locale.ROOT, "%.3f", volts) : String.format(Locale.ROOT, "%.2f", volts);
    }

    /** The vertical pixel of {@code volts} in a plot from {@code top} to {@code bottom}, clamped to it. */
    int y(double volts, int top, int bottom) {
        double f = (volts - low) / (high - low);
        f = Math.max(0, Math.min(1, f));
        return (int) Math.round(bottom - f * (bottom - top));
    }

    /** What the axis shows, for the toggle's tooltip and the chart's corner. */
    String describe() {
        return zoomed ? String.format(Locale.ROOT, "zoomed to the spread: %.3f–%.3f V", low, high)
                : String.format(Locale.ROOT, "full range %.2f–%.2f V", low, high);
    }
}
