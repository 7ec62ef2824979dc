package org.bmsworkbench.bms;

import java.util.List;

/**
 * A frame with a protocol's identifier whose content cannot be decoded (too few bytes, a
 * fast-packet length that cannot be), or bytes of a stream that a stream protocol skipped (no
 * start byte, a bad checksum). The message names the frame id or the bytes, and the fault.
 */
public class MalformedFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<DecodedMessage> decoded;

    public MalformedFrameException(String message) {
        this(message, List.of());
    }

    /**
     * A fault found in a {@linkplain org.bmsworkbench.can.CanFrame#chunk() chunk} that also
     * completed messages: {@code decoded} holds them, in order, and the caller keeps them.
     */
    public MalformedFrameException(String message, List<DecodedMessage> decoded) {
        super(message);
        this.decoded = List.copyOf(decoded);
    }

    /** The messages the same frame or chunk completed besides the fault; usually empty. */
    public List<DecodedMessage> decoded() {
        return decoded == null ? List.of() : decoded;
    }
}
