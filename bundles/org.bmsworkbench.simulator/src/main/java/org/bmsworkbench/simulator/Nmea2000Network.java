package org.bmsworkbench.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketEncoder;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;

/**
 * The {@code network} scenario on NMEA 2000: the Master LV among other makers' devices, as on a
 * boat, each with its ISO NAME (industry group 4, marine) and address:
 * <table>
 * <caption>devices</caption>
 * <tr><th>device</th><th>address</th><th>manufacturer</th><th>class / function</th><th>sends</th></tr>
 * <tr><td>MG Master LV</td><td>0x50 (profile)</td><td>1160 MG Energy Systems</td><td>35 / 170 battery</td>
 * <td>127508 instances 32, 33, 34 and 127506 instance 32 (base {@value SimulatorOptions#NETWORK_INSTANCE}), VREG</td></tr>
 * <tr><td>battery monitor</td><td>{@value #MONITOR_ADDRESS}</td><td>358 Victron Energy</td><td>35 / 170 battery</td>
 * <td>127508 instances 0 and 1, 127506 instance 0 ({@link BatteryMonitorNode})</td></tr>
 * <tr><td>charger</td><td>{@value #CHARGER_ADDRESS}</td><td>355 Mastervolt</td><td>35 / 160 battery charger</td>
 * <td>127507 ({@link ChargerNode})</td></tr>
 * <tr><td>display</td><td>{@value #DISPLAY_ADDRESS}</td><td>229 Garmin</td><td>120 / 130 display</td>
 * <td>nothing periodic; not arbitrary-address capable ({@link DisplayNode})</td></tr>
 * </table>
 * Codes and lookups as canboat names them (MANUFACTURER_CODE, DEVICE_CLASS, DEVICE_FUNCTION).
 *
 * <p>Network management (ISO 11783-5 / J1939-81 as NMEA 2000 uses it), for every device:
 * <ul>
 * <li>at start-up (virtual time 0) each sends its Address Claim (PGN 60928), before anything else;</li>
 * <li>an ISO Request (59904) to its address or to 255: for 60928 its claim — to the requester when
 * the request was addressed to it, to 255 when it was broadcast or came from the null address
 * 254; for 126996 its Product Information, fast packet (broadcast: a PDU2 PGN has no
 * destination); for any other PGN, addressed to it: an ISO Acknowledgement NAK (control 1) to the
 * requester, as J1939-21 asks (nothing for a broadcast request);</li>
 * <li>another node's claim of an address one of them holds: the holder whose NAME outranks the
 * contender's (numerically lower) sends its claim again — the contender must move; one outranked
 * moves to the next address no one holds (after its own, up to 251, wrapping) and claims it, or,
 * not arbitrary-address capable, sends Cannot Claim (source 254) and falls silent;</li>
 * <li>a frame from outside whose source address one of them holds (other than a claim) is a
 * collision on a real bus: none of them answers it;</li>
 * <li>everything else goes to the Master LV, which answers VREG addressed to its address or to 255.</li>
 * </ul>
 * Claims by outside nodes are remembered, so a device that moves does not take a held address.
 */
public final class Nmea2000Network implements VirtualBus {
    public static final int MONITOR_ADDRESS = 0x41;
    public static final int CHARGER_ADDRESS = 0x42;
    public static final int DISPLAY_ADDRESS = 0x20;
    /** Industry group 4: marine (canboat INDUSTRY_CODE). */
    static final int MARINE = 4;
    static final int CLASS_ELECTRICAL_GENERATION = 35;
    static final int CLASS_DISPLAY = 120;
    static final int FUNCTION_BATTERY = 170;
    static final int FUNCTION_BATTERY_CHARGER = 160;
    static final int FUNCTION_DISPLAY = 130;
    static final int MG_ENERGY_SYSTEMS = 1160;
    static final int VICTRON_ENERGY = 358;
    static final int MASTERVOLT = 355;
    static final int GARMIN = 229;
    /** NMEA 2000 version 2.100 (field resolution 0.001). */
    static final int NMEA2000_VERSION = 2100;
    /** Addresses a device may take: 0–251 (252–253 reserved, 254 null, 255 global). */
    static final int HIGHEST_ADDRESS = 251;

    private final VirtualMasterLv bms;
    private final long epochMillis;
    private final List<NetworkDevice> devices;
    private final FastPacketEncoder encoder;
    /** Addresses held by nodes outside the simulation, by their claims. */
    private final Map<Integer, IsoName> outsiders = new HashMap<>();
    private boolean claimed;

    private Nmea2000Network(VirtualMasterLv bms, long epochMillis, List<NetworkDevice> devices,
            FastPacketEncoder encoder) {
        this.bms = bms;
        this.epochMillis = epochMillis;
        this.devices = devices;
        this.encoder = encoder;
    }

