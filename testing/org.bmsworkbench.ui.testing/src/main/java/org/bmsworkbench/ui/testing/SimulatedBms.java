package org.bmsworkbench.ui.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bmsworkbench.bms.BmsModel;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.simulator.DeviceSignals;
import org.bmsworkbench.simulator.MasterLvDevice;
import org.bmsworkbench.simulator.Scenario;
import org.bmsworkbench.simulator.SimulatorOptions;

/**
 * The simulated MG Master LV feeding a real model as a live bus would: the values the cyclic
 * frames carry every 500 ms, the slow ones (identity, configuration, settings, history,
 * error history — VREG registers sent on change or every few seconds) every 5 s.
 */
public final class SimulatedBms {
    private final MasterLvDevice device;
    private final BmsModel model;
    private long millis;

    public SimulatedBms(Scenario scenario, long epochMillis, BmsModel model) {
        this.device = new MasterLvDevice(SimulatorOptions.defaults().withScenario(scenario), epochMillis,
                MgMasterLvProfile.defaults());
        this.model = model;
    }

    public MasterLvDevice device() {
        return device;
    }

    /** Runs the device on for {@code seconds}, applying a message every 500 ms while it transmits. */
    public void run(double seconds) {
        long until = millis + Math.round(seconds * 1000);
        while (millis < until) {
            millis += 500;
            device.advanceTo(millis);
            if (!device.transmitting()) {
                continue;
            }
            Map<String, Object> fast = new LinkedHashMap<>();
            Map<String, Object> slow = new LinkedHashMap<>();
            DeviceSignals.of(device).forEach((k, v) -> (isSlow(k) ? slow : fast).put(k, v));
            long micros = device.epochMicros();
            model.apply(DecodedMessage.of("general-bms", "cyclic", CanFrame.of(micros, "sim", 0x356, false), fast));
            if (millis % 5000 == 0) {
                model.apply(DecodedMessage.of("vreg", "vreg", CanFrame.of(micros, "sim", 0x1CEFFF50, true), slow));
            }
        }
    }

    /** Runs on half a second at a time until {@code done} holds; fails after {@code maxSeconds}. */
    public void runUntil(BooleanSupplier done, double maxSeconds, String what) {
        long limit = millis + Math.round(maxSeconds * 1000);
        while (!done.getAsBoolean()) {
            if (millis >= limit) {
                throw new AssertionError("the simulator did not reach " + what + " within " + maxSeconds + " s");
            }
            run(0.5);
        }
    }

    private static boolean isSlow(String key) {
        return key.startsWith("history.") || key.startsWith("setting.") || key.startsWith("config.")
                || key.startsWith("error.history.") || key.startsWith("bms.") && !key.equals("bms.state")
                        && !key.equals("bms.error") && !key.equals("bms.flags");
    }
}
