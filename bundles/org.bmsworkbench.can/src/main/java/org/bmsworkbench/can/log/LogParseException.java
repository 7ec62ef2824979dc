package org.bmsworkbench.can.log;

/** A log line that could not be read; the message names the source, the line number and the fault. */
public class LogParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final long line;
    private final String reason;

    public LogParseException(String source, long line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** The file name, or {@code <stdin>}. */
    public String source() { return source; }

    /** 1-based line number. */
    public long line() { return line; }

    /** What was wrong, without the location. */
    public String reason() { return reason; }
}
