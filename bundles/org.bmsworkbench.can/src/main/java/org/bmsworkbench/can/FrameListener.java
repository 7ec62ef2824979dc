package org.bmsworkbench.can;

/**
 * Receives every frame of a connection, received and sent, on the transport's reader thread.
 * Must return quickly and must not block: decode, count or hand over, nothing more.
 */
@FunctionalInterface
public interface FrameListener {
    void onFrame(CanFrame frame);
}
