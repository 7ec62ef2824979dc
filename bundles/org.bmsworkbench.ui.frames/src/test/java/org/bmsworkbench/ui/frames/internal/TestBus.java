package org.bmsworkbench.ui.frames.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Connection;
import org.bmsworkbench.can.ConnectionState;
import org.bmsworkbench.can.ConnectionStatistics;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.simulator.SimulatorOptions;
import org.bmsworkbench.simulator.VirtualMasterLv;

/**
 * A connection whose frames the test delivers itself, on whatever thread it likes (a flooding
 * thread plays the transport's reader); subscribers are called synchronously, in order.
 */
final class TestBus implements Connection {
    private final List<FrameListener> subscribers = new CopyOnWriteArrayList<>();

    void deliver(CanFrame frame) {
        for (FrameListener l : subscribers) {
            l.onFrame(frame);
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** What a simulated MG Master LV on NMEA 2000 (with VREG) sends in {@code millis} of virtual time, stamped from {@code epochMillis}. */
    static List<CanFrame> simulated(Scenario scenario, long epochMillis, long millis) {
        BmsProtocol nmea2000 = new Nmea2000Protocol();
        VirtualMasterLv bms = new VirtualMasterLv(SimulatorOptions.defaults().withProtocol("nmea2000").withScenario(scenario),
                epochMillis, MgMasterLvProfile.defaults(),
                id -> id.equals(nmea2000.id()) ? Optional.of(nmea2000) : Optional.empty(), p -> { });
        return new ArrayList<>(bms.advanceTo(millis));
    }

    @Override
    public void send(CanFrame frame) {
        deliver(frame.withDirection(org.bmsworkbench.can.Direction.TX));
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
    @Override public List<CanFrame> recentFrames() { return List.of(); }
    @Override public int recentCapacity() { return 0; }
    @Override public <T> Optional<T> control(Class<T> type) { return Optional.empty(); }

    @Override
    public void close() {
        subscribers.clear();
    }

    /** PGN 127508 Battery Status: one whole frame. */
    static boolean isBatteryStatus(CanFrame f) {
        return f.extended() && (f.id() >>> 8 & 0x3FFFF) == 0x1F214;
    }
}
