package org.bmsworkbench.ui.registers.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.simulator.SimulatorOptions;
import org.bmsworkbench.simulator.VirtualMasterLv;

/**
 * A connection to a simulated MG Master LV on NMEA 2000 (with VREG), in process, as {@code sim:}
 * gives it: the device runs on the bus's own "transport" thread, answers what is sent to it at
 * once, and sends its cyclic frames and broadcasts when the test moves virtual time on
 * ({@link #advanceTo}). Frames are stamped with the wall clock at creation + virtual time.
 */
final class SimConnection implements Connection {
    final List<CanFrame> sent = new CopyOnWriteArrayList<>();
    final VirtualMasterLv bms;
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService transport = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sim-bus");
        t.setDaemon(true);
        return t;
    });

    SimConnection(Scenario scenario) {
        BmsProtocol nmea2000 = new Nmea2000Protocol();
        bms = new VirtualMasterLv(SimulatorOptions.defaults().withProtocol("nmea2000").withScenario(scenario),
                System.currentTimeMillis(), MgMasterLvProfile.defaults(),
                id -> id.equals(nmea2000.id()) ? Optional.of(nmea2000) : Optional.empty(), p -> { });
    }

    /** Runs the device to virtual time {@code millis} and delivers its frames. */
    void advanceTo(long millis) {
        onBus(() -> {
            bms.advanceTo(millis).forEach(this::deliver);
            return null;
        });
    }

    <T> T onBus(Callable<T> task) {
        try {
            return transport.submit(task).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the bus thread failed: " + e, e);
        }
    }

    private void deliver(CanFrame frame) {
        for (FrameListener l : subscribers) {
            l.onFrame(frame);
        }
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        sent.add(frame);
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
    @Override public ConnectionStatistics statistics() { return new ConnectionStatistics(0, sent.size(), 0, 0, 0, -1); }
    @Override public List<CanFrame> recentFrames() { return List.of(); }
    @Override public int recentCapacity() { return 0; }
    @Override public <T> Optional<T> control(Class<T> type) { return Optional.empty(); }

    @Override
    public void close() {
        subscribers.clear();
        transport.shutdownNow();
    }
}
