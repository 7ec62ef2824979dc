package org.bmsworkbench.cli.internal.decode;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

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
    public void message(DecodedMessage m, TextBuffer out) {
        columns(m.frame(), m.message(), out);
        boolean first = true;
        if (m.pgn() != null) {
            pair("pgn", out, first).append(m.pgn().longValue());
            first = false;
        }
        if (m.source() != null) {
            pair("source", out, first).append(m.source().longValue());
            first = false;
        }
        if (m.instance() != null) {
            pair("instance", out, first).append(m.instance().longValue());
            first = false;
        }
        if (m.destination() != null) {
            pair("destination", out, first).append(m.destination().longValue());
            first = false;
        }
        if (m.register() != null) {
            pair("register", out, first).append("0x").appendHex(m.register(), OutputFormat.registerDigits(m));
            first = false;
        }
        if (m.dataId() != null) {
            pair("data_id", out, first).append("0x").appendHex(m.dataId(), 2);
            first = false;
        }
        if (m.code() != null) {
            pair("code", out, first).append("0x").appendHex(m.code(), 4);
            first = false;
        }
        for (Map.Entry<String, Object> e : m.signals().entrySet()) {
            pair(e.getKey(), out, first);
            first = false;
            Object v = e.getValue();
            if (v == null) {
                out.append("n/a");
                continue;
            }
            if (v instanceof String s) {
                out.appendJsonString(s);
            } else {
                OutputFormat.appendValue(v, out);
            }
            String unit = units.get(e.getKey());
            if (unit != null && !unit.isEmpty()) {
                out.append(' ').append(unit);
            }
        }
        out.append('\n');
    }

    @Override
    public void unknown(CanFrame frame, TextBuffer out) {
        columns(frame, "unknown", out);
        OutputFormat.appendData(frame, out.append("data="));
        if (frame.fd()) {
            out.append(" fd=true");
        }
        out.append('\n');
    }

    @Override
    public void errorFrame(CanFrame frame, TextBuffer out) {
        columns(frame, "error_frame", out);
        OutputFormat.appendData(frame, out.append("data=")).append('\n');
    }

    @Override
    public void remoteRequest(CanFrame frame, TextBuffer out) {
        columns(frame, "remote_request", out);
        out.append("dlc=").append(frame.dlc()).append('\n');
    }

    private static TextBuffer pair(String key, TextBuffer out, boolean first) {
        if (!first) {
            out.append(GAP);
        }
        return out.append(key).append('=');
    }

    private void columns(CanFrame frame, String message, TextBuffer out) {
        if (frame.hasTimestamp()) {
            appendIsoTime(frame.timestampMicros(), out);
        } else {
            out.appendPadded("-", TIME_WIDTH);
        }
        out.append(GAP).appendPadded(frame.bus(), BUS_WIDTH).append(GAP);
        int before = out.size();
        if (frame.chunk()) {
            out.append(frame.direction() == Direction.TX ? "tx" : "rx"); // bytes of a serial line: no id
        } else {
            OutputFormat.appendId(frame, out.append("0x"));
        }
        for (int i = out.size() - before; i < ID_WIDTH; i++) {
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
