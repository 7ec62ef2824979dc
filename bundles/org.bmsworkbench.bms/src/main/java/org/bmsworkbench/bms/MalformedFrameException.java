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
    private final byte[] skipped;

    public MalformedFrameException(String message) {
        this(message, List.of(), null);
    }

    /**
     * A fault found in a {@linkplain org.bmsworkbench.can.CanFrame#chunk() chunk} that also
     * completed messages: {@code decoded} holds them, in order, and the caller keeps them.
     */
    public MalformedFrameException(String message, List<DecodedMessage> decoded) {
        this(message, decoded, null);
    }

    /**
     * As {@link #MalformedFrameException(String, List)}, naming the bytes a stream protocol skipped
     * (what {@code bmswb decode --all} prints as {@code "message":"unknown"} with their {@code data}).
     */
    public MalformedFrameException(String message, List<DecodedMessage> decoded, byte[] skipped) {
        super(message);
        this.decoded = List.copyOf(decoded);
        this.skipped = skipped == null ? null : skipped.clone();
    }

    /** The messages the same frame or chunk completed besides the fault; usually empty. */
    public List<DecodedMessage> decoded() {
        return decoded == null ? List.of() : decoded;
    }

    /** The bytes of a chunk a stream protocol skipped, in order; empty when it did not say (or for a CAN frame). */
    public byte[] skipped() {
        return skipped == null ? new byte[0] : skipped.clone();
    }
}
