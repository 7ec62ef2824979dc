package org.bmsworkbench.cli.internal.decode;

import java.util.Map;

/**
 * One row per signal under the header {@code time,bus,protocol,can_id,message,key,value,unit}.
 * Fields are quoted as RFC 4180 says (when they hold a comma, quote or line break; quotes
 * doubled); lines end with {@code \n}. A null value is an empty field. A message without
 * signals (a VREG ACK) is one row with empty key, value and unit, so that it is not lost. Under
 * {@code --all}, a frame without a message is one row whose message is {@code unknown},
 * {@code error_frame} (the id is the error class, {@code 0x20000080}) or {@code remote_request},
 * with key {@code data} and the bytes as hex (unknown, error frame) or key {@code dlc} and the
 * DLC asked for (remote request). The unit comes from the signal catalogue. Bytes of a serial line
 * have an empty {@code can_id}.
 */
public final class CsvFormat implements OutputFormat {
    private final Map<String, String> units;

    public CsvFormat(Map<String, String> units) {
        this.units = Map.copyOf(units);
    }

    /** A record is written the same whatever came before it. */
    @Override
    public OutputFormat forAnotherThread() {
        return new CsvFormat(units);
    }

    @Override
    public void begin(TextBuffer out) {
        out.append("time,bus,protocol,can_id,message,key,value,unit\n");
    }

    @Override
    public void message(Records r, int i, TextBuffer out) {
        int from = r.signalStart(i);
        int to = r.signalEnd(i);
        if (from == to) {
            prefix(r, i, r.protocol(i), r.message(i), out);
            out.append(",,\n");
            return;
        }
        for (int j = from; j < to; j++) {
            prefix(r, i, r.protocol(i), r.message(i), out);
            String key = r.key(j);
            field(key, out);
            out.append(',');
            if (r.isDouble(j)) {
                OutputFormat.appendNumber(r.doubleValue(j), out);
            } else {
                Object v = r.value(j);
                if (v instanceof String s) {
                    field(s, out);
                } else if (v != null) {
                    OutputFormat.appendValue(v, out);
                }
            }
            out.append(',');
            field(units.getOrDefault(key, ""), out);
            out.append('\n');
        }
    }

    @Override
    public void unknown(Records r, int i, TextBuffer out) {
        prefix(r, i, "", "unknown", out);
        r.appendData(i, out.append("data,")).append(",\n");
    }

    @Override
    public void errorFrame(Records r, int i, TextBuffer out) {
        prefix(r, i, "", "error_frame", out);
        r.appendData(i, out.append("data,")).append(",\n");
    }

    @Override
    public void remoteRequest(Records r, int i, TextBuffer out) {
        prefix(r, i, "", "remote_request", out);
        out.append("dlc,").append(r.dlc(i)).append(",\n");
    }

    private static void prefix(Records r, int i, String protocol, String message, TextBuffer out) {
        if (r.hasTimestamp(i)) {
            out.appendSeconds(r.timestampMicros(i));
        }
        out.append(',');
        field(r.bus(i), out);
        out.append(',');
        field(protocol, out);
        if (r.chunk(i)) {
            out.append(",,"); // bytes of a serial line: no CAN id
        } else {
            r.appendId(i, out.append(",0x")).append(',');
        }
        field(message, out);
        out.append(',');
    }

    /** A field, quoted only when it must be. */
    static void field(String s, TextBuffer out) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(s);
            return;
        }
        out.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
}
