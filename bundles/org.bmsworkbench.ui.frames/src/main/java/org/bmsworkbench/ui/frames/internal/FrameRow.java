package org.bmsworkbench.ui.frames.internal;

import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * One frame as a row of the view shows it, with the message it completed when the session
 * decoded it. Built by {@link FrameStore} for the rows the table asks for.
 */
final class FrameRow implements FrameFilter.Facts {
    final CanFrame frame;
    private volatile String protocol;
    private volatile String message;
    private volatile Integer register;
    private volatile Integer code;

    FrameRow(CanFrame frame) {
        this.frame = frame;
    }

    FrameRow(CanFrame frame, String protocol, String message, Integer register, Integer code) {
        this.frame = frame;
        this.protocol = protocol;
        this.message = message;
        this.register = register;
        this.code = code;
    }

    void decoded(DecodedMessage m) {
        register = m.register();
        code = m.code();
        message = m.message();
        protocol = m.protocol();
    }

    @Override
    public int id() {
        return frame.id();
    }

    @Override
    public boolean extended() {
        return frame.extended();
    }

    @Override
    public boolean error() {
        return frame.error();
    }

    @Override
    public boolean chunk() {
        return frame.chunk();
    }

    @Override
    public boolean tx() {
        return frame.direction() == Direction.TX;
    }

    /** The protocol id that decoded this frame, or null. */
    @Override
    public String protocol() {
        return protocol;
    }

    /** The message name, or null. */
    String message() {
        return message;
    }

    /** The message as the table shows it: its name, and for a register protocol the register and ACK code. */
    String messageText() {
        String m = message;
        if (m == null) {
            return "";
        }
        Integer r = register;
        Integer c = code;
        return m + (r == null ? "" : String.format(" 0x%04X", r)) + (c == null ? "" : String.format(" code 0x%04X", c));
    }
}
