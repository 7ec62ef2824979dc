package org.bmsworkbench.cli.internal.decode;

import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;

/** How {@code bmswb decode} writes messages: {@code jsonl}, {@code csv} or {@code table}. */
public interface OutputFormat {

    /** The format names, as {@code --format} takes them. */
    String[] NAMES = {"table", "jsonl", "csv"};

    /** Written once before the first message (a header line), or nothing. */
    default void begin(TextBuffer out) {
    }

    /** One decoded message. */
    void message(DecodedMessage message, TextBuffer out);

    /** A frame no protocol decodes ({@code --all}). */
    void unknown(CanFrame frame, TextBuffer out);

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
