package org.bmsworkbench.can.testing;

import com.sun.jna.Library;

/**
 * The controls the shared stub bus ({@code stub/stub_bus.h}) exports to tests, called by name
 * through JNA. A vendor stub's own controls go into an interface that extends this one.
 */
public interface StubBus extends Library {
    void stub_set_unplugged(int on);

    void stub_set_loopback(int on);

    /** 0 active, 1 warning, 2 passive, 3 bus off. */
    void stub_set_bus_state(int state);

    void stub_set_rate(int framesPerSecond);

    /** Frames the host wrote since the library was loaded. */
    long stub_written();

    /** The length of the frame written last, its id and data in the arrays; -1 when none. */
    int stub_last_written(int[] id, byte[] data);

    int stub_queue(int channel, int id, int extended, int len, byte[] data);

    int stub_open_channels();
}
