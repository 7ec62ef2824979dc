package org.bmsworkbench.ui.registers.internal;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.simulator.SimulatorOptions;
import org.bmsworkbench.simulator.VirtualMasterLv;
import org.bmsworkbench.ui.testing.InMemoryConnection;

/**
 * A connection to a simulated MG Master LV on NMEA 2000 (with VREG), in process, as {@code sim:}
 * gives it: the device runs on the bus's own "transport" thread, answers what is sent to it at
 * once, and sends its cyclic frames and broadcasts when the test moves virtual time on
 * ({@link #advanceTo}). Frames are stamped with the wall clock at creation + virtual time.
 */
final class SimConnection extends InMemoryConnection {
    final VirtualMasterLv bms;
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

    /** Sends on the bus thread: the frame comes back as TX, then what the device answers. */
    @Override
    public void send(CanFrame frame) {
        sent.add(frame);
        transport.execute(() -> {
            deliver(frame.withDirection(Direction.TX));
            bms.receive(frame).forEach(this::deliver);
        });
    }

    @Override
    public void close() {
        super.close();
        transport.shutdownNow();
    }
}
