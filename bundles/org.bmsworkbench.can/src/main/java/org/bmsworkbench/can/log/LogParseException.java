package org.bmsworkbench.can.log;

/**
 * A part of a log that could not be read; the message names the source, where (the line number
 * in a text log, the byte offset in a binary one) and the fault.
 */
public class LogParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final long line;
    private final long byteOffset;
    private final String reason;

    public LogParseException(String source, long line, String reason) {
        this(source, line, -1, reason, source + ":" + line + ": " + reason);
    }

    private LogParseException(String source, long line, long byteOffset, String reason, String message) {
        super(message);
        this.source = source;
        this.line = line;
        this.byteOffset = byteOffset;
        this.reason = reason;
    }

    /** A fault in a binary log at byte {@code offset} of the file: {@code x.blf: byte 1234: reason}. */
    public static LogParseException atByte(String source, long offset, String reason) {
        return new LogParseException(source, 0, offset, reason, source + ": byte " + offset + ": " + reason);
    }

    /** The file name, or {@code <stdin>}. */
    public String source() { return source; }

    /** 1-based line number; 0 for a fault in a binary log. */
    public long line() { return line; }

    /** Byte offset in a binary log; -1 for a fault on a line of a text log. */
    public long byteOffset() { return byteOffset; }

    /** What was wrong, without the location. */
    public String reason() { return reason; }
}
