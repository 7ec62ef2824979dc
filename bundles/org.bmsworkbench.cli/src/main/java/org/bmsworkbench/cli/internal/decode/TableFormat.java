package org.bmsworkbench.cli.internal.decode;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.bmsworkbench.bms.MessageSink;

/**
 * Human-readable lines for a terminal: columns TIME (ISO-8601 UTC with milliseconds), BUS, ID (for
 * bytes of a serial line {@code rx} or {@code tx}),
 * MESSAGE, then {@code key=value unit} pairs ({@code data=HEX} for an unknown or error frame,
 * {@code dlc=N} for a remote request under {@code --all}). Text values are quoted, a not-available value
 * is {@code n/a}. Columns have fixed widths so that the output can stream; a longer value
 * pushes the rest of its line to the right.
 */
public final class TableFormat implements OutputFormat {
    private static final int TIME_WIDTH = 24;
    private static final int BUS_WIDTH = 6;
    private static final int ID_WIDTH = 10;
    private static final int MESSAGE_WIDTH = 24;
    private static final String GAP = "  ";

    private final Map<String, String> units;
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix = "";

    public TableFormat(Map<String, String> units) {
        this.units = Map.copyOf(units);
    }

    /** A record is written the same whatever came before it. */
    @Override
    public OutputFormat forAnotherThread() {
        return new TableFormat(units);
    }

    @Override
    public void begin(TextBuffer out) {
        out.appendPadded("TIME", TIME_WIDTH).append(GAP).appendPadded("BUS", BUS_WIDTH).append(GAP)
                .appendPadded("ID", ID_WIDTH).append(GAP).appendPadded("MESSAGE", MESSAGE_WIDTH).append(GAP)
                .append("SIGNALS\n");
    }

    @Override
    public void message(Records r, int i, TextBuffer out) {
        columns(r, i, r.message(i), out);
        boolean first = true;
        if (r.pgn(i) != MessageSink.NONE) {
            pair("pgn", out, first).append(r.pgn(i));
            first = false;
        }
        if (r.source(i) != MessageSink.NONE) {
            pair("source", out, first).append(r.source(i));
            first = false;
        }
        if (r.instance(i) != MessageSink.NONE) {
            pair("instance", out, first).append(r.instance(i));
            first = false;
        }
        if (r.destination(i) != MessageSink.NONE) {
            pair("destination", out, first).append(r.destination(i));
            first = false;
        }
        if (r.register(i) != MessageSink.NONE) {
            pair("register", out, first).append("0x").appendHex(r.register(i), r.registerDigits(i));
            first = false;
        }
        if (r.dataId(i) != MessageSink.NONE) {
            pair("data_id", out, first).append("0x").appendHex(r.dataId(i), 2);
            first = false;
        }
        if (r.code(i) != MessageSink.NONE) {
            pair("code", out, first).append("0x").appendHex(r.code(i), 4);
            first = false;
        }
        for (int j = r.signalStart(i); j < r.signalEnd(i); j++) {
            String key = r.key(j);
            pair(key, out, first);
            first = false;
            if (r.isDouble(j)) {
                OutputFormat.appendNumber(r.doubleValue(j), out);
            } else {
                Object v = r.value(j);
                if (v == null) {
                    out.append("n/a");
                    continue;
                }
                if (v instanceof String s) {
                    out.appendJsonString(s);
                } else {
                    OutputFormat.appendValue(v, out);
                }
            }
            String unit = units.get(key);
            if (unit != null && !unit.isEmpty()) {
                out.append(' ').append(unit);
            }
        }
        out.append('\n');
    }

    @Override
    public void unknown(Records r, int i, TextBuffer out) {
        columns(r, i, "unknown", out);
        r.appendData(i, out.append("data="));
        if (r.fd(i)) {
            out.append(" fd=true");
        }
        out.append('\n');
    }

    @Override
    public void errorFrame(Records r, int i, TextBuffer out) {
        columns(r, i, "error_frame", out);
        r.appendData(i, out.append("data=")).append('\n');
    }

    @Override
    public void remoteRequest(Records r, int i, TextBuffer out) {
        columns(r, i, "remote_request", out);
        out.append("dlc=").append(r.dlc(i)).append('\n');
    }

    private static TextBuffer pair(String key, TextBuffer out, boolean first) {
        if (!first) {
            out.append(GAP);
        }
        return out.append(key).append('=');
    }

    private void columns(Records r, int i, String message, TextBuffer out) {
        if (r.hasTimestamp(i)) {
            appendIsoTime(r.timestampMicros(i), out);
        } else {
            out.appendPadded("-", TIME_WIDTH);
        }
        out.append(GAP).appendPadded(r.bus(i), BUS_WIDTH).append(GAP);
        int before = out.size();
        if (r.chunk(i)) {
            out.append(r.tx(i) ? "tx" : "rx"); // bytes of a serial line: no id
        } else {
            r.appendId(i, out.append("0x"));
        }
        for (int n = out.size() - before; n < ID_WIDTH; n++) {
            out.append(' ');
        }
        out.append(GAP).appendPadded(message, MESSAGE_WIDTH).append(GAP);
    }

    /** {@code 2020-09-13T12:26:40.500Z}; the date and time of day are computed once per second. */
    private void appendIsoTime(long micros, TextBuffer out) {
        long second = Math.floorDiv(micros, 1_000_000L);
        if (second != cachedSecond) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            cachedPrefix = String.format("%04d-%02d-%02dT%02d:%02d:%02d.", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
            cachedSecond = second;
        }
        out.append(cachedPrefix);
        long millis = Math.floorMod(micros, 1_000_000L) / 1000;
        out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10)).append('Z');
    }
}
