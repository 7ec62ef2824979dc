package org.bmsworkbench.can;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to one frame's fields and bytes, as {@link CanFrame} has them: a {@link CanFrame}
 * itself, or a {@link ReusedFrame} that a log reader fills again for every line, so that a decoder
 * reads a million frames without making a million objects. A view of a {@link ReusedFrame} is valid
 * only until its owner's next read: code that keeps a frame keeps {@link #toFrame()}, code that keeps
 * bytes copies them.
 */
@ProviderType
public interface FrameView {
    long timestampMicros();

    String bus();

    int id();

    boolean extended();

    boolean remote();

    boolean error();

    int dlc();

    Direction direction();

    /** A CAN FD frame (up to 64 data bytes). */
    boolean fd();

    /** CAN FD bit rate switch; false for a classic frame. */
    boolean brs();

    /** CAN FD error state indicator; false for a classic frame. */
    boolean esi();

    /** A chunk of a byte stream, not a CAN frame: see {@link CanFrame#chunk()}. */
    boolean chunk();

    /** Number of data bytes actually carried (0 for a remote frame). */
    int length();

    /** Data byte {@code index} as an unsigned value 0..255. */
    int u8(int index);

    /** Copies the data bytes into {@code target} at {@code offset}. */
    void copyData(byte[] target, int offset);

    /** The frame as an immutable {@link CanFrame}: itself when it is one, else a copy. */
    CanFrame toFrame();
}
