package org.bmsworkbench.cli.internal.decode;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How {@code bmswb decode} writes messages: {@code jsonl}, {@code csv} or {@code table}. A format
 * writes a record of {@link Records} (a message, or a frame printed without one), read by index.
 */
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

    /** Record {@code i} of {@code records}, whatever its kind. */
    default void write(Records records, int i, TextBuffer out) {
        switch (records.kind(i)) {
            case Records.MESSAGE -> message(records, i, out);
            case Records.UNKNOWN -> unknown(records, i, out);
            case Records.ERROR_FRAME -> errorFrame(records, i, out);
            default -> remoteRequest(records, i, out);
        }
    }

    /** A decoded message: record {@code i} of {@code records}. */
    void message(Records records, int i, TextBuffer out);

    /** A data frame no protocol decodes ({@code --all}). */
    void unknown(Records records, int i, TextBuffer out);

    /**
     * An error frame ({@code --all}): {@code error_frame}, its id the error class with
     * SocketCAN's {@code CAN_ERR_FLAG} as candump shows it ({@code 0x20000080}), and its data.
     */
    void errorFrame(Records records, int i, TextBuffer out);

    /** A remote frame ({@code --all}): {@code remote_request} and the DLC it asks for; it has no data. */
    void remoteRequest(Records records, int i, TextBuffer out);

    /** SocketCAN's flag in the id of an error frame. */
    int CAN_ERR_FLAG = 0x2000_0000;

    /** A {@code double} signal value: plain (never scientific); NaN and infinities as {@code null}. */
    static TextBuffer appendNumber(double d, TextBuffer out) {
        return Double.isFinite(d) ? out.append(d) : out.append("null");
    }

    /**
     * A signal value as the text formats show it: numbers plain (doubles never scientific), text
     * quoted and escaped as in JSON, booleans, {@code null} (NaN and infinities too).
     */
    static TextBuffer appendValue(Object value, TextBuffer out) {
        if (value instanceof Double d) {
            return appendNumber(d, out);
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