    /** The Master LV with the other devices, their NAMEs' unique numbers drawn from the seed. */
    static Nmea2000Network around(VirtualMasterLv bms, long epochMillis) {
        SimulatorOptions o = bms.device().options();
        SplittableRandom unique = new SplittableRandom(o.seed() * 7919 + 3);
        FastPacketEncoder encoder = new FastPacketEncoder();
        BoatBatteries batteries = new BoatBatteries(o.seed());
        List<NetworkDevice> devices = new ArrayList<>(4);
        devices.add(new MasterLvNode(bms, name(unique, MG_ENERGY_SYSTEMS, FUNCTION_BATTERY, CLASS_ELECTRICAL_GENERATION,
                true), new ProductInformation(NMEA2000_VERSION, 1160, "MG Master LV", "1.24.00", "simulated",
                o.serial(), 1, 1)));
        int n = unique.nextInt(1 << 21);
        devices.add(new BatteryMonitorNode(name(n, VICTRON_ENERGY, FUNCTION_BATTERY, CLASS_ELECTRICAL_GENERATION, true),
                new ProductInformation(NMEA2000_VERSION, 358, "Battery Monitor SIM", "4.10", "simulated",
                        "HQSIM" + n, 1, 1), MONITOR_ADDRESS, batteries, encoder));
        n = unique.nextInt(1 << 21);
        devices.add(new ChargerNode(name(n, MASTERVOLT, FUNCTION_BATTERY_CHARGER, CLASS_ELECTRICAL_GENERATION, true),
                new ProductInformation(NMEA2000_VERSION, 355, "Battery Charger SIM 12/30", "2.03", "simulated",
                        "MVSIM" + n, 1, 2), CHARGER_ADDRESS, batteries, encoder));
        n = unique.nextInt(1 << 21);
        devices.add(new DisplayNode(name(n, GARMIN, FUNCTION_DISPLAY, CLASS_DISPLAY, false),
                new ProductInformation(NMEA2000_VERSION, 229, "Chartplotter SIM", "19.40", "simulated",
                        "GASIM" + n, 2, 6), DISPLAY_ADDRESS));
        return new Nmea2000Network(bms, epochMillis, List.copyOf(devices), encoder);
    }

    private static IsoName name(SplittableRandom unique, int manufacturer, int function, int deviceClass,
            boolean arbitrary) {
        return name(unique.nextInt(1 << 21), manufacturer, function, deviceClass, arbitrary);
    }

    private static IsoName name(int unique, int manufacturer, int function, int deviceClass, boolean arbitrary) {
        return IsoName.of(unique, manufacturer, 0, function, deviceClass, 0, MARINE, arbitrary);
    }

    @Override
    public VirtualMasterLv masterLv() {
        return bms;
    }

    /** The simulated devices: the Master LV, the battery monitor, the charger, the display. */
    List<NetworkDevice> devices() {
        return devices;
    }

    @Override
    public long nextDueMillis() {
        if (!claimed) {
            return 0;
        }
        long next = Long.MAX_VALUE;
        for (NetworkDevice d : devices) {
            next = Math.min(next, d.nextDueMillis());
        }
        return next;
    }

    @Override
    public List<CanFrame> advanceTo(long millis) {
        List<CanFrame> out = new ArrayList<>();
        if (millis < 0) {
            return out;
        }
        if (!claimed) {
            claimed = true;
            for (NetworkDevice d : devices) {
                out.add(NetworkMessages.addressClaim(d.name, d.address(), VirtualMasterLv.BUS, epochMillis * 1000));
            }
        }
        while (true) {
            NetworkDevice due = null;
            for (NetworkDevice d : devices) {
                if (d.nextDueMillis() <= millis && (due == null || d.nextDueMillis() < due.nextDueMillis())) {
                    due = d;
                }
            }
            if (due == null) {
                break;
            }
            out.addAll(due.sendDue(due.nextDueMillis(), epochMillis));
        }
        for (NetworkDevice d : devices) {
            d.runTo(millis);
        }
        return out;
    }

    @Override
    public List<CanFrame> receive(CanFrame frame) {
        if (!frame.extended() || frame.remote() || frame.error()) {
            return bms.receive(frame);
        }
        int pgn = NetworkMessages.pgnOf(frame);
        int source = frame.id() & 0xFF;
        long micros = bms.device().epochMicros();
        if (pgn == NetworkMessages.ADDRESS_CLAIM) {
            return contest(frame, source, micros);
        }
        if (holder(source) != null) {
            return List.of(); // two senders with one address: a collision, nobody answers
        }
        if (pgn == NetworkMessages.ISO_REQUEST) {
            return answer(frame, source, micros);
        }
        List<CanFrame> out = new ArrayList<>();
        for (NetworkDevice d : devices) {
            if (d.online()) {
                out.addAll(d.receive(frame));
            }
        }
        return out;
    }

