package org.bmsworkbench.simulator;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.Subscription;

/**
 * An in-process connection to a {@link VirtualMasterLv} on virtual time: the device runs on the
 * bus's own "transport" thread, as under {@code sim:}, but its clock moves only when the test
 * calls {@link #advanceTo}. A sent frame goes to the subscribers as TX (as a real connection
 * does), then to the device, whose answers arrive as RX. Everything on the bus is logged.
 */
final class SimBus implements Connection {
    final List<CanFrame> log = new CopyOnWriteArrayList<>();
    /** The device; touch it only on the bus thread ({@link #onBus}). */
    final VirtualMasterLv bms;
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService transport = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sim-bus");
        t.setDaemon(true);
        return t;
    });

    SimBus(VirtualMasterLv bms) {
        this.bms = bms;
    }

    /** Runs the device to virtual time {@code millis}, delivering its frames; returns them. */
    List<CanFrame> advanceTo(long millis) {
        return onBus(() -> {
            List<CanFrame> frames = bms.advanceTo(millis);
            frames.forEach(this::deliver);
            return frames;
        });
    }

    /** Something done on the device's thread (reading its state), waiting for the result. */
    <T> T onBus(Callable<T> task) {
        try {
            return transport.submit(task).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the bus thread failed: " + e, e);
        }
    }

    private void deliver(CanFrame frame) {
        log.add(frame);
        for (FrameListener l : subscribers) {
            l.onFrame(frame);
        }
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        transport.execute(() -> {
            deliver(frame.withDirection(Direction.TX));
            bms.receive(frame).forEach(this::deliver);
        });
    }

    @Override
    public Subscription subscribe(FrameListener listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override public ConnectionUri uri() { return ConnectionUri.parse("sim:?protocol=nmea2000"); }
    @Override public ConnectionState state() { return ConnectionState.CONNECTED; }
    @Override public String stateDetail() { return ""; }
    @Override public Subscription onStateChange(BiConsumer<ConnectionState, String> listener) { return () -> { }; }
    @Override public ConnectionStatistics statistics() { return new ConnectionStatistics(0, 0, 0, 0, 0, -1); }
    @Override public List<CanFrame> recentFrames() { return List.copyOf(log); }
    @Override public int recentCapacity() { return Integer.MAX_VALUE; }

    @Override
    public void close() {
        subscribers.clear();
        transport.shutdownNow();
    }

    @Override
    public <T> java.util.Optional<T> control(Class<T> type) {
        return java.util.Optional.empty();
    }
}
