package org.bmsworkbench.service.unlock.internal.report;

import static org.bmsworkbench.service.unlock.internal.report.ReportPage.list;
import static org.bmsworkbench.service.unlock.internal.report.ReportPage.map;
import static org.bmsworkbench.service.unlock.internal.report.ReportPage.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's plots of the last ten minutes ({@link SvgPlot}): pack voltage, pack current, SOC,
 * temperatures and the lowest and highest cell voltage, from the document's {@code history} (what
 * the session's model decoded), over one window that ends at the newest frame.
 */
final class RecentPlots {
    private static final double DEFAULT_WINDOW_S = 600;

    private final Map<String, Object> doc;

    /** @param doc the snapshot document (the maps of {@code snapshot.json}) */
    RecentPlots(Map<String, Object> doc) {
        this.doc = doc;
    }

    /**
     * The window of the plots, {@code {from, to}} in seconds since the epoch: ten minutes (the
     * document's {@code frames.window_s}) up to the newest frame ({@code frames.last}); without
     * it, up to the newest sample of the history, else the snapshot's time.
     */
    double[] window() {
        Map<String, Object> frames = map(doc.get("frames"));
        double span = frames.get("window_s") instanceof Number n && n.doubleValue() > 0 ? n.doubleValue()
                : DEFAULT_WINDOW_S;
        Instant end = Html.parse(frames.get("last"));
        double to;
        if (end != null) {
            to = end.toEpochMilli() / 1000.0;
        } else {
            double newest = Double.NEGATIVE_INFINITY;
            for (Object samples : map(doc.get("history")).values()) {
                for (SvgPlot.Point p : points(samples)) {
                    newest = Math.max(newest, p.time());
                }
            }
            Instant created = Html.parse(doc.get("created"));
            to = newest > Double.NEGATIVE_INFINITY ? newest : created == null ? span : created.toEpochMilli() / 1000.0;
        }
        return new double[] {to - span, to};
    }

    /** The section: its window in words, then one figure a plot. */
    void appendTo(StringBuilder b) {
        double[] w = window();
        b.append("<section id=\"plots\">\n<h2>The last ten minutes</h2>\n<p class=\"note\">")
                .append(Html.text(Html.DATE_TIME.format(Instant.ofEpochMilli(Math.round(w[0] * 1000))))).append(" to ")
                .append(Html.text(Html.CLOCK.format(Instant.ofEpochMilli(Math.round(w[1] * 1000)))))
                .append(" UTC, the values the workbench decoded from the bus (the frames are in frames.log).</p>\n");
        plot(b, "Pack voltage", "V", w, null, "pack.voltage");
        plot(b, "Pack current", "A", w, null, "pack.current");
        plot(b, "State of charge", "%", w, new double[] {0, 100}, hasHistory("soc") ? "soc" : "soc.precise");
        plot(b, "Temperatures", "°C", w, null, "pack.temperature", "cell.temperature.min", "cell.temperature.max");
        plot(b, "Cell voltage, lowest and highest", "V", w, null, "cell.voltage.min", "cell.voltage.max");
        b.append("</section>\n");
    }

    private boolean hasHistory(String key) {
        return map(doc.get("history")).containsKey(key);
    }

    private void plot(StringBuilder b, String title, String defaultUnit, double[] w, double[] range, String... keys) {
        Map<String, Object> history = map(doc.get("history"));
        Map<String, Object> signals = map(doc.get("signals"));
        String unit = defaultUnit;
        for (String k : keys) {
            unit = str(map(signals.get(k)).get("unit"), unit);
        }
        SvgPlot plot = new SvgPlot(title, unit, w[0], w[1]);
        if (range != null) {
            plot.range(range[0], range[1]);
        }
        for (String k : keys) {
            plot.series(k, points(history.get(k)));
        }
        b.append("<figure>\n<figcaption>").append(Html.text(title)).append(" (").append(Html.text(unit))
                .append(")</figcaption>\n").append(plot.svg()).append("\n</figure>\n");
    }

    /** {@code [[seconds, value], …]} of the document's history; anything else is skipped. */
    static List<SvgPlot.Point> points(Object samples) {
        List<SvgPlot.Point> points = new ArrayList<>();
        for (Object s : list(samples)) {
            List<Object> pair = list(s);
            if (pair.size() == 2 && pair.get(0) instanceof Number t && pair.get(1) instanceof Number v) {
                points.add(new SvgPlot.Point(t.doubleValue(), v.doubleValue()));
            }
        }
        return points;
    }
}
