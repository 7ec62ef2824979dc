package org.bmsworkbench.simulator;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.DeviceProfile;

/**
 * What a {@code sim:} connection drives: the simulated nodes of one CAN bus on virtual time. A
 * lone {@link VirtualMasterLv}, or on the {@code network} scenario a {@link Nmea2000Network} or an
 * {@link InverterNetwork} with the Master LV among other devices. Not thread-safe: one owner thread.
 */
public interface VirtualBus {

    /** Runs the bus up to virtual time {@code millis}; the frames due up to then, in sending order. */
    List<CanFrame> advanceTo(long millis);

    /** Gives the nodes a frame from outside (the host); their answers, in sending order. */
    List<CanFrame> receive(CanFrame frame);

    /** Virtual time of the next frame (or check) that is due. */
    long nextDueMillis();

    /** The simulated MG Master LV on this bus. */
    VirtualMasterLv masterLv();

    /**
     * The bus {@code options} describe: on the {@code network} scenario the Master LV among other
     * devices (NMEA 2000: {@link Nmea2000Network}; SMA and General BMS: {@link InverterNetwork}),
     * otherwise the Master LV alone. Arguments as for {@link VirtualMasterLv}.
     */
    static VirtualBus of(SimulatorOptions options, long epochMillis, DeviceProfile profile,
            Function<String, Optional<BmsProtocol>> protocols, Consumer<String> problems) {
        VirtualMasterLv bms = new VirtualMasterLv(options, epochMillis, profile, protocols, problems);
        if (options.scenario() != Scenario.NETWORK) {
            return bms;
        }
        if (!options.protocol().equals(CyclicMessages.NMEA2000)) {
            return new InverterNetwork(bms, epochMillis);
        }
        try {
            return Nmea2000Network.around(bms, epochMillis);
        } catch (LinkageError e) {
            problems.accept("the NMEA 2000 codec (bundle org.bmsworkbench.protocol.nmea2000) was not there when the"
                    + " simulator started: the network scenario's other devices are missing, the Master LV is alone");
            return bms;
        }
    }
}
