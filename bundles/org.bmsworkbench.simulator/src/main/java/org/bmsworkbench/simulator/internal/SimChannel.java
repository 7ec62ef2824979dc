package org.bmsworkbench.simulator.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.SimulatedDevice;
import org.bmsworkbench.simulator.SimulatorOptions;
import org.bmsworkbench.simulator.VirtualBus;

/**
 * One open {@code sim:} connection: a {@link VirtualBus} (a simulated MG Master LV, alone or
 * among other devices) driven by the channel's own
 * scheduler thread ({@code bmswb-sim-N}, daemon), which wakes when the next frame is due —
 * virtual time runs {@code speed} times faster than the wall clock — and hands the frames to
 * the listener. Frames sent to the channel are given to the devices on the same thread.
 */
final class SimChannel implements CanChannel {
    private final VirtualBus bms;
    private final SimulatorOptions options;
    private final Listener listener;
    private final Consumer<SimChannel> onClose;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final String name;
    private long startNanos;

    SimChannel(VirtualBus bms, SimulatorOptions options, Listener listener, String threadName,
            Consumer<SimChannel> onClose) {
        this.bms = bms;
        this.options = options;
        this.listener = listener;
        this.onClose = onClose;
        this.name = threadName;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        startNanos = System.nanoTime();
        scheduler.execute(this::tick);
    }

    /** Virtual milliseconds since the start. */
    private long virtualNow() {
        return (System.nanoTime() - startNanos) / 1_000L * options.speed() / 1_000L;
    }

    private void tick() {
        if (!open.get()) {
            return;
        }
        long now = virtualNow();
        deliver(bms.advanceTo(now));
        long waitVirtualMillis = Math.max(0, bms.nextDueMillis() - now);
        long waitNanos = waitVirtualMillis * 1_000_000L / options.speed();
        schedule(this::tick, waitNanos);
    }

    private void schedule(Runnable task, long delayNanos) {
        try {
            scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void deliver(List<CanFrame> frames) {
        for (CanFrame f : frames) {
            if (!open.get()) {
                return;
            }
            try {
                listener.onFrame(f);
            } catch (RuntimeException e) {
                listener.onTransportError(name + ": receiver failed on " + f + ": " + e);
            }
        }
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        if (!open.get()) {
            throw new IOException(name + ": channel is closed; cannot send " + frame);
        }
        try {
            scheduler.execute(() -> {
                if (open.get()) {
                    deliver(bms.advanceTo(virtualNow())); // frames due by now go first, none is lost
                    deliver(bms.receive(frame));
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IOException(name + ": channel is closed; cannot send " + frame, e);
        }
    }

    @Override
    public int bitrate() {
        return options.protocol().equals("nmea2000") ? 250_000 : 500_000;
    }

    /** {@link SimulatedDevice}: the serial the simulated BMS is configured with. */
    @Override
    public <T> java.util.Optional<T> control(Class<T> type) {
        return type == SimulatedDevice.class ? java.util.Optional.of(type.cast(new SimulatedDevice(options.serial())))
                : java.util.Optional.empty();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            scheduler.shutdownNow();
            onClose.accept(this);
        }
    }

    boolean isOpen() {
        return open.get();
    }

    @Override
    public String toString() {
        return name + " " + options;
    }
}
