package org.bmsworkbench.simulator.internal.serve;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * A simulated JBD or Daly UART on a pseudo-terminal: the program on the other end of a
 * {@code socat} pty pair talks to it as to a USB-serial adapter wired to the BMS. Bytes read
 * from the pty go to the device as TX chunks, as they came; the device's RX chunks are written
 * as they are. Opened as every {@link PtyEndpoint}. Threads: the reader {@code bmswb-serve-serial}
 * and the writer {@code bmswb-serve-serial-writer}.
 */
public final class SerialPtyEndpoint extends PtyEndpoint {
    /** Answers that may wait for a host that does not read. */
    static final int BACKLOG = 1000;

    private final String port;
    private final Bus bus;
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param path    one end of a pty pair
     * @param address the endpoint as the user typed it, for messages
     * @param port    the port name the chunks for the device carry
     */
    public SerialPtyEndpoint(Path path, String address, String port, Bus bus) {
        super(path, address, bus, "bmswb-serve-serial", BACKLOG, CanFrame.MAX_CHUNK_LENGTH);
        this.port = port;
        this.bus = bus;
    }

    @Override
    void received(byte[] bytes, int length) {
        if (length > 0) {
            bytesIn.addAndGet(length);
            bus.fromPeer(CanFrame.chunk(System.currentTimeMillis() * 1000, port, Direction.TX,
                    Arrays.copyOf(bytes, length)));
        }
    }

    /** A chunk the device sent: its bytes go to the host. CAN frames have no place on a UART and are ignored. */
    @Override
    public void deliver(CanFrame frame) {
        if (!frame.chunk() || out() == null) {
            return;
        }
        if (out().offerFrame(frame.data())) {
            bytesOut.addAndGet(frame.length());
        } else {
            dropped.incrementAndGet();
        }
    }

    @Override
    public String summary() {
        return address() + ": " + bytesOut.get() + " bytes sent to the host, " + bytesIn.get() + " received from it"
                + (dropped.get() > 0 ? ", " + dropped.get() + " answers dropped (the host did not read)" : "");
    }
}
