package org.bmsworkbench.ui.signals.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.bmsworkbench.bms.Sample;

/**
 * The plotted series as CSV: one row per distinct sample time of any series, oldest first,
 * columns {@code time_utc} (ISO-8601), {@code time_s} (seconds since the epoch, µs precision)
 * and one column per series headed {@code key [unit]}; a cell is empty when that series has no
 * sample at that time (keys carried by different messages arrive at different times).
 */
final class TrendCsv {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One plotted series. */
    record Series(String key, String unit, List<Sample> samples) {
    }

    private TrendCsv() {
    }

    /** Writes the series; returns the number of data rows. */
    static int write(List<Series> series, Writer out) throws IOException {
        StringBuilder header = new StringBuilder("time_utc,time_s");
        TreeSet<Long> times = new TreeSet<>();
        for (Series s : series) {
            header.append(',').append(quote(s.unit().isEmpty() ? s.key() : s.key() + " [" + s.unit() + "]"));
            for (Sample p : s.samples()) {
                times.add(p.timeMicros());
            }
        }
        out.write(header.append("\r\n").toString());
        int[] cursor = new int[series.size()];
        StringBuilder row = new StringBuilder();
        for (long t : times) {
            row.setLength(0);
            row.append(ISO.format(Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000), Math.floorMod(t, 1_000_000) * 1000L)));
            row.append(',').append(BigDecimal.valueOf(t, 6).toPlainString());
            for (int i = 0; i < series.size(); i++) {
                List<Sample> samples = series.get(i).samples();
                // samples are oldest first; several samples at one time keep the last
                String cell = "";
                while (cursor[i] < samples.size() && samples.get(cursor[i]).timeMicros() <= t) {
                    if (samples.get(cursor[i]).timeMicros() == t) {
                        cell = plain(samples.get(cursor[i]).value());
                    }
                    cursor[i]++;
                }
                row.append(',').append(cell);
            }
            out.write(row.append("\r\n").toString());
        }
        out.flush();
        return times.size();
    }

    private static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** RFC 4180 quoting when needed (°C and brackets are fine unquoted). */
    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
