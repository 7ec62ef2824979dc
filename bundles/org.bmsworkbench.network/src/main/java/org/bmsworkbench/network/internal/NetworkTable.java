package org.bmsworkbench.network.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.network.BatteryReading;
import org.bmsworkbench.bms.network.BusDevice;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.protocol.nmea2000.codec.BatteryStatus;
import org.bmsworkbench.protocol.nmea2000.codec.DcDetailedStatus;
import org.bmsworkbench.protocol.nmea2000.codec.DeviceClasses;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketAssembler;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.Manufacturers;
import org.bmsworkbench.protocol.nmea2000.codec.Nmea2000Field;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;
import org.bmsworkbench.protocol.nmea2000.codec.SourceIdentities;

/**
 * The devices of one bus, learnt from every frame received and sent. On a 29-bit bus a device
 * is a source address: its address claim (NAME), its product information, the PGNs it sent, the
 * batteries it reported. On an 11-bit bus devices have no address: the frames of the SMA /
 * General BMS protocols are the BMS's, 0x305–0x30F an inverter's (a Sunny Island or a Victron
 * GX), anything else an unknown sender. Plain Java, not thread-safe: the caller serialises.
 */
final class NetworkTable {
    private static final int ADDRESSES = 254;

    private final SourceIdentities identities = new SourceIdentities();
    private final FastPacketAssembler assembler = new FastPacketAssembler(32);
    private final Node[] nodes = new Node[ADDRESSES];
    private final TreeMap<Integer, Battery> batteries = new TreeMap<>();
    private final TreeMap<String, Sender> senders = new TreeMap<>();
    private long version;
    private int malformed;

    /** One address on a 29-bit bus. */
    private static final class Node {
        final int address;
        IsoName name;
        ProductInformation product;
        final TreeSet<Integer> pgns = new TreeSet<>();
        long lastSeen;
        boolean self;

        Node(int address) {
            this.address = address;
        }
    }

    /** One (source, instance) of PGN 127508 / 127506. */
    private static final class Battery {
        final int source;
        final int instance;
        Double voltage;
        Double current;
        Double temperature;
        Double soc;
        long lastSeen;

        Battery(int source, int instance) {
            this.source = source;
            this.instance = instance;
        }
    }

    /** One role on an 11-bit bus. */
    private static final class Sender {
        final String role;
        final TreeSet<Integer> ids = new TreeSet<>();
        long lastSeen;
        String manufacturer;
        final byte[] serial = new byte[16];
        boolean serialSeen;

        Sender(String role) {
            this.role = role;
        }
    }

    /** Learns from one frame; error and remote frames say nothing about devices. */
    void accept(CanFrame frame) {
        if (frame.error() || frame.remote()) {
            return;
        }
        version++;
        if (frame.extended()) {
            accept29(frame);
        } else {
            accept11(frame);
        }
    }

    /** The user's (or the session's) choice of BMS, shown as {@link BusDevice#bms()}; -1 for none. */
    void designate(int address) {
        identities.designate(address);
        version++;
    }

    long version() {
        return version;
    }

    /** Frames of a network-management or battery PGN that could not be read. */
    int malformed() {
        return malformed;
    }

