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
 * Periodic frames are encoded by the installed protocol services
 * ({@code BmsProtocol.newSession().encode}) from {@link DeviceSignals} ({@link CyclicMessages});
 * a protocol that is not installed sends nothing until it is (and is reported once). On NMEA
 * 2000 the device also speaks VREG ({@link VregAnswers}, with the VREG bundle's exported
 * codec): the periodic registers every 5 s, the on-change ones within 1 s of a change (checked
 * every 500 ms), and answers to requests and writes. Frames carry virtual time: the epoch time
 * given plus the virtual milliseconds elapsed. Not thread-safe: one owner thread.
 */
public final class VirtualMasterLv implements VirtualBus {
    /** The bus name on the frames it produces. */
    public static final String BUS = "sim";
    /** SMA and General BMS frames: every 500 ms (guide 1.3.2, 1.4.2). */
    public static final long CAN11_PERIOD_MILLIS = 500;
    /** NMEA 2000 PGN 127508 and 127506: every 1500 ms (guide 1.5.3.1, 1.5.3.2). */
    public static final long NMEA2000_PERIOD_MILLIS = 1500;
    /** VREG registers marked periodic: every 5 s (guide 1.5.4.2). */
    public static final long VREG_PERIODIC_MILLIS = 5000;
    /**
     * How often the on-change VREG registers are compared with what was last broadcast: half
     * the guide's maximum delay of 1 s, so that a change goes out within 600 ms (100 ms steps).
     */
    public static final long VREG_CHANGE_CHECK_MILLIS = 500;

    private final MasterLvDevice device;
    private final Function<String, Optional<BmsProtocol>> protocols;
    private final Consumer<String> problems;
    private final Set<String> reported = new HashSet<>();
    private final boolean nmea2000;
    private final VregAnswers vreg;
    private BmsProtocol sessionOwner;
    private ProtocolSession session;
    private long nextCyclic;
    private long nextPeriodic;
    private long nextChangeCheck;
    private int cycle;
    private int address;

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
        this.nmea2000 = options.protocol().equals(CyclicMessages.NMEA2000);
        this.address = profile.nodeAddress();
        this.vreg = nmea2000 ? vregAnswers() : null;
    }

    /** Itself: a Master LV alone on its bus. */
    @Override
    public VirtualMasterLv masterLv() {
        return this;
    }

    /** The NMEA 2000 source address it sends from: the profile's node address until it moves. */
    public int address() {
        return address;
    }

    /**
     * Sends and answers from another source address from now on (on a network, when a device with
     * a NAME of higher priority claims its address).
     */
    void moveTo(int newAddress) {
        this.address = newAddress;
        if (vreg != null) {
            vreg.moveTo(newAddress);
        }
    }

    /**
     * The VREG side, or null when the VREG bundle's codec is not there: the simulator imports
     * its package optionally, so that {@code sim:} works without it (then no VREG is sent).
     */
    private VregAnswers vregAnswers() {
        try {
            return new VregAnswers(device);
        } catch (LinkageError e) {
            reportOnce("vreg", "the VREG codec (bundle org.bmsworkbench.protocol.vreg) was not there when the"
                    + " simulator started: no VREG registers are sent or answered");
            return null;
        }
    }

    public MasterLvDevice device() {
        return device;
    }

    /** The period of the protocol's cyclic frames in virtual ms: 500 (SMA, General BMS) or 1500 (NMEA 2000). */
    public long cyclicPeriodMillis() {
        return nmea2000 ? NMEA2000_PERIOD_MILLIS : CAN11_PERIOD_MILLIS;
    }

    /** Virtual time of the next frame (or check) that is due. */
    @Override
    public long nextDueMillis() {
        return vreg == null ? nextCyclic : Math.min(nextCyclic, Math.min(nextPeriodic, nextChangeCheck));
    }

    /**
     * Runs the device up to virtual time {@code millis} and returns the frames due up to then,
     * in sending order, each stamped with its virtual time.
     */
    @Override
    public List<CanFrame> advanceTo(long millis) {
        List<CanFrame> out = new ArrayList<>();
        while (nextDueMillis() <= millis) {
            long due = nextDueMillis();
            device.advanceTo(due);
            boolean on = device.transmitting();
            if (due == nextCyclic) {
                nextCyclic += cyclicPeriodMillis();
                if (on) {
                    sendCyclic(out);
                }
            }
            if (vreg != null && due == nextPeriodic) {
                nextPeriodic += VREG_PERIODIC_MILLIS;
                if (on) {
                    out.addAll(vreg.periodic());
                }
            }
            if (vreg != null && due == nextChangeCheck) {
                nextChangeCheck += VREG_CHANGE_CHECK_MILLIS;
                if (on) {
                    out.addAll(vreg.changes());
                }
            }
        }
        device.advanceTo(millis);
        return out;
    }

    /**
     * Gives the device a frame from the bus and returns its answers. On NMEA 2000 the device
     * answers VREG requests and writes ({@link VregAnswers}); SMA and General BMS are
     * send-only protocols: a Master LV on them ignores what it receives. A silent BMS
     * (rebooting, comms loss) answers nothing; one that a write restarts answers nothing either.
     */
    @Override
    public List<CanFrame> receive(CanFrame frame) {
        if (vreg == null || !device.transmitting()) {
            return List.of();
        }
        List<CanFrame> answers = vreg.receive(frame);
        return device.transmitting() ? answers : List.of();
    }

    private void sendCyclic(List<CanFrame> out) {
        String id = device.options().protocol();
        ProtocolSession s = session(id);
        if (s == null) {
            return;
        }
        Map<String, Object> signals = DeviceSignals.of(device);
        long micros = device.epochMicros();
        for (CyclicMessages.Message m : CyclicMessages.of(sessionOwner, signals, address,
                device.options().instance(), cycle++)) {
            encode(s, m.name(), m.values(), micros, out);
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
            reportOnce(id, "protocol " + id + " is not installed: the simulator sends none of its frames until it is");
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
