package org.bmsworkbench.protocol.nmea2000.codec;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.bmsworkbench.bms.BatterySource;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameView;

/**
 * Which source on one NMEA 2000 connection is the MG Master LV, learnt from the traffic (docs/SIGNALS.md,
 * "Other devices on the bus"). A source is the MG Master LV
 * <ol>
 * <li>when its address claim (PGN 60928) has manufacturer code 1160, MG Energy Systems; it is not
 * when its claim names any other maker, whatever follows;</li>
 * <li>else when VREG traffic comes from it: PGN 61184 data starting {@code 0x66 0x99} that a device
 * sends (a broadcast register value or an ACK; requests, and values addressed to a node, are what a
 * tool sends, and frames this side transmitted do not count);</li>
 * <li>else when the user designated it ({@link #designate});</li>
 * <li>else when its cell instances carry the guide's mark (1.5.3.1): after the pack instance
 * {@code base}, a PGN 127508 {@code base+1} or {@code base+2} with field 3 (current) 0x7FFF "not
 * implemented", and never a cell-role instance ({@code instance % 32} 1 or 2) with a current.
 * Requiring the pack instance first keeps a lone battery that happens to be instance 1 with no
 * current (a Garmin display's battery, for one) from being taken for the MG's lowest cells.</li>
 * </ol>
 * Claims come late or never (logs start anywhere), so an identification may change while decoding.
 * A claim from a new NAME on an address forgets what was known of that address; a NAME that claims
 * a new address leaves its old one.
 *
 * <p>One per connection or session; not thread-safe.
 */
public final class SourceIdentities {
    /** The label of an identified source. */
    public static final String MG_MASTER_LV = "MG Master LV";

    private static final int VREG_REQUEST = 0x0001;
    private static final int VREG_ACK = 0x0002;

    private final Source[] sources = new Source[256];
    private int designated = -1;
    private long version;
    private List<BatterySource> batterySources = List.of();
    private long listedVersion = -1;

    private static final class Source {
        IsoName name;
        boolean vreg;
        /** Bit n: pack instance 32 n seen. */
        int packBases;
        /** Bit n: a marked cell instance of base 32 n seen after its pack. */
        int markedBases;
        /** A cell-role instance with a current: this source's instances 1, 2 are not cells. */
        boolean unmarked;
        boolean battery;
        /** The 127508 instances seen (0..255), one bit each: a frame adds one without boxing or a tree. */
        final BitSet statusInstances = new BitSet(256);
        /** The 127506 DC instances seen. */
        final BitSet dcInstances = new BitSet(256);
    }

    /** Adds {@code instance} to {@code seen}; true when it was not there. */
    private static boolean add(BitSet seen, int instance) {
        if (seen.get(instance)) {
            return false;
        }
        seen.set(instance);
        return true;
    }

    /** Learns from one frame: address claims, VREG traffic, PGN 127508 and 127506. Other frames are ignored. */
    public void accept(CanFrame frame) {
        accept((FrameView) frame);
    }

    /**
     * {@link #accept(CanFrame)} for a view, read during this call only. Makes no object but for a
     * source seen first and an address claim of a NAME new on its address.
     */
    public void accept(FrameView frame) {
        accept(frame, NetworkMessages.pgnOf(frame));
    }

    /** {@link #accept(FrameView)} with the frame's own {@link NetworkMessages#pgnOf PGN}. */
    private void accept(FrameView frame, int pgn) {
        if (pgn < 0) {
            return;
        }
        int address = NetworkMessages.sourceOf(frame);
        switch (pgn) {
            case NetworkMessages.ADDRESS_CLAIM -> acceptClaim(frame, address);
            case NetworkMessages.PROPRIETARY_SINGLE -> acceptProprietary(frame, address);
            case BatteryStatus.PGN -> acceptStatus(frame, address);
            case DcDetailedStatus.PGN -> acceptDcStatus(frame, address);
            default -> {
                // not a frame identities learn from
            }
        }
    }

    private void acceptClaim(FrameView frame, int address) {
        if (frame.length() < IsoName.LENGTH) {
            return;
        }
        long name = readName(frame);
        for (int a = 0; a < sources.length; a++) {
            if (a != address && sources[a] != null && sources[a].name != null && sources[a].name.value() == name) {
                sources[a] = null;
                version++;
            }
        }
        if (address >= NetworkMessages.NULL_ADDRESS) {
            return;
        }
        Source s = sources[address];
        if (s != null && s.name != null && s.name.value() == name) {
            return;
        }
        if (s == null || s.name != null) {
            s = new Source();
            sources[address] = s;
        }
        s.name = new IsoName(name);
        version++;
    }

    private static long readName(FrameView frame) {
        long v = 0;
        for (int i = IsoName.LENGTH - 1; i >= 0; i--) {
            v = v << 8 | frame.u8(i);
        }
        return v;
    }

    private void acceptProprietary(FrameView frame, int address) {
        if (frame.direction() == Direction.TX || frame.length() < 4 || frame.u8(0) != 0x66 || frame.u8(1) != 0x99) {
            return;
        }
        int vregId = frame.u8(2) | frame.u8(3) << 8;
        boolean broadcast = NetworkMessages.destinationOf(frame) == NetworkMessages.GLOBAL_ADDRESS;
        if (vregId == VREG_REQUEST || vregId != VREG_ACK && !broadcast) {
            return;
        }
        Source s = source(address);
        if (!s.vreg) {
            s.vreg = true;
            version++;
        }
    }

