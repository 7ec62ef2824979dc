package org.bmsworkbench.service.unlock.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bmsworkbench.service.unlock.internal.report.SvgPlot.Point;
import org.junit.jupiter.api.Test;

/** The report's plots: scaling of a known series onto the plot area, ticks, gaps, thinning, no data. */
class SvgPlotTest {
    // 1970-01-01 00:16:40 to 00:26:40 UTC: ten minutes
    private static final double FROM = 1000;
    private static final double TO = 1600;

    @Test
    void aKnownSeriesIsScaledOntoThePlotArea() {
        String svg = new SvgPlot("Pack voltage", "V", FROM, TO)
                .series("pack.voltage", List.of(new Point(1000, 50), new Point(1300, 52.5), new Point(1600, 55))).svg();
        // x: 70 at the window's start, 980 at its end; y: 214 at the lowest tick (50 V), 34 at the highest (55 V)
        assertTrue(svg.contains("<polyline class=\"series s0\" stroke=\"#1f5fa8\" points=\"70.0,214.0 525.0,124.0 980.0,34.0\"/>"),
                svg);
        for (int v = 50; v <= 55; v++) {
            assertTrue(svg.contains("text-anchor=\"end\">" + v + "</text>"), "tick " + v);
        }
        assertTrue(svg.contains("<text class=\"unit\" x=\"64.0\" y=\"20.0\" text-anchor=\"end\">V</text>"), svg);
        assertEquals(10, count(svg, "text-anchor=\"middle\">00:[12]\\d</text>"), "a tick at every whole minute");
        assertTrue(svg.contains(">00:17</text>") && svg.contains(">00:26</text>"), svg);
        assertTrue(svg.contains("time (UTC), 00:16:40 to 00:26:40"), svg);
        assertFalse(svg.contains(SvgPlot.NO_DATA));
    }

    @Test
    void aFixedRangeAndAZeroLine() {
        String soc = new SvgPlot("SOC", "%", FROM, TO).range(0, 100).series("soc", List.of(new Point(1300, 40))).svg();
        assertTrue(soc.contains(">0</text>") && soc.contains(">100</text>"), soc);
        assertTrue(soc.contains("<circle cx=\"525.0\" cy=\"142.0\""), "40 % of 180 px above 214: " + soc);
        String current = new SvgPlot("Current", "A", FROM, TO)
                .series("pack.current", List.of(new Point(1000, -10), new Point(1600, 10))).svg();
        assertTrue(current.contains("<line class=\"zero\" x1=\"70.0\" y1=\"124.0\""), current);
    }

    @Test
    void noDataInTheWindowIsSaid() {
        String svg = new SvgPlot("Temperatures", "°C", FROM, TO).series("pack.temperature", List.of(new Point(10, 20)))
                .series("cell.temperature.min", List.of()).svg();
        assertTrue(svg.contains(">no data in the last ten minutes</text>"), svg);
        assertTrue(svg.contains(">pack.temperature (no data)</text>"), svg);
        assertFalse(svg.contains("<polyline") || svg.contains("<circle"), svg);
    }

    @Test
    void aGapBreaksTheLineAndThousandsOfSamplesAreThinned() {
        String svg = new SvgPlot("V", "V", FROM, TO)
                .series("v", List.of(new Point(1000, 1), new Point(1010, 2), new Point(1020, 2), new Point(1030, 2),
                        new Point(1240, 3))).svg();
        assertEquals(1, count(svg, "<polyline"));
        assertEquals(1, count(svg, "<circle"), "the sample after 210 s of silence stands alone");
        String sparse = new SvgPlot("V", "V", FROM, TO)
                .series("v", List.of(new Point(1000, 1), new Point(1300, 2), new Point(1600, 3))).svg();
        assertEquals(1, count(sparse, "<polyline"), "a value sent every five minutes is one line");

        List<Point> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(new Point(FROM + i * 0.006, Math.sin(i / 500.0)));
        }
        String thin = new SvgPlot("V", "V", FROM, TO).series("v", many).svg();
        Matcher m = Pattern.compile("points=\"([^\"]*)\"").matcher(thin);
        assertTrue(m.find());
        int points = m.group(1).split(" ").length;
        assertTrue(points <= 2 * 910 && points > 900, "points drawn: " + points);
        assertTrue(thin.contains(",34.0") && thin.contains(",214.0"), "the extremes are kept");
    }

    @Test
    void ticksAreRound() {
        assertEquals(1, SvgPlot.niceStep(0.7), 1e-12);
        assertEquals(0.25, SvgPlot.niceStep(0.23), 1e-12);
        assertEquals(2, SvgPlot.niceStep(1.1), 1e-12);
        assertEquals(5, SvgPlot.niceStep(3), 1e-12);
        assertEquals(0.002, SvgPlot.niceStep(0.002), 1e-12);
        assertEquals("52.5", SvgPlot.label(52.5, 2.5));
        assertEquals("3.30", SvgPlot.label(3.3, 0.05));
        assertEquals("0", SvgPlot.label(-1e-12, 1));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
