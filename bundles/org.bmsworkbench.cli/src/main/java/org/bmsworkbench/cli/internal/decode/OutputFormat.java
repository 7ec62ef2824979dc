package org.bmsworkbench.cli.internal.decode;

import java.math.BigDecimal;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;

/** How {@code bmswb decode} writes messages: {@code jsonl}, {@code csv} or {@code table}. */
public interface OutputFormat {

    /** The format names, as {@code --format} takes them. */
    String[] NAMES = {"table", "jsonl", "csv"};

    /**
     * Another instance that writes every record with the same bytes as this one, for formatting part
     * of the records on another thread; null (the default) when the records of a format depend on
     * the ones before them, so that one instance must write them all.
     */
    default OutputFormat forAnotherThread() {
        return null;
    }

    /** Written once before the first message (a header line), or nothing. */
    default void begin(TextBuffer out) {
    }

    /** One decoded message. */
    void message(DecodedMessage message, TextBuffer out);

    /** A data frame no protocol decodes ({@code --all}). */
    void unknown(CanFrame frame, TextBuffer out);

    /**
     * An error frame ({@code --all}): {@code error_frame}, its id the error class with
     * SocketCAN's {@code CAN_ERR_FLAG} as candump shows it ({@code 0x20000080}), and its data.
     */
    void errorFrame(CanFrame frame, TextBuffer out);

    /** A remote frame ({@code --all}): {@code remote_request} and the DLC it asks for; it has no data. */
    void remoteRequest(CanFrame frame, TextBuffer out);

    /** SocketCAN's flag in the id of an error frame. */
    int CAN_ERR_FLAG = 0x2000_0000;

    /** The id's hex digits as logs show them: 3 for 11-bit, 8 for 29-bit and for an error frame. */
    static TextBuffer appendId(CanFrame frame, TextBuffer out) {
        if (frame.error()) {
            return out.appendHex(frame.id() | CAN_ERR_FLAG, 8);
        }
        return out.appendHex(frame.id(), frame.extended() ? 8 : 3);
    }

    /**
     * The digits of a message's register: 2 for a JBD register (a byte, read over a byte stream),
     * 4 for a VREG register.
     */
    static int registerDigits(DecodedMessage m) {
        return m.register() < 0x100 && (m.frame().chunk() || "jbd".equals(m.protocol())) ? 2 : 4;
    }

    /** The data bytes as contiguous upper-case hex. */
    static TextBuffer appendData(CanFrame frame, TextBuffer out) {
        for (int i = 0; i < frame.length(); i++) {
            out.appendHex(frame.u8(i), 2);
        }
        return out;
    }

    /**
     * A signal value as the text formats show it: numbers plain (doubles never scientific), text
     * quoted and escaped as in JSON, booleans, {@code null} (NaN and infinities too).
     */
    static TextBuffer appendValue(Object value, TextBuffer out) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? out.append(d.doubleValue()) : out.append("null");
        } else if (value == null) {
            return out.append("null");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return out.append(((Number) value).longValue());
        } else if (value instanceof String s) {
            return out.appendJsonString(s);
        } else if (value instanceof Boolean b) {
            return out.append(b ? "true" : "false");
        } else if (value instanceof Float f) {
            return Float.isFinite(f) ? out.append(Double.parseDouble(f.toString())) : out.append("null");
        } else if (value instanceof BigDecimal bd) {
            return out.append(bd.toPlainString());
        } else if (value instanceof Number n) {
            return out.append(n.toString());
        }
        return out.appendJsonString(value.toString());
    }

    /**
     * The format called {@code name}.
     *
     * @param units model key to unit, from the signal catalogue (keys not in it have no unit)
     */
    static OutputFormat named(String name, Map<String, String> units) {
        return switch (name) {
            case "jsonl" -> new JsonlFormat();
            case "csv" -> new CsvFormat(units);
            case "table" -> new TableFormat(units);
            default -> throw new IllegalArgumentException("unknown output format '" + name + "'");
        };
    }
}
