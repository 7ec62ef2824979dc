package org.bmsworkbench.ui.cells.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lowest, highest, mean and spread (highest − lowest, in mV) of the cells that have a voltage;
 * missing cells are counted, never taken as 0 V. The lowest and highest cells are every cell at
 * that voltage, and none when all cells are equal (nothing stands out).
 *
 * @param present  cells with a voltage
 * @param slots    cells in the pack (present + missing)
 * @param missing  numbers of the cells without a voltage
 * @param lowestCells  numbers of the cells at {@code min}, empty when the spread is 0
 * @param highestCells numbers of the cells at {@code max}, empty when the spread is 0
 * @param balancing    numbers of the cells being balanced
 */
record CellStatistics(int present, int slots, double min, double max, double mean, List<Integer> missing,
        List<Integer> lowestCells, List<Integer> highestCells, List<Integer> balancing) {

    /** Half a microvolt: voltages arrive as mV or 0.1 mV, so closer ones are the same reading. */
    private static final double SAME = 5e-7;

    static CellStatistics of(List<CellReading.Cell> cells) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int present = 0;
        List<Integer> missing = new ArrayList<>();
        List<Integer> balancing = new ArrayList<>();
        for (CellReading.Cell c : cells) {
            if (c.balancing()) {
                balancing.add(c.number());
            }
            if (!c.present()) {
                missing.add(c.number());
                continue;
            }
            double v = c.volts();
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            present++;
        }
        List<Integer> low = new ArrayList<>();
        List<Integer> high = new ArrayList<>();
        if (present > 0 && max - min > SAME) {
            for (CellReading.Cell c : cells) {
                if (c.present() && c.volts() - min <= SAME) {
                    low.add(c.number());
                }
                if (c.present() && max - c.volts() <= SAME) {
                    high.add(c.number());
                }
            }
        }
        return present == 0
                ? new CellStatistics(0, cells.size(), Double.NaN, Double.NaN, Double.NaN, List.copyOf(missing), List.of(),
                        List.of(), List.copyOf(balancing))
                : new CellStatistics(present, cells.size(), min, max, sum / present, List.copyOf(missing), List.copyOf(low),
                        List.copyOf(high), List.copyOf(balancing));
    }

    /** Highest − lowest in millivolts, rounded to 0.1 mV; NaN without cells. */
    double spreadMillivolts() {
        return present == 0 ? Double.NaN : Math.round((max - min) * 10_000) / 10.0;
    }

    boolean isLowest(int cell) {
        return lowestCells.contains(cell);
    }

    boolean isHighest(int cell) {
        return highestCells.contains(cell);
    }

    /** "3.281 V" — volts with 3 decimals (mV), the resolution cell-level BMSes report. */
    static String volts(double v) {
        return String.format(Locale.ROOT, "%.3f V", v);
    }

    /** "61 mV", "0.5 mV" — whole millivolts unless the spread is below 10 mV. */
    static String millivolts(double mv) {
        return Math.abs(mv) < 10 && mv != Math.rint(mv) ? String.format(Locale.ROOT, "%.1f mV", mv)
                : String.format(Locale.ROOT, "%.0f mV", mv);
    }

    /** "7", "3, 9", "2, 4, 6 +3": cell numbers, at most three. */
    static String cells(List<Integer> numbers) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(3, numbers.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(numbers.get(i));
        }
        if (numbers.size() > 3) {
            b.append(" +").append(numbers.size() - 3);
        }
        return b.toString();
    }

    /**
     * The line above the chart: "16 cells · lowest 3.281 V (cell 7) · highest 3.342 V (cell 3) ·
     * mean 3.318 V · spread 61 mV · balancing cell 3", with the missing cells when there are any.
     */
    String summary() {
        if (present == 0) {
            return slots + " cells, none reported a voltage yet";
        }
        StringBuilder b = new StringBuilder();
        b.append(present == slots ? slots + " cells" : present + " of " + slots + " cells (missing " + cells(missing) + ")");
        b.append("  ·  lowest ").append(volts(min));
        if (!lowestCells.isEmpty()) {
            b.append(" (cell ").append(cells(lowestCells)).append(')');
        }
        b.append("  ·  highest ").append(volts(max));
        if (!highestCells.isEmpty()) {
            b.append(" (cell ").append(cells(highestCells)).append(')');
        }
        b.append("  ·  mean ").append(volts(mean));
        b.append("  ·  spread ").append(millivolts(spreadMillivolts()));
        b.append("  ·  ").append(balancing.isEmpty() ? "no cell balancing"
                : "balancing " + (balancing.size() == 1 ? "cell " : "cells ") + cells(balancing));
        return b.toString();
    }
}
