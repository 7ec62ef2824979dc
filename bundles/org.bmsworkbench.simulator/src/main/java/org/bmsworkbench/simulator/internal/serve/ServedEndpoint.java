package org.bmsworkbench.simulator.internal.serve;

import java.io.IOException;
import org.bmsworkbench.can.CanFrame;

/**
 * A real endpoint on which the simulated device's bus is offered to programs nobody here
 * wrote: the adapter side of SLCAN on a pseudo-terminal, or a socketcand server.
 */
public interface ServedEndpoint extends AutoCloseable {

    /** Opens the file or socket and starts the endpoint's threads; the message says why not, in one line. */
    void start() throws IOException;

    /** A frame the device sent: passed to every peer that wants it. Never blocks. */
    void deliver(CanFrame frame);

    /** Where it is served, as a person would type it (e.g. {@code socketcand://127.0.0.1:29536/can0}). */
    String address();

    /** One line on what was served (frames sent, received, dropped; clients). */
    String summary();

    /** Stops the threads and releases the file or socket; returns promptly. */
    @Override
    void close();

    /** What an endpoint reports to; called from the endpoint's threads. */
    interface Bus {
        /** A frame a peer transmitted on the bus: for the device. */
        void fromPeer(CanFrame frame);

        /** Something a person watching would want to know: a client connected, the channel opened. */
        void event(String line);

        /** The endpoint cannot go on (its pseudo-terminal went away): serving ends with this reason. */
        void failed(String reason);
    }
}
