package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.junit.jupiter.api.Test;

/**
 * Guide 1.5.3 through the real NMEA 2000 service: PGN 127508 for the pack (instance base),
 * the lowest cell values (base+1) and the highest (base+2), and PGN 127506 as an 11-byte fast
 * packet, every 1500 ms from source 0x50, decoding back to the device's values.
 */
class Nmea2000FramesTest {
    private static final long EPOCH_MICROS = ScenarioTest.EPOCH * 1000;
    /** Priority 6, PGN 127508 (0x1F214) and 127506 (0x1F212), source 0x50. */
    private static final int BATTERY_STATUS_ID = 0x19F21450;
    private static final int DC_DETAILED_ID = 0x19F21250;

    private final Nmea2000Protocol protocol = new Nmea2000Protocol();
    private final List<String> problems = new ArrayList<>();

    private VirtualMasterLv bms(Scenario scenario, int instance) {
        SimulatorOptions o = SimulatorOptions.defaults().withProtocol("nmea2000").withScenario(scenario);
        o = new SimulatorOptions(o.protocol(), o.scenario(), o.serial(), o.seed(), o.speed(), o.series(), o.parallel(),
                o.capacityAh(), instance, o.combined());
        return new VirtualMasterLv(o, ScenarioTest.EPOCH, MgMasterLvProfile.defaults(),
                new TestProtocols().install(protocol)::find, problems::add);
    }

    private static List<CanFrame> pgns(List<CanFrame> frames) {
        return frames.stream().filter(f -> !VregCodec.isVreg(f)).toList();
    }

    @Test
    void threeBatteryStatusesAndADcDetailedStatusEvery1500Milliseconds() {
        VirtualMasterLv bms = bms(Scenario.NORMAL, 0);
        assertEquals(1500, bms.cyclicPeriodMillis());
        List<CanFrame> frames = pgns(bms.advanceTo(15_000));
        assertEquals(11 * 5, frames.size(), "0, 1.5, … 15 s: 3 × 127508 + 127506 in two frames");
        for (int cycle = 0; cycle <= 10; cycle++) {
            List<CanFrame> c = frames.subList(cycle * 5, cycle * 5 + 5);
            assertEquals(List.of(BATTERY_STATUS_ID, BATTERY_STATUS_ID, BATTERY_STATUS_ID, DC_DETAILED_ID, DC_DETAILED_ID),
                    c.stream().map(CanFrame::id).toList());
            assertEquals(List.of(0, 1, 2), c.subList(0, 3).stream().map(f -> f.u8(0)).toList(), "instances 0, 1, 2");
            for (CanFrame f : c) {
                assertTrue(f.extended());
                assertEquals(8, f.length());
                assertEquals(EPOCH_MICROS + cycle * 1_500_000L, f.timestampMicros());
            }
            // one sequence id for the cycle: byte 7 of 127508, byte 2 of the fast packet's first frame
            assertEquals(cycle, c.get(0).u8(7));
            assertEquals(cycle, c.get(2).u8(7));
            assertEquals(cycle, c.get(3).u8(2));
            assertEquals(0x0B, c.get(3).u8(1), "11 data bytes");
            assertEquals(c.get(3).u8(0) & 0xE0, c.get(4).u8(0) & 0xE0, "one fast-packet sequence");
            assertEquals(1, c.get(4).u8(0) & 0x1F, "frame counter of the second frame");
        }
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void theFramesDecodeToTheDevicesValuesForAllThreeInstancesAndTheFastPacket() throws Exception {
        VirtualMasterLv bms = bms(Scenario.DISCHARGING, 0);
        List<CanFrame> frames = pgns(bms.advanceTo(120_000));
        Map<String, Object> decoded = decodeLastCycle(frames);
        Map<String, Object> device = DeviceSignals.of(bms.device());
        for (String key : List.of("pack.voltage", "cell.voltage.min", "cell.voltage.max")) {
            assertEquals((Double) device.get(key), (Double) decoded.get(key), 0.0051, key);
        }
        assertEquals((Double) device.get("pack.current"), (Double) decoded.get("pack.current"), 0.051);
        for (String key : List.of("pack.temperature", "cell.temperature.min", "cell.temperature.max")) {
            assertEquals((Double) device.get(key), (Double) decoded.get(key), 0.051, key);
        }
        assertEquals(device.get("soc"), decoded.get("soc"));
        assertNotNull(device.get("time_to_go"), "discharging: a time to go");
        assertEquals(device.get("time_to_go"), decoded.get("time_to_go"));
        assertEquals(device.get("capacity.remaining"), decoded.get("capacity.remaining"));
        assertTrue((Double) decoded.get("pack.current") < 0, "discharging");
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void atRestTheTimeToGoIsNotAvailable() throws Exception {
        VirtualMasterLv bms = bms(Scenario.NORMAL, 0);
        bms.advanceTo(20 * 60_000 + 60_000); // the normal cycle rests from 20 to 25 min
        Map<String, Object> decoded = decodeLastCycle(pgns(bms.advanceTo(20 * 60_000 + 63_000)));
        assertTrue(decoded.containsKey("time_to_go"));
        assertNull(decoded.get("time_to_go"));
        assertEquals(DeviceSignals.of(bms.device()).get("soc"), decoded.get("soc"));
    }

    @Test
    void theDataInstanceBaseMovesAllThreeInstancesAndTheDcInstance() throws Exception {
        VirtualMasterLv bms = bms(Scenario.NORMAL, 64);
        List<CanFrame> frames = pgns(bms.advanceTo(3_000));
        List<CanFrame> last = frames.subList(frames.size() - 5, frames.size());
        assertEquals(List.of(64, 65, 66), last.subList(0, 3).stream().map(f -> f.u8(0)).toList());
        assertEquals(64, last.get(3).u8(3), "DC instance = base (byte 1 of the payload)");
        Map<String, Object> decoded = decodeLastCycle(frames);
        assertEquals(DeviceSignals.of(bms.device()).get("cell.voltage.max"), decoded.get("cell.voltage.max"));
    }

    @Test
    void withoutTheNmea2000ServiceNothingButVregIsSentAndThatIsReportedOnce() {
        VirtualMasterLv bms = new VirtualMasterLv(SimulatorOptions.defaults().withProtocol("nmea2000"),
                ScenarioTest.EPOCH, MgMasterLvProfile.defaults(), new TestProtocols()::find, problems::add);
        List<CanFrame> frames = bms.advanceTo(10_000);
        assertEquals(List.of(), pgns(frames));
        assertTrue(frames.stream().allMatch(VregCodec::isVreg) && !frames.isEmpty());
        assertEquals(List.of("protocol nmea2000 is not installed: the simulator sends none of its frames until it is"), problems);
    }

    /** The keys of the last cycle's five frames, decoded by a fresh session of the service. */
    private Map<String, Object> decodeLastCycle(List<CanFrame> frames) throws Exception {
        ProtocolSession session = protocol.newSession();
        Map<String, Object> decoded = new LinkedHashMap<>();
        List<String> messages = new ArrayList<>();
        for (CanFrame f : frames.subList(frames.size() - 5, frames.size())) {
            DecodedMessage m = session.decode(f);
            if (m != null) {
                assertEquals(0x50, m.source());
                messages.add(m.message());
                decoded.putAll(m.signals());
            }
        }
        assertEquals(List.of("battery_status", "battery_status", "battery_status", "dc_detailed_status"), messages);
        return decoded;
    }
}
