package org.bmsworkbench.service.unlock;

/** A snapshot that cannot be written, opened or trusted; the message is one line naming the file and the fault. */
public class SnapshotException extends Exception {
    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
