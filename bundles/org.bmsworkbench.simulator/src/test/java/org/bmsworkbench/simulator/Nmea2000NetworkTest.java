package org.bmsworkbench.simulator;

import static org.bmsworkbench.simulator.VregAnswersTest.frame;
import static org.bmsworkbench.simulator.VregAnswersTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.nmea2000.codec.BatteryStatus;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketAssembler;
import org.bmsworkbench.protocol.nmea2000.codec.IsoName;
import org.bmsworkbench.protocol.nmea2000.codec.NetworkMessages;
import org.bmsworkbench.protocol.nmea2000.codec.ProductInformation;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.junit.jupiter.api.Test;

/**
 * {@code sim:?protocol=nmea2000&scenario=network}: the Master LV among other makers' devices.
 * Network management as ISO 11783-5 / J1939-81 define it and canboat lays the frames out
 * ({@code database/pgns/060928-isoAddressClaim.yaml}, {@code 059904-isoRequest.yaml},
 * {@code 126996-productInformation.yaml}, {@code 127507-chargerStatus.yaml}); 127508/127506 as guide
 * 1.5.3 and canboat. Frames from outside are written out by hand: an ISO Request is
 * {@code 18EA<destination><source>} with the PGN in 3 bytes little endian, an address claim
 * {@code 18EEFF<source>} with the 8-byte NAME.
 */
class Nmea2000NetworkTest {
    private static final long EPOCH_MICROS = ScenarioTest.EPOCH * 1000;
    /** A NAME any arbitrary-address-capable NAME outranks but the display's: bit 63 set, every other field 0. */
    private static final IsoName BEST_ARBITRARY = IsoName.of(0, 0, 0, 0, 0, 0, 0, true);
    /** A tool's NAME: arbitrary-address capable, so the display's (which is not) outranks it. */
    private static final IsoName TOOL = IsoName.of(0x1FFFFF, 2000, 0, 130, 25, 0, 4, true);

    private final List<String> problems = new ArrayList<>();

    private Nmea2000Network network(String uri) {
        SimulatorOptions o = SimulatorOptions.parse(ConnectionUri.parse(uri));
        VirtualBus bus = VirtualBus.of(o, ScenarioTest.EPOCH, MgMasterLvProfile.defaults(),
                new TestProtocols().install(new Nmea2000Protocol())::find, problems::add);
        return assertInstanceOf(Nmea2000Network.class, bus);
    }

    private Nmea2000Network network() {
        return network("sim:?protocol=nmea2000&scenario=network");
    }

    private static CanFrame request(int pgn, int source, int destination) {
        return frame(0x18EA0000 | destination << 8 | source, String.format("%02X %02X %02X", pgn & 0xFF, pgn >> 8 & 0xFF,
                pgn >> 16));
    }

    private static CanFrame claim(IsoName name, int source) {
        return CanFrame.of(0, "can0", 0x18EEFF00 | source, true, name.toBytes());
    }

    private static IsoName nameOf(CanFrame claim) throws Exception {
        return IsoName.read(claim);
    }

    private static Predicate<CanFrame> pgn(int pgn, int source) {
        return f -> NetworkMessages.pgnOf(f) == pgn && (f.id() & 0xFF) == source;
    }

