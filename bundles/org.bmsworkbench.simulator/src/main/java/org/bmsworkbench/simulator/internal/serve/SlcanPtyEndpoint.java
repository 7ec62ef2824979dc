package org.bmsworkbench.simulator.internal.serve;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bmsworkbench.can.CanFrame;

/**
 * An SLCAN adapter on a pseudo-terminal: the served device appears to the program on the other
 * end of a {@code socat} pty pair as a LAWICEL adapter ({@link LawicelAdapter}) would.
 *
 * <p>Opened as every {@link PtyEndpoint}. Threads: the reader ({@code bmswb-serve-slcan})
 * answers commands; the writer ({@code bmswb-serve-slcan-writer}) writes answers and frame lines,
 * dropping frames when the host does not read (reported by {@code F} as a data overrun).
 */
public final class SlcanPtyEndpoint extends PtyEndpoint {
    /** Frame lines that may wait for a host that does not read (about 1 s of the bus at full load). */
    static final int FRAME_BACKLOG = 4000;

    private final Bus bus;
    private final LawicelAdapter adapter;
    private final AtomicBoolean overrunReported = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param path       one end of a pty pair (or any character device that behaves like one)
     * @param address    the endpoint as the user typed it, for messages
     * @param busBitrate the served bus's bit rate (a host that sets another one is told)
     */
    public SlcanPtyEndpoint(Path path, String address, int busBitrate, Bus bus) {
        super(path, address, bus, "bmswb-serve-slcan", FRAME_BACKLOG, 1024);
        this.bus = bus;
        this.adapter = new LawicelAdapter(busBitrate, bus::fromPeer, bus::event);
    }

    @Override
    synchronized void received(byte[] bytes, int length) {
        // an answer is queued before any frame the command lets through (O, then frames)
        out().reply(adapter.receive(bytes, 0, length));
    }

    @Override
    public synchronized void deliver(CanFrame frame) {
        byte[] line = adapter.frameLine(frame);
        if (line == null || out() == null) {
            return;
        }
        if (out().offerFrame(line)) {
            sent.incrementAndGet();
        } else {
            dropped.incrementAndGet();
            adapter.noteOverrun();
            if (overrunReported.compareAndSet(false, true)) {
                bus.event("the host does not read: frames are dropped (F reports a data overrun)");
            }
        }
    }

    @Override
    public String summary() {
        return address() + ": " + sent.get() + " frames sent to the host, " + adapter.transmitted()
                + " received from it" + (dropped.get() > 0 ? ", " + dropped.get() + " dropped (the host did not read)" : "");
    }
}
