package org.bmsworkbench.transport.loopback.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;

/** One channel on a {@link VirtualBus}. */
final class LoopbackChannel implements CanChannel {
    private final VirtualBus bus;
    private final Listener listener;
    private final LoopbackTransport.Settings settings;
    private final Consumer<LoopbackChannel> onClose;
    private final AtomicBoolean open = new AtomicBoolean(true);

    LoopbackChannel(VirtualBus bus, Listener listener, LoopbackTransport.Settings settings,
            Consumer<LoopbackChannel> onClose) {
        this.bus = bus;
        this.listener = listener;
        this.settings = settings;
        this.onClose = onClose;
    }

    VirtualBus bus() {
        return bus;
    }

    boolean echo() {
        return settings.echo();
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        if (!open.get()) {
            throw new IOException("loop:" + bus.name() + ": channel is closed; cannot send " + frame);
        }
        if (!bus.transmit(frame, this)) {
            listener.onTransportError("loop:" + bus.name() + ": delivery queue full (" + bus.queueCapacity()
                    + " frames), dropped " + frame);
        }
    }

    /** On the bus thread. A listener that throws does not stop the bus. */
    void deliver(CanFrame frame) {
        if (!open.get()) {
            return;
        }
        try {
            listener.onFrame(frame);
        } catch (RuntimeException e) {
            listener.onTransportError("loop:" + bus.name() + ": receiver failed on " + frame + ": " + e);
        }
    }

    @Override
    public int bitrate() {
        return settings.bitrate();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "loop:" + bus.name();
    }
}
