package org.bmsworkbench.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.DeviceProfile;

/**
 * A simulated MG Master LV as a CAN node, independent of any transport: it produces the frames
 * a Master LV sends for its protocol at the guide's periods of virtual time and consumes the
 * frames sent to it. The {@code sim:} transport drives it from a scheduler thread; a served
 * endpoint (SLCAN, socketcand) or a test can drive it the same way:
 *
 * <pre>{@code
 * VirtualMasterLv bms = new VirtualMasterLv(options, epochMillis, profile, registry::find, problems::add);
 * for (long t = 0; t < 10_000; t = bms.nextDueMillis()) { send(bms.advanceTo(t)); }
 * }</pre>
 *
 * Frames are encoded by the installed protocol services ({@code BmsProtocol.newSession().encode})
 * from {@link DeviceSignals}; a protocol that is not installed sends nothing until it is (and
 * is reported once). Frames carry virtual time: the epoch time given plus the virtual
 * milliseconds elapsed. Not thread-safe: one owner thread.
 */
public final class VirtualMasterLv {
    /** The bus name on the frames it produces. */
    public static final String BUS = "sim";
    /** SMA and General BMS frames: every 500 ms (guide 1.3.2, 1.4.2). */
    public static final long CAN11_PERIOD_MILLIS = 500;

    private final MasterLvDevice device;
    private final Function<String, Optional<BmsProtocol>> protocols;
    private final Consumer<String> problems;
    private final Set<String> reported = new HashSet<>();
    private BmsProtocol sessionOwner;
    private ProtocolSession session;
    private long nextCyclic;

    /**
     * @param options     the device and its protocol
     * @param epochMillis the wall-clock time that virtual time 0 stands for (frame timestamps, error times)
     * @param profile     the MG device profile (Safety lock codes, unlock register, node address)
     * @param protocols   the installed protocols by id (e.g. {@code ProtocolRegistry::find})
     * @param problems    told, once each, of a protocol that is missing or cannot encode a message
     */
    public VirtualMasterLv(SimulatorOptions options, long epochMillis, DeviceProfile profile,
            Function<String, Optional<BmsProtocol>> protocols, Consumer<String> problems) {
        this.device = new MasterLvDevice(options, epochMillis, profile);
        this.protocols = protocols;
        this.problems = problems;
    }

    public MasterLvDevice device() {
        return device;
    }

    /** The period of the protocol's cyclic frames in virtual ms. */
    public long cyclicPeriodMillis() {
        return CAN11_PERIOD_MILLIS;
    }

    /** Virtual time of the next frame (or check) that is due. */
    public long nextDueMillis() {
        return nextCyclic;
    }

    /**
     * Runs the device up to virtual time {@code millis} and returns the frames due up to then,
     * in sending order, each stamped with its virtual time.
     */
    public List<CanFrame> advanceTo(long millis) {
        List<CanFrame> out = new ArrayList<>();
        while (nextDueMillis() <= millis) {
            long due = nextDueMillis();
            device.advanceTo(due);
            if (due == nextCyclic) {
                nextCyclic += cyclicPeriodMillis();
                if (device.transmitting()) {
                    sendCyclic(out);
                }
            }
        }
        device.advanceTo(millis);
        return out;
    }

    /**
     * Gives the device a frame from the bus and returns its answers. SMA and General BMS are
     * send-only protocols: a Master LV on them ignores what it receives.
     */
    public List<CanFrame> receive(CanFrame frame) {
        return List.of();
    }

    private void sendCyclic(List<CanFrame> out) {
        String id = device.options().protocol();
        ProtocolSession s = session(id);
        if (s == null) {
            return;
        }
        Map<String, Object> signals = DeviceSignals.of(device);
        long micros = device.epochMicros();
        for (BmsProtocol.MessageInfo message : sessionOwner.messages()) {
            encode(s, message.name(), signals, micros, out);
        }
    }

    private void encode(ProtocolSession s, String message, Map<String, ?> signals, long micros, List<CanFrame> out) {
        try {
            out.addAll(s.encode(message, signals, BUS, micros));
        } catch (RuntimeException e) {
            reportOnce(sessionOwner.id() + ":" + message, "cannot encode " + sessionOwner.id() + " message " + message
                    + ": " + e.getMessage());
        }
    }

    /** The session of protocol {@code id}, renewed when the installed service changes; null when not installed. */
    private ProtocolSession session(String id) {
        BmsProtocol p = protocols.apply(id).orElse(null);
        if (p == null) {
            sessionOwner = null;
            session = null;
            reportOnce(id, "protocol " + id + " is not installed: the simulator sends nothing until it is");
            return null;
        }
        if (p != sessionOwner) {
            sessionOwner = p;
            session = p.newSession();
            reported.remove(id);
        }
        return session;
    }

    private void reportOnce(String key, String message) {
        if (reported.add(key)) {
            problems.accept(message);
        }
    }
}