    private void acceptStatus(FrameView frame, int address) {
        if (frame.length() < BatteryStatus.LENGTH) {
            return;
        }
        Source s = source(address);
        boolean before = isMgMasterLv(address);
        int instance = frame.u8(0);
        int current = frame.u8(3) | frame.u8(4) << 8;
        int base = 1 << instance / BatteryStatus.INSTANCE_STEP;
        int role = instance % BatteryStatus.INSTANCE_STEP;
        boolean changed = !s.battery | add(s.statusInstances, instance);
        s.battery = true;
        if (role == 0) {
            s.packBases |= base;
        } else if (role == 1 || role == 2) {
            if (current != BatteryStatus.NOT_IMPLEMENTED) {
                s.unmarked = true;
            } else if ((s.packBases & base) != 0) {
                s.markedBases |= base;
            }
        }
        if (changed || before != isMgMasterLv(address)) {
            version++;
        }
    }

    private void acceptDcStatus(FrameView frame, int address) {
        // The DC instance is payload byte 1: data byte 3 of fast-packet frame 0.
        if (frame.length() < 4 || (frame.u8(0) & 0x1F) != 0) {
            return;
        }
        Source s = source(address);
        boolean changed = !s.battery | add(s.dcInstances, frame.u8(3));
        s.battery = true;
        if (changed) {
            version++;
        }
    }

    private Source source(int address) {
        Source s = sources[address];
        if (s == null) {
            s = new Source();
            sources[address] = s;
        }
        return s;
    }

    /** Whether the device at {@code source} is the MG Master LV, by the rules above. */
    public boolean isMgMasterLv(int source) {
        return !evidence(source).isEmpty();
    }

    /**
     * How {@code source} was identified as the MG Master LV: {@code "address claim with manufacturer
     * code 1160"}, {@code "VREG traffic"}, {@code "chosen by the user"}, {@code "0x7FFF mark on its
     * cell instances"}; {@code ""} when it is not.
     */
    public String evidence(int source) {
        if (source < 0 || source > 255) {
            return "";
        }
        Source s = sources[source];
        if (s != null && s.name != null) {
            return s.name.manufacturerCode() == Manufacturers.MG_ENERGY_SYSTEMS
                    ? "address claim with manufacturer code " + Manufacturers.MG_ENERGY_SYSTEMS
                    : "";
        }
        if (s != null && s.vreg) {
            return "VREG traffic";
        }
        if (designated == source) {
            return "chosen by the user";
        }
        if (s != null && s.markedBases != 0 && !s.unmarked) {
            return "0x7FFF mark on its cell instances";
        }
        return "";
    }

    /** The NAME {@code source} claimed its address with, or null. */
    public IsoName name(int source) {
        Source s = source < 0 || source > 255 ? null : sources[source];
        return s == null ? null : s.name;
    }

    /**
     * The user says {@code source} is the MG Master LV (the command line's {@code --device}); it
     * counts unless its own address claim names another maker. -1 takes it back.
     *
     * @throws IllegalArgumentException for an address outside -1..253
     */
    public void designate(int source) {
        if (source < -1 || source >= NetworkMessages.NULL_ADDRESS) {
            throw new IllegalArgumentException("device address " + source + " is outside 0..253");
        }
        if (source != designated) {
            designated = source;
            version++;
        }
    }

    /** The designated address, or -1. */
    public int designated() {
        return designated;
    }

    /**
     * What {@code source} is, for people: {@code "MG Master LV"} when identified, else its maker and
     * role from its address claim ({@code "Victron Energy battery monitor"}, {@code "Garmin display"},
     * {@code "Garmin"}); null when it has not claimed its address.
     */
    public String label(int source) {
        if (isMgMasterLv(source)) {
            return MG_MASTER_LV;
        }
        IsoName name = name(source);
        if (name == null) {
            return null;
        }
        String maker = Objects.requireNonNullElse(Manufacturers.name(name.manufacturerCode()),
                "manufacturer code " + name.manufacturerCode());
        String role = DeviceClasses.role(name.deviceClass(), name.deviceFunction());
        if (role == null) {
            return maker;
        }
        return maker + " " + ("battery".equals(role) ? "battery monitor" : role);
    }

    /**
     * Every source that sent PGN 127508 or 127506, by address, with its instances: for the MG Master
     * LV its pack instances ({@code instance % 32 == 0}) and DC instances, for any other source every
     * instance it sent.
     */
    public List<BatterySource> batterySources() {
        if (listedVersion != version) {
            List<BatterySource> list = new ArrayList<>();
            for (int a = 0; a < sources.length; a++) {
                Source s = sources[a];
                if (s == null || !s.battery) {
                    continue;
                }
                boolean mg = isMgMasterLv(a);
                List<Integer> instances = new ArrayList<>();
                for (int instance = 0; instance < 256; instance++) {
                    if (s.dcInstances.get(instance) || s.statusInstances.get(instance)
                            && (!mg || instance % BatteryStatus.INSTANCE_STEP == 0)) {
                        instances.add(instance);
                    }
                }
                list.add(new BatterySource(a, List.copyOf(instances), mg, label(a), evidence(a)));
            }
            batterySources = List.copyOf(list);
            listedVersion = version;
        }
        return batterySources;
    }

    /** Increases whenever {@link #batterySources()} (or an identification) would answer differently. */
    public long version() {
        return version;
    }
}
