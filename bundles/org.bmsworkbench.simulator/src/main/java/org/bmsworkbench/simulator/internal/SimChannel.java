package org.bmsworkbench.simulator.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bmsworkbench.can.CanChannel;
import org.bmsworkbench.can.CanFrame;

/**
 * One open {@code sim:} connection: {@link SimulatedNodes} (a simulated MG Master LV, alone or
 * among other devices, or a simulated JBD or Daly) driven by the channel's own
 * scheduler thread ({@code bmswb-sim-N}, daemon), which wakes when the next frame is due —
 * virtual time runs {@code speed} times faster than the wall clock — and hands the frames to
 * the listener. Frames sent to the channel are given to the devices on the same thread, and the
 * next wake-up is moved earlier when an answer is due sooner.
 */
final class SimChannel implements CanChannel {
    private final SimulatedNodes bms;
    private final int speed;
    private final int bitrate;
    private final List<Object> controls;
    private final String description;
    private final Listener listener;
    private final Consumer<SimChannel> onClose;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final String name;
    private long startNanos;
    /** The scheduled wake-up and its virtual time; scheduler thread only. */
    private ScheduledFuture<?> wakeUp;
    private long wakeUpMillis = Long.MAX_VALUE;

    /**
     * @param controls    what {@link #control} offers, by their classes
     * @param description for {@link #toString}
     */
    SimChannel(SimulatedNodes bms, int speed, int bitrate, List<Object> controls, String description,
            Listener listener, String threadName, Consumer<SimChannel> onClose) {
        this.bms = bms;
        this.speed = speed;
        this.bitrate = bitrate;
        this.controls = List.copyOf(controls);
        this.description = description;
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
        return (System.nanoTime() - startNanos) / 1_000L * speed / 1_000L;
    }

    private void tick() {
        if (!open.get()) {
            return;
        }
        wakeUp = null;
        wakeUpMillis = Long.MAX_VALUE;
        long now = virtualNow();
        deliver(bms.advanceTo(now));
        scheduleWakeUp(now);
    }

    /** Schedules the next tick when the nodes next have something due, unless one is scheduled sooner. */
    private void scheduleWakeUp(long now) {
        long due = Math.max(now, bms.nextDueMillis());
        if (wakeUp != null && wakeUpMillis <= due) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        try {
            wakeUp = scheduler.schedule(this::tick, (due - now) * 1_000_000L / speed, TimeUnit.NANOSECONDS);
            wakeUpMillis = due;
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
                    long now = virtualNow();
                    deliver(bms.advanceTo(now)); // frames due by now go first, none is lost
                    deliver(bms.receive(frame));
                    scheduleWakeUp(now); // an answer may be due before the next wake-up
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IOException(name + ": channel is closed; cannot send " + frame, e);
        }
    }

    @Override
    public int bitrate() {
        return bitrate;
    }

    /** {@code SimulatedDevice} (the configured serial) and, for a JBD or Daly on its UART, {@code StreamLink}. */
    @Override
    public <T> java.util.Optional<T> control(Class<T> type) {
        return controls.stream().filter(type::isInstance).map(type::cast).findFirst();
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
        return name + " " + description;
    }
}
