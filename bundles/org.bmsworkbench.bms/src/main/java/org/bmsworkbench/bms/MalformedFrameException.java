package org.bmsworkbench.bms;

/**
 * A frame with a protocol's identifier whose content cannot be decoded (too few bytes, a
 * fast-packet length that cannot be). The message names the frame id and the fault.
 */
public class MalformedFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedFrameException(String message) {
        super(message);
    }
}
