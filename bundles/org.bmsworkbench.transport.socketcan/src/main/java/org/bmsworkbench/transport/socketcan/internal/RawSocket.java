package org.bmsworkbench.transport.socketcan.internal;

import java.io.IOException;
import org.bmsworkbench.can.CanFrame;

/** A raw CAN socket bound to one interface (JavaCAN in the product, a fake in tests). */
interface RawSocket extends AutoCloseable {
    /** Opens a socket on an interface. */
    @FunctionalInterface
    interface Opener {
        RawSocket open(String interfaceName) throws IOException;
    }

    /**
     * The next frame, or null when none came within the socket's receive timeout (so that the
     * reader can look at its closed flag: closing a socket does not wake a blocked read on Linux).
     *
     * @throws IOException when the interface went down or away
     */
    CanFrame receive() throws IOException;

    void send(CanFrame frame) throws IOException;

    /** Frames the kernel dropped since the last call because the socket's queue was full. */
    int takeDropped();

    @Override
    void close();
}
