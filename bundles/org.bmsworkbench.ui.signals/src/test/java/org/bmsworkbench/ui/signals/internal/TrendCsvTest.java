package org.bmsworkbench.ui.signals.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.bmsworkbench.bms.Sample;
import org.junit.jupiter.api.Test;

class TrendCsvTest {

    @Test
    void oneRowPerTimeWithEmptyCellsWhereASeriesHasNoSample() throws IOException {
        TrendCsv.Series v = new TrendCsv.Series("pack.voltage", "V",
                List.of(new Sample(1_600_000_000_000_000L, 53.12), new Sample(1_600_000_000_500_000L, 53.1)));
        TrendCsv.Series t = new TrendCsv.Series("pack.temperature", "°C",
                List.of(new Sample(1_600_000_000_250_000L, 21.5), new Sample(1_600_000_000_500_000L, 21.0)));
        TrendCsv.Series n = new TrendCsv.Series("odd,key", "", List.of());
        StringWriter out = new StringWriter();
        assertEquals(3, TrendCsv.write(List.of(v, t, n), out));
        assertEquals("""
                time_utc,time_s,pack.voltage [V],pack.temperature [°C],"odd,key"\r
                2020-09-13T12:26:40.000000Z,1600000000.000000,53.12,,\r
                2020-09-13T12:26:40.250000Z,1600000000.250000,,21.5,\r
                2020-09-13T12:26:40.500000Z,1600000000.500000,53.1,21,\r
                """, out.toString());
    }

    @Test
    void nothingPlottedIsAHeaderOnly() throws IOException {
        StringWriter out = new StringWriter();
        assertEquals(0, TrendCsv.write(List.of(), out));
        assertEquals("time_utc,time_s\r\n", out.toString());
    }
}
