package org.bmsworkbench.cli.internal.decode;

import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;

/**
 * One JSON object a line, exactly as {@code SIGNALS.md} shows: keys {@code time}, {@code bus},
 * {@code protocol}, {@code can_id}, then {@code pgn}, {@code source}, {@code destination},
 * {@code register}, {@code code} when present, {@code message}, {@code signals}. A frame no
 * protocol decodes is {@code "protocol":null ... "message":"unknown","signals":{},"data":"HEX"}.
 */
public final class JsonlFormat implements OutputFormat {

    @Override
    public void message(DecodedMessage m, TextBuffer out) {
        CanFrame frame = m.frame();
        head(frame, m.protocol(), out);
        if (m.pgn() != null) {
            out.append(",\"pgn\":").append(m.pgn().longValue());
        }
        if (m.source() != null) {
            out.append(",\"source\":").append(m.source().longValue());
        }
        if (m.destination() != null) {
            out.append(",\"destination\":").append(m.destination().longValue());
        }
        if (m.register() != null) {
            out.append(",\"register\":\"0x").appendHex(m.register(), 4).append('"');
        }
        if (m.code() != null) {
            out.append(",\"code\":\"0x").appendHex(m.code(), 4).append('"');
        }
        out.append(",\"message\":").appendJsonString(m.message());
        out.append(",\"signals\":{");
        boolean first = true;
        for (Map.Entry<String, Object> e : m.signals().entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.appendJsonString(e.getKey()).append(':');
            appendValue(e.getValue(), out);
        }
        out.append("}}\n");
    }

    @Override
    public void unknown(CanFrame frame, TextBuffer out) {
        head(frame, null, out);
        out.append(",\"message\":\"unknown\",\"signals\":{},\"data\":\"");
        for (int i = 0; i < frame.length(); i++) {
            out.appendHex(frame.u8(i), 2);
        }
        out.append("\"}\n");
    }

    private static void head(CanFrame frame, String protocol, TextBuffer out) {
        out.append("{\"time\":");
        if (frame.hasTimestamp()) {
            out.appendSeconds(frame.timestampMicros());
        } else {
            out.append("null");
        }
        out.append(",\"bus\":").appendJsonString(frame.bus());
        out.append(",\"protocol\":");
        if (protocol == null) {
            out.append("null");
        } else {
            out.appendJsonString(protocol);
        }
        out.append(",\"can_id\":\"0x").appendHex(frame.id(), frame.extended() ? 8 : 3).append('"');
    }

    /** A signal value as JSON: numbers plain, text escaped, booleans, null. */
    static void appendValue(Object value, TextBuffer out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Double d) {
            if (Double.isFinite(d)) {
                out.append(d.doubleValue());
            } else {
                out.append("null");
            }
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Float f) {
            if (Float.isFinite(f)) {
                out.append(Double.parseDouble(f.toString()));
            } else {
                out.append("null");
            }
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof java.math.BigDecimal bd) {
            out.append(bd.toPlainString());
        } else if (value instanceof Number n) {
            out.append(n.toString());
        } else {
            out.appendJsonString(value.toString());
        }
    }
}