    private void accept29(CanFrame frame) {
        int source = frame.id() & 0xFF;
        if (source >= ADDRESSES) {
            return; // 254 "cannot claim" and 255 are no device's address
        }
        identities.accept(frame);
        Node node = nodes[source];
        if (node == null) {
            node = nodes[source] = new Node(source);
        }
        int pgn = NetworkMessages.pgnOf(frame);
        node.lastSeen = frame.timestampMicros();
        node.self = frame.direction() == Direction.TX;
        node.pgns.add(pgn);
        try {
            switch (pgn) {
                case NetworkMessages.ADDRESS_CLAIM -> {
                    IsoName name = IsoName.read(frame);
                    if (node.name != null && !node.name.equals(name)) {
                        // another device took this address: what was known of the old one goes
                        node.product = null;
                        node.pgns.clear();
                        node.pgns.add(pgn);
                        batteries.keySet().removeIf(k -> k >>> 8 == source);
                    }
                    node.name = name;
                }
                case NetworkMessages.PRODUCT_INFORMATION -> {
                    byte[] payload = assembler.accept(source, pgn, frame);
                    if (payload != null) {
                        node.product = ProductInformation.read(payload);
                    }
                }
                case BatteryStatus.PGN -> {
                    BatteryStatus s = BatteryStatus.read(frame);
                    Battery b = battery(source, s.instance());
                    b.voltage = number(Nmea2000Field.VOLTAGE.decode(s.voltage()));
                    b.current = number(Nmea2000Field.CURRENT.decode(s.current()));
                    b.temperature = number(Nmea2000Field.TEMPERATURE.decode(s.temperature()));
                    b.lastSeen = frame.timestampMicros();
                }
                case DcDetailedStatus.PGN -> {
                    byte[] payload = assembler.accept(source, pgn, frame);
                    if (payload != null) {
                        DcDetailedStatus s = DcDetailedStatus.read(payload);
                        Battery b = battery(source, s.instance());
                        b.soc = number(Nmea2000Field.PERCENT.decode(s.soc()));
                        b.lastSeen = frame.timestampMicros();
                    }
                }
                default -> {
                    // other PGNs only say the device is there
                }
            }
        } catch (MalformedFrameException e) {
            malformed++;
        }
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private Battery battery(int source, int instance) {
        return batteries.computeIfAbsent(source << 8 | instance, k -> new Battery(source, instance));
    }

    private void accept11(CanFrame frame) {
        int id = frame.id();
        String role = roleOf11(id);
        Sender s = senders.computeIfAbsent(role, Sender::new);
        s.ids.add(id);
        s.lastSeen = frame.timestampMicros();
        if (frame.fd()) {
            return; // the name and serial of SMA / General BMS frames are in classic CAN frames
        }
        if (id == 0x35E && frame.length() > 0) {
            s.manufacturer = ascii(frame, 0, frame.length());
        } else if ((id == 0x380 || id == 0x381) && frame.length() == 8) {
            frame.copyData(s.serial, id == 0x380 ? 0 : 8);
            s.serialSeen = true;
        }
    }

    /** The role of an 11-bit id: the SMA / General BMS frames are the BMS's; 0x305–0x30F an inverter's. */
    static String roleOf11(int id) {
        if (id >= 0x351 && id <= 0x35F || id >= 0x370 && id <= 0x37F || id == 0x380 || id == 0x381) {
            return "bms";
        }
        if (id >= 0x305 && id <= 0x30F) {
            return "inverter";
        }
        return "other";
    }

    private static String ascii(CanFrame frame, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = frame.u8(i);
            if (c >= 0x20 && c < 0x7F) {
                b.append((char) c);
            }
        }
        return b.toString().trim();
    }

    /** The devices, by address (29-bit) then role (11-bit). */
    List<BusDevice> devices() {
        List<BusDevice> list = new ArrayList<>();
        for (Node n : nodes) {
            if (n == null) {
                continue;
            }
            IsoName name = n.name;
            Integer code = name == null ? null : name.manufacturerCode();
            boolean bms = identities.isMgMasterLv(n.address);
            String role = n.self ? "workbench" : bms ? "bms"
                    : name != null && DeviceClasses.role(name.deviceClass(), name.deviceFunction()) != null
                            ? DeviceClasses.role(name.deviceClass(), name.deviceFunction())
                            : n.pgns.contains(BatteryStatus.PGN) ? "battery" : null;
            ProductInformation p = n.product;
            list.add(new BusDevice(n.address, role, name == null ? null : name.value(), code,
                    code == null ? null : Manufacturers.name(code), name == null ? null : name.deviceClass(),
                    name == null ? null : name.deviceFunction(), p == null ? null : blankToNull(p.modelId()),
                    p == null ? null : blankToNull(p.softwareVersion()), p == null ? null : blankToNull(p.modelSerial()),
                    List.copyOf(n.pgns), List.of(), n.lastSeen, n.self, bms));
        }
        for (Sender s : senders.values()) {
            list.add(new BusDevice(null, s.role, null, null, s.manufacturer, null, null, null, null,
                    s.serialSeen ? blankToNull(serialText(s.serial)) : null, List.of(), List.copyOf(s.ids), s.lastSeen,
                    false, s.role.equals("bms")));
        }
        return list;
    }

    private static String serialText(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            int c = x & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                b.append((char) c);
            }
        }
        return b.toString().trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The batteries, by source then instance; an MG Master LV's cell instances are not batteries. */
    List<BatteryReading> batteries() {
        List<BatteryReading> list = new ArrayList<>();
        for (Map.Entry<Integer, Battery> e : batteries.entrySet()) {
            Battery b = e.getValue();
            boolean mg = identities.isMgMasterLv(b.source);
            if (mg && b.instance % BatteryStatus.INSTANCE_STEP != 0) {
                continue;
            }
            list.add(new BatteryReading(b.source, b.instance, b.voltage, b.current, b.temperature, b.soc, b.lastSeen, mg));
        }
        return list;
    }

    /** The NAME claimed at {@code address}, or null. */
    IsoName nameAt(int address) {
        Node n = address >= 0 && address < ADDRESSES ? nodes[address] : null;
        return n == null ? null : n.name;
    }
}
