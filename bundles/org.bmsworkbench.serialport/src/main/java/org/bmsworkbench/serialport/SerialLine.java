package org.bmsworkbench.serialport;

import java.io.IOException;

/** An open serial port, as a channel uses it. */
public interface SerialLine {
    /**
     * Reads what has arrived, waiting at most about 100 ms for the first byte.
     *
     * @return the number of bytes read, 0 when nothing came
     * @throws IOException when the port is gone (unplugged, the pty's other end closed)
     */
    int read(byte[] buffer) throws IOException;

    /** Writes all of it, or throws when the port is gone. */
    void write(byte[] data, int length) throws IOException;

    /** Releases the port; never throws. */
    void close();
}
