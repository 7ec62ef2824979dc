package org.bmsworkbench.ui.frames.internal;

import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;

/**
 * One frame as the view keeps it, with the message it completed once the session decoded it
 * (set from the transport thread, read on the UI thread).
 */
final class FrameRow {
    final CanFrame frame;
    private volatile String protocol;
    private volatile String message;
    private volatile Integer register;
    private volatile Integer code;

    FrameRow(CanFrame frame) {
        this.frame = frame;
    }

    void decoded(DecodedMessage m) {
        register = m.register();
        code = m.code();
        message = m.message();
        protocol = m.protocol();
    }

    /** The protocol id that decoded this frame, or null. */
    String protocol() {
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
