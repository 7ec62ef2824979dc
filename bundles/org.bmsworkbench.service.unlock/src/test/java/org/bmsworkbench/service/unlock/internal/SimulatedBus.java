package org.bmsworkbench.service.unlock.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.DefaultBmsModel;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.SimulatedDevice;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.bmsworkbench.simulator.SimulatorOptions;
import org.bmsworkbench.simulator.VirtualMasterLv;

/**
 * The simulator's real device ({@link VirtualMasterLv}, NMEA 2000 with VREG) behind a
 * {@link Connection}, as {@code sim:} has it: its own transport thread runs virtual time
 * {@code speed} times faster than the wall clock, a sent frame goes to the subscribers as TX and
 * to the device, whose answers come back as RX. VREG frames are decoded into {@link #model}.
 */
final class SimulatedBus implements Connection {
    static final long EPOCH = 1_700_000_000_000L;

    final DefaultBmsModel model = new DefaultBmsModel(1000);
    final VirtualMasterLv bms;
    private final ConnectionUri uri;
    private final String serial;
    private final int speed;
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();
    private final List<CanFrame> recent = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService transport = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-sim-bus");
        t.setDaemon(true);
        return t;
    });
    private long virtualMillis;

    SimulatedBus(String uri, SimulatorOptions options, int speed) {
        this.uri = ConnectionUri.parse(uri);
        this.speed = speed;
        this.serial = options.serial();
        this.bms = new VirtualMasterLv(options, EPOCH, MgMasterLvProfile.defaults(), id -> Optional.empty(), p -> { });
    }

    /** Runs the device to virtual time {@code millis} at once, then lets it run on the wall clock. */
    SimulatedBus startAt(long millis) {
        onBus(() -> advance(millis));
        transport.scheduleAtFixedRate(() -> advance(virtualMillis + 5L * speed), 5, 5, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Something done on the transport thread (the device is not thread-safe), waited for. */
    void onBus(Runnable task) {
        try {
            transport.submit(task).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the bus thread failed: " + e, e);
        }
    }

    private void advance(long millis) {
        virtualMillis = millis;
        bms.advanceTo(millis).forEach(this::deliver);
    }

    private void deliver(CanFrame frame) {
        recent.add(frame);
        if (VregCodec.isVreg(frame)) {
            try {
                DecodedMessage m = VregCodec.INSTANCE.decode(frame);
                if (m != null && VregCodec.VALUE.equals(m.message())) {
                    model.apply(m);
                }
            } catch (MalformedFrameException e) {
                throw new AssertionError(e);
            }
        }
        subscribers.forEach(l -> l.onFrame(frame));
    }

    @Override
    public void send(CanFrame frame) throws IOException {
        transport.execute(() -> {
            deliver(frame.withTimestamp(bms.device().epochMicros()).withDirection(Direction.TX));
            bms.receive(frame).forEach(this::deliver);
        });
    }

    @Override
    public Subscription subscribe(FrameListener listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override public ConnectionUri uri() { return uri; }
    @Override public ConnectionState state() { return ConnectionState.CONNECTED; }
    @Override public String stateDetail() { return ""; }
    @Override public Subscription onStateChange(BiConsumer<ConnectionState, String> listener) { return () -> { }; }
    @Override public ConnectionStatistics statistics() { return new ConnectionStatistics(recent.size(), 0, 0, 0, 0, -1); }
    @Override public List<CanFrame> recentFrames() { return new ArrayList<>(recent); }
    @Override public int recentCapacity() { return 100_000; }
    /** As the {@code sim:} transport's channel: the device's serial as {@link SimulatedDevice}. */
    @Override
    public <T> Optional<T> control(Class<T> type) {
        return type == SimulatedDevice.class ? Optional.of(type.cast(new SimulatedDevice(serial))) : Optional.empty();
    }

    @Override
    public void close() {
        transport.shutdownNow();
    }
}