    @Test
    void atStartUpEveryDeviceClaimsItsAddressBeforeAnythingElse() throws Exception {
        Nmea2000Network net = network();
        List<CanFrame> frames = net.advanceTo(0);
        List<CanFrame> claims = frames.subList(0, 4);
        assertEquals(List.of("18EEFF50", "18EEFF41", "18EEFF42", "18EEFF20"),
                claims.stream().map(f -> String.format("%08X", f.id())).toList());
        assertTrue(claims.stream().allMatch(f -> f.timestampMicros() == EPOCH_MICROS && f.length() == 8));
        List<Integer> makers = new ArrayList<>();
        for (CanFrame f : claims) {
            makers.add(nameOf(f).manufacturerCode());
        }
        assertEquals(List.of(1160, 358, 355, 229), makers);
        IsoName mg = nameOf(claims.get(0));
        assertEquals(List.of(35, 170, 4, true), List.of(mg.deviceClass(), mg.deviceFunction(), mg.industryGroup(),
                mg.arbitraryAddressCapable()));
        IsoName monitor = nameOf(claims.get(1));
        assertEquals(List.of(35, 170), List.of(monitor.deviceClass(), monitor.deviceFunction()), "class 35, Battery");
        IsoName charger = nameOf(claims.get(2));
        assertEquals(List.of(35, 160), List.of(charger.deviceClass(), charger.deviceFunction()), "Battery Charger");
        IsoName display = nameOf(claims.get(3));
        assertEquals(List.of(120, 130, false), List.of(display.deviceClass(), display.deviceFunction(),
                display.arbitraryAddressCapable()));
        assertTrue(display.outranks(BEST_ARBITRARY), "the display outranks any arbitrary-address-capable NAME");
        assertTrue(frames.subList(4, frames.size()).stream().noneMatch(pgn(NetworkMessages.ADDRESS_CLAIM, 0x50)));
        assertEquals(List.of(), net.advanceTo(0), "claimed once");
        assertTrue(net.advanceTo(60_000).stream().noneMatch(f -> NetworkMessages.pgnOf(f) == NetworkMessages.ADDRESS_CLAIM),
                "no claim without a reason");
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void theDisplayHoldsAddress0x20AgainstALowerPriorityNameAndTheContenderGetsNoAnswers() {
        Nmea2000Network net = network();
        IsoName display = net.devices().get(3).name;
        assertTrue(display.outranks(TOOL));
        net.advanceTo(5_000);
        List<CanFrame> answer = net.receive(claim(TOOL, 0x20));
        assertEquals(List.of("18EEFF20 " + hex(display.toBytes())), text(answer), "the display claims 0x20 again");
        assertEquals(EPOCH_MICROS + 5_000_000, answer.get(0).timestampMicros());
        // a naive sender that stays at 0x20 collides with the display: nobody answers it
        assertEquals(List.of(), net.receive(frame(0x1CEF5020, "66 99 01 00 02 01 FF FF")), "VREG request from 0x20");
        assertEquals(List.of(), net.receive(request(NetworkMessages.ADDRESS_CLAIM, 0x20, 0xFF)));
        assertEquals(List.of(), net.receive(request(NetworkMessages.PRODUCT_INFORMATION, 0x20, 0x50)));
        // the same requests from a free address are answered
        assertEquals(List.of("1CEFFF50 6699020100002401"), text(net.receive(frame(0x1CEF5021, "66 99 01 00 02 01 FF FF"))));
        assertEquals(4, net.receive(request(NetworkMessages.ADDRESS_CLAIM, 0x21, 0xFF)).size());
        assertEquals(0x20, net.devices().get(3).address(), "the display did not move");
    }

    @Test
    void aDeviceOutrankedOnItsAddressMovesToAFreeOneAndTheDisplayCannotMove() {
        Nmea2000Network net = network();
        net.advanceTo(3_000);
        IsoName monitor = net.devices().get(1).name;
        IsoName better = IsoName.of(1, 358, 0, 170, 35, 0, 4, false);
        assertTrue(better.outranks(monitor));
        // 0x42 is the charger's: the monitor takes 0x43
        assertEquals(List.of("18EEFF43 " + hex(monitor.toBytes())), text(net.receive(claim(better, 0x41))));
        List<CanFrame> later = net.advanceTo(6_000);
        assertTrue(later.stream().anyMatch(pgn(BatteryStatus.PGN, 0x43)), "its PGNs from 0x43");
        assertTrue(later.stream().noneMatch(pgn(BatteryStatus.PGN, 0x41)));
        // an outsider holds 0x41 now: requests from it are answered
        assertEquals(1, net.receive(request(NetworkMessages.ADDRESS_CLAIM, 0x41, 0x50)).size());

        IsoName display = net.devices().get(3).name;
        IsoName best = new IsoName(display.value() - 1);
        assertEquals(List.of("18EEFFFE " + hex(display.toBytes())), text(net.receive(claim(best, 0x20))),
                "not arbitrary-address capable: cannot claim, from the null address");
        List<CanFrame> claims = net.receive(request(NetworkMessages.ADDRESS_CLAIM, 0x21, 0xFF));
        assertEquals(List.of("18EEFF50", "18EEFF43", "18EEFF42", "18EEFFFE"),
                claims.stream().map(f -> String.format("%08X", f.id())).toList());
    }

    @Test
    void anIsoRequestForTheClaimTo255GetsEveryClaimAndOneToTheMgOnlyItsAddressedToTheRequester() {
        Nmea2000Network net = network();
        List<CanFrame> start = net.advanceTo(2_000);
        List<CanFrame> all = net.receive(request(NetworkMessages.ADDRESS_CLAIM, 0x21, 0xFF));
        assertEquals(text(start.subList(0, 4)), text(all), "every claim again, to 255");
        assertEquals(List.of("18EE2150 " + hex(start.get(0).data())),
                text(net.receive(request(NetworkMessages.ADDRESS_CLAIM, 0x21, 0x50))), "to the requester");
        assertEquals(List.of("18EEFF42 " + hex(start.get(2).data())),
                text(net.receive(request(NetworkMessages.ADDRESS_CLAIM, 0xFE, 0x42))),
                "a request from the null address is answered to all");
        assertEquals(List.of(), net.receive(request(NetworkMessages.ADDRESS_CLAIM, 0x21, 0x33)), "no device at 0x33");
    }

    @Test
    void anIsoRequestForProductInformationTo0x50GetsTheMgsAsAFastPacketThatReassembles() throws Exception {
        Nmea2000Network net = network("sim:?protocol=nmea2000&scenario=network&serial=MG1234SIM");
        net.advanceTo(2_000);
        List<CanFrame> answer = net.receive(request(NetworkMessages.PRODUCT_INFORMATION, 0x21, 0x50));
        assertEquals(20, answer.size(), "134 bytes: 6 + 18 × 7 + 2");
        assertTrue(answer.stream().allMatch(f -> f.id() == 0x19F01450), "priority 6, PGN 126996, from 0x50");
        FastPacketAssembler assembler = new FastPacketAssembler();
        byte[] payload = null;
        for (CanFrame f : answer) {
            payload = assembler.accept(0x50, NetworkMessages.PRODUCT_INFORMATION, f);
        }
        ProductInformation info = ProductInformation.read(payload);
        assertEquals("MG Master LV", info.modelId());
        assertEquals("1.24.00", info.softwareVersion(), "the firmware of VREG 0x0102");
        assertEquals("MG1234SIM", info.modelSerial());
        assertEquals(2100, info.nmea2000Version());

        List<CanFrame> everyone = net.receive(request(NetworkMessages.PRODUCT_INFORMATION, 0x21, 0xFF));
        assertEquals(List.of(0x50, 0x41, 0x42, 0x20), everyone.stream().map(f -> f.id() & 0xFF).distinct().toList());
        assertEquals(80, everyone.size());
    }

    @Test
    void aRequestForAPgnADeviceDoesNotSendIsNakedWhenAddressedToIt() throws Exception {
        Nmea2000Network net = network();
        net.advanceTo(1_000);
        List<CanFrame> nak = net.receive(request(126464, 0x21, 0x42));
        assertEquals(List.of("18E82142 01FFFFFFFF00EE01"), text(nak), "ISO Acknowledgement NAK of PGN 126464 to 0x21");
        assertEquals(List.of(), net.receive(request(126464, 0x21, 0xFF)), "a broadcast request is not NAKed");
    }

    @Test
    void theBatteryMonitorsInstances0And1CarryRealCurrentsAndItsDcStatusInstance0() throws Exception {
        Nmea2000Network net = network();
        List<CanFrame> frames = net.advanceTo(30_000);
        List<BatteryStatus> monitor = new ArrayList<>();
        for (CanFrame f : frames) {
            if (pgn(BatteryStatus.PGN, 0x41).test(f)) {
                monitor.add(BatteryStatus.read(f));
            }
        }
        assertEquals(2 * 20, monitor.size(), "two instances every 1.5 s from 0.3 s");
        for (BatteryStatus s : monitor) {
            assertTrue(s.instance() == 0 || s.instance() == 1, s::toString);
            assertNotEquals(BatteryStatus.NOT_IMPLEMENTED, s.current(), s::toString);
            assertNotEquals(0, s.current(), "a real current");
        }
        Map<String, Object> house = decode(frames, 0x41, 0);
        double houseVolts = (Double) house.get("pack.voltage");
        assertTrue(houseVolts > 4 * 3.0 && houseVolts < 4 * 3.5, "12.8 V LiFePO4, 4 cells: " + houseVolts);
        assertTrue((Double) house.get("pack.current") < -4, "the boat's loads: " + house);
        assertEquals(80L, house.get("soc"));
        assertEquals(320L, house.get("capacity.remaining"));
        assertNotNull(house.get("time_to_go"));
        Map<String, Object> start = decode(frames, 0x41, 1);
        double startVolts = (Double) start.get("pack.voltage");
        assertTrue(startVolts > 8 * 3.0 && startVolts < 8 * 3.5, "25.6 V LiFePO4, 8 cells: " + startVolts);
        assertTrue((Double) start.get("pack.current") < 0);

        // in the last 20 minutes of the hour the charger runs: bulk into the house bank
        List<CanFrame> charging = net.advanceTo(2_460_000);
        Map<String, Object> charged = decode(charging, 0x41, 0);
        assertEquals(30, (Double) charged.get("pack.current"), 0.2);
        assertNull(charged.get("time_to_go"));
        CanFrame status = last(charging, pgn(127507, 0x42));
        assertEquals("06000001F10000", status.dataHex().toUpperCase().substring(2),
                "127507 in one fast-packet frame: length 6, instance 0, battery instance 0, state 1 bulk, mode 0"
                        + " standalone, enabled 1 on, equalization off, reserved ones, 0 minutes");
        assertEquals(0, last(frames, pgn(127507, 0x42)).u8(4) & 0x0F, "state 0 not charging while the loads draw");
        assertEquals(0xF0, last(frames, pgn(127507, 0x42)).u8(5), "disabled (off)");
    }

    @Test
    void overThreeHoursTheChargerRunsInTheLastTwentyMinutesOfEveryHour() {
        Nmea2000Network net = network();
        List<CanFrame> frames = net.advanceTo(3 * 3_600_000);
        int on = 0;
        int off = 0;
        for (CanFrame f : frames) {
            if (pgn(127507, 0x42).test(f)) {
                long second = (f.timestampMicros() - EPOCH_MICROS) / 1_000_000 % 3600;
                boolean charging = (f.u8(5) & 0x03) == 1;
                assertEquals(second >= 2400, charging, "at " + second + " s into the hour");
                assertEquals(charging ? 1 : 0, f.u8(4) & 0x0F, "bulk while on (the house bank stays below 95 %)");
                on += charging ? 1 : 0;
                off += charging ? 0 : 1;
            }
        }
        assertEquals(3 * 2400, off + on, "every 1.5 s for 3 h");
        assertEquals(3 * 800, on);
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void theMgSendsInstances32To34AndOnlyItsCellInstancesCarryTheNotImplementedCurrent() throws Exception {
        Nmea2000Network net = network();
        List<CanFrame> frames = net.advanceTo(3_000);
        List<BatteryStatus> mg = new ArrayList<>();
        for (CanFrame f : frames) {
            if (pgn(BatteryStatus.PGN, 0x50).test(f)) {
                mg.add(BatteryStatus.read(f));
            }
        }
        assertEquals(List.of(32, 33, 34, 32, 33, 34, 32, 33, 34), mg.stream().map(BatteryStatus::instance).toList());
        assertNotEquals(BatteryStatus.NOT_IMPLEMENTED, mg.get(0).current());
        assertEquals(BatteryStatus.NOT_IMPLEMENTED, mg.get(1).current(), "guide 1.5.3.1: field 3 of base+1");
        assertEquals(BatteryStatus.NOT_IMPLEMENTED, mg.get(2).current(), "and of base+2");
        CanFrame dc = frames.stream().filter(pgn(127506, 0x50)).findFirst().orElseThrow();
        assertEquals(32, dc.u8(3), "DC instance 32");

        // the NMEA 2000 service decodes cells from the MG only, never from the other maker's batteries
        ProtocolSession session = new Nmea2000Protocol().newSession();
        int mgCells = 0;
        for (CanFrame f : net.advanceTo(20_000)) {
            DecodedMessage m = session.decode(f);
            if (m == null) {
                continue;
            }
            boolean cells = m.signals().keySet().stream().anyMatch(k -> k.startsWith("cell."));
            if (m.source() == 0x50) {
                mgCells += cells ? 1 : 0;
            } else {
                assertFalse(cells, () -> "cell values from " + m.source() + ": " + m.signals());
            }
        }
        assertTrue(mgCells > 0);
    }

    @Test
    void vregAddressedTo0x50IsAnsweredAndTo0x41Not() {
        Nmea2000Network net = network();
        net.advanceTo(10_000);
        assertEquals(List.of("1CEFFF50 6699020100002401"), text(net.receive(frame(0x1CEF5021, "66 99 01 00 02 01 FF FF"))));
        assertEquals(List.of(), net.receive(frame(0x1CEF4121, "66 99 01 00 02 01 FF FF")));
        assertEquals(List.of("1CEFFF50 6699710309FFFFFF"), text(net.receive(frame(0x1CEFFF21, "66 99 01 00 71 03 FF FF"))),
                "a broadcast request: the MG alone answers");
    }

    @Test
    void theSameSeedGivesTheSameFramesWhateverTheStepsAndAnotherSeedOtherNames() {
        List<CanFrame> once = network().advanceTo(20_000);
        Nmea2000Network stepped = network();
        List<CanFrame> steps = new ArrayList<>();
        for (long t = 0; t <= 20_000; t += 70) {
            steps.addAll(stepped.advanceTo(t));
        }
        steps.addAll(stepped.advanceTo(20_000));
        assertEquals(text(once), text(steps));
        assertEquals(once.stream().map(CanFrame::timestampMicros).toList(),
                steps.stream().map(CanFrame::timestampMicros).toList());
        List<CanFrame> other = network("sim:?protocol=nmea2000&scenario=network&seed=2").advanceTo(0);
        assertNotEquals(text(once.subList(0, 4)), text(other.subList(0, 4)));
        for (int i = 1; i < once.size(); i++) {
            assertTrue(once.get(i).timestampMicros() >= once.get(i - 1).timestampMicros(), "in time order");
        }
    }

    @Test
    void theNetworkScenarioPutsTheMgAtInstanceBase32UnlessToldOtherwise() {
        assertEquals(32, SimulatorOptions.parse(ConnectionUri.parse("sim:?scenario=network")).instance());
        assertEquals(0, SimulatorOptions.parse(ConnectionUri.parse("sim:?scenario=network&instance=0")).instance());
        assertEquals(0, SimulatorOptions.parse(ConnectionUri.parse("sim:?scenario=normal")).instance());
        VirtualBus alone = VirtualBus.of(SimulatorOptions.defaults().withProtocol("nmea2000"), ScenarioTest.EPOCH,
                MgMasterLvProfile.defaults(), new TestProtocols().install(new Nmea2000Protocol())::find, problems::add);
        assertInstanceOf(VirtualMasterLv.class, alone, "other scenarios: the Master LV alone");
        assertTrue(alone.advanceTo(10_000).stream().noneMatch(f -> NetworkMessages.pgnOf(f) == NetworkMessages.ADDRESS_CLAIM));
    }

    /** The keys of the last 127508 of (source, instance) and, for instance 0, the last 127506 of that source. */
    private static Map<String, Object> decode(List<CanFrame> frames, int source, int instance) throws Exception {
        ProtocolSession session = new Nmea2000Protocol().newSession();
        Map<String, Object> keys = new HashMap<>();
        for (CanFrame f : frames) {
            DecodedMessage m = session.decode(f);
            if (m != null && m.source() == source && (m.pgn() == BatteryStatus.PGN && f.u8(0) == instance
                    || m.pgn() == 127506 && instance == 0)) {
                keys.putAll(m.signals());
            }
        }
        return keys;
    }

    private static CanFrame last(List<CanFrame> frames, Predicate<CanFrame> which) {
        CanFrame last = null;
        for (CanFrame f : frames) {
            if (which.test(f)) {
                last = f;
            }
        }
        assertNotNull(last);
        return last;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02X", b));
        }
        return sb.toString();
    }
}