    /** Another node claims {@code address} (or cannot claim one, from 254). */
    private List<CanFrame> contest(CanFrame frame, int address, long micros) {
        IsoName other;
        try {
            other = IsoName.read(frame);
        } catch (MalformedFrameException e) {
            return List.of();
        }
        outsiders.values().remove(other);
        if (address == NetworkMessages.NULL_ADDRESS) {
            return List.of();
        }
        NetworkDevice holder = holder(address);
        if (holder == null) {
            outsiders.put(address, other);
            return List.of();
        }
        if (holder.name.equals(other)) {
            return List.of(); // our own NAME from outside: not a contest we can decide
        }
        if (holder.name.outranks(other)) {
            return List.of(NetworkMessages.addressClaim(holder.name, address, VirtualMasterLv.BUS, micros));
        }
        outsiders.put(address, other);
        int free = holder.name.arbitraryAddressCapable() ? freeAddressAfter(address) : -1;
        if (free < 0) {
            holder.moveTo(NetworkMessages.NULL_ADDRESS);
            return List.of(NetworkMessages.cannotClaim(holder.name, VirtualMasterLv.BUS, micros));
        }
        holder.moveTo(free);
        return List.of(NetworkMessages.addressClaim(holder.name, free, VirtualMasterLv.BUS, micros));
    }

    /** The next address after {@code address} (wrapping within 0–251) that no device and no outsider holds; -1: none. */
    private int freeAddressAfter(int address) {
        for (int i = 1; i <= HIGHEST_ADDRESS + 1; i++) {
            int a = (address + i) % (HIGHEST_ADDRESS + 1);
            if (holder(a) == null && !outsiders.containsKey(a)) {
                return a;
            }
        }
        return -1;
    }

    /** The simulated device holding {@code address}, or null. */
    private NetworkDevice holder(int address) {
        if (address == NetworkMessages.NULL_ADDRESS) {
            return null;
        }
        for (NetworkDevice d : devices) {
            if (d.address() == address) {
                return d;
            }
        }
        return null;
    }

    private List<CanFrame> answer(CanFrame request, int requester, long micros) {
        int requested;
        try {
            requested = NetworkMessages.requestedPgn(request);
        } catch (MalformedFrameException e) {
            return List.of();
        }
        int destination = NetworkMessages.destinationOf(request);
        boolean global = destination == NetworkMessages.GLOBAL_ADDRESS;
        List<CanFrame> out = new ArrayList<>();
        for (NetworkDevice d : devices) {
            if (!global && destination != d.address()) {
                continue;
            }
            if (!d.online()) {
                if (requested == NetworkMessages.ADDRESS_CLAIM && d.address() == NetworkMessages.NULL_ADDRESS) {
                    out.add(NetworkMessages.cannotClaim(d.name, VirtualMasterLv.BUS, micros));
                }
                continue;
            }
            if (requested == NetworkMessages.ADDRESS_CLAIM) {
                CanFrame claim = NetworkMessages.addressClaim(d.name, d.address(), VirtualMasterLv.BUS, micros);
                out.add(global || requester == NetworkMessages.NULL_ADDRESS ? claim : addressedTo(claim, requester));
            } else if (requested == NetworkMessages.PRODUCT_INFORMATION) {
                out.addAll(productInformation(d, micros));
            } else if (!global) {
                out.add(NetworkMessages.isoAcknowledgement(NetworkMessages.NAK, requested, d.address(), requester, VirtualMasterLv.BUS,
                        micros));
            }
        }
        return out;
    }

    /** The same PDU1 frame, sent to {@code destination}. */
    private static CanFrame addressedTo(CanFrame frame, int destination) {
        int id = frame.id() & ~0xFF00 | destination << 8;
        return CanFrame.wrap(frame.timestampMicros(), frame.bus(), id, true, frame.data());
    }

    private List<CanFrame> productInformation(NetworkDevice d, long micros) {
        int id = J1939Id.of(NetworkMessages.PRIORITY, NetworkMessages.PRODUCT_INFORMATION, d.address(), J1939Id.BROADCAST).canId();
        List<CanFrame> out = new ArrayList<>();
        for (byte[] data : encoder.encode(d.address(), NetworkMessages.PRODUCT_INFORMATION, d.product.toBytes())) {
            out.add(CanFrame.wrap(micros, VirtualMasterLv.BUS, id, true, data));
        }
        return out;
    }
}
