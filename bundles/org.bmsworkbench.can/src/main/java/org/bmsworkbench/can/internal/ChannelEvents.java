package org.bmsworkbench.can.internal;

import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionState;

/**
 * What the channel of one attachment reports to its connection, tagged with that attachment's
 * generation so that the connection can ignore a channel it has left.
 */
final class ChannelEvents implements CanChannel.Listener {
    private final BusConnection connection;
    private final int generation;

    ChannelEvents(BusConnection connection, int generation) {
        this.connection = connection;
        this.generation = generation;
    }

    @Override
    public void onFrame(CanFrame frame) {
        connection.channelFrame(generation, frame);
    }

    @Override
    public void onState(ConnectionState state, String detail) {
        connection.channelState(generation, state, detail);
    }

    @Override
    public void onTransportError(String message) {
        connection.channelError(generation);
    }
}
