package org.bmsworkbench.service.unlock.internal.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The window of the report's plots, from snapshot.json's members as the service.unlock README lists
 * them ({@code frames} {window_s, last}, {@code history} {key: [[seconds, value], …]}, {@code
 * created}): ten minutes up to the newest frame, "the plot's window stays ten minutes".
 */
class RecentPlotsTest {
    private static final double END = 1_796_599_800.0; // 2026-12-06T23:30:00Z

    @Test
    void theWindowEndsAtTheNewestFrame() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("frames", Map.of("window_s", 600L, "last", "2026-12-06T23:30:00Z"));
        d.put("history", Map.of("pack.voltage", List.of(List.of(END + 90, 53.0))));
        assertArrayEquals(new double[] {END - 600, END}, new RecentPlots(d).window(), 1e-9);
    }

    @Test
    void withoutTheNewestFrameItEndsAtTheNewestSampleElseAtTheSnapshot() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("created", "2026-12-06T23:31:00Z");
        d.put("frames", Map.of("window_s", 300L));
        d.put("history", Map.of("pack.voltage", List.of(List.of(END - 30, 52.0), List.of(END - 10, 53.0)),
                "soc", List.of(List.of(END - 20, 80L), List.of("not a time", 81L), "not a pair")));
        assertArrayEquals(new double[] {END - 310, END - 10}, new RecentPlots(d).window(), 1e-9);

        d.remove("history");
        assertArrayEquals(new double[] {END + 60 - 300, END + 60}, new RecentPlots(d).window(), 1e-9);
    }

    @Test
    void aMissingOrNonPositiveSpanIsTenMinutes() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("frames", Map.of("window_s", 0L, "last", "2026-12-06T23:30:00Z"));
        assertEquals(600, span(new RecentPlots(d).window()), 1e-9);
        d.put("frames", Map.of("last", "2026-12-06T23:30:00Z"));
        assertEquals(600, span(new RecentPlots(d).window()), 1e-9);
    }

    @Test
    void historySamplesThatAreNotTimeValuePairsAreSkipped() {
        List<SvgPlot.Point> points = RecentPlots.points(List.of(List.of(END, 53.0), List.of(END), List.of("x", 1.0),
                List.of(END + 1, 54L), Map.of("t", END)));
        assertEquals(List.of(new SvgPlot.Point(END, 53.0), new SvgPlot.Point(END + 1, 54.0)), points);
        assertTrue(RecentPlots.points("not a list").isEmpty());
    }

    private static double span(double[] w) {
        return w[1] - w[0];
    }
}
