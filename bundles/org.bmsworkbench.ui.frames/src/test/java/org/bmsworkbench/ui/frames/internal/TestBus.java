package org.bmsworkbench.ui.frames.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.simulator.SimulatorOptions;
import org.bmsworkbench.simulator.VirtualMasterLv;
import org.bmsworkbench.ui.testing.InMemoryConnection;

/**
 * A connection whose frames the test delivers itself, on whatever thread it likes (a flooding
 * thread plays the transport's reader); subscribers are called synchronously, in order.
 */
final class TestBus extends InMemoryConnection {

    /** What a simulated MG Master LV on NMEA 2000 (with VREG) sends in {@code millis} of virtual time, stamped from {@code epochMillis}. */
    static List<CanFrame> simulated(Scenario scenario, long epochMillis, long millis) {
        BmsProtocol nmea2000 = new Nmea2000Protocol();
        VirtualMasterLv bms = new VirtualMasterLv(SimulatorOptions.defaults().withProtocol("nmea2000").withScenario(scenario),
                epochMillis, MgMasterLvProfile.defaults(),
                id -> id.equals(nmea2000.id()) ? Optional.of(nmea2000) : Optional.empty(), p -> { });
        return new ArrayList<>(bms.advanceTo(millis));
    }

    /** PGN 127508 Battery Status: one whole frame. */
    static boolean isBatteryStatus(CanFrame f) {
        return f.extended() && (f.id() >>> 8 & 0x3FFFF) == 0x1F214;
    }
}
