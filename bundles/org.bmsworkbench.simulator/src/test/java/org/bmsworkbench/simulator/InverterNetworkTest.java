package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolDetector;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ConnectionUri;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.generalbms.internal.GeneralBmsProtocol;
import org.bmsworkbench.protocol.nmea2000.internal.Nmea2000Protocol;
import org.bmsworkbench.protocol.pylontech.internal.PylontechProtocol;
import org.bmsworkbench.protocol.sma.internal.SmaProtocol;
import org.bmsworkbench.protocol.vreg.internal.VregProtocol;
import org.junit.jupiter.api.Test;

/**
 * {@code sim:?protocol=general-bms&scenario=network}: the Master LV's General BMS frames and, on the
 * same bus, an inverter's own as a Victron GX device sends them to a BMS (0x305 keep-alive, 8 zero
 * bytes; 0x307 with "VIC" in bytes 4–6). They must not disturb detection or decoding.
 */
class InverterNetworkTest {
    private final GeneralBmsProtocol generalBms = new GeneralBmsProtocol();
    private final List<BmsProtocol> installed = List.of(new SmaProtocol(), generalBms, new PylontechProtocol(),
            new Nmea2000Protocol(), new VregProtocol());
    private final List<String> problems = new ArrayList<>();

    private VirtualBus bus(String uri) {
        TestProtocols registry = new TestProtocols();
        installed.forEach(registry::install);
        return VirtualBus.of(SimulatorOptions.parse(ConnectionUri.parse(uri)), ScenarioTest.EPOCH,
                MgMasterLvProfile.defaults(), registry::find, problems::add);
    }

    @Test
    void theInverterSendsItsKeepAliveAndIdentificationEverySecondBesideTheBms() {
        VirtualBus bus = bus("sim:?protocol=general-bms&scenario=network");
        assertInstanceOf(InverterNetwork.class, bus);
        List<CanFrame> frames = bus.advanceTo(10_000);
        List<CanFrame> inverter = frames.stream().filter(f -> f.id() == 0x305 || f.id() == 0x307).toList();
        assertEquals(20, inverter.size(), "0.2, 1.2, … 9.2 s");
        for (int i = 0; i < inverter.size(); i += 2) {
            assertEquals(0x305, inverter.get(i).id());
            assertEquals("0000000000000000", inverter.get(i).dataHex());
            assertEquals(0x307, inverter.get(i + 1).id());
            assertEquals("VIC", new String(inverter.get(i + 1).data(), 4, 3, java.nio.charset.StandardCharsets.US_ASCII));
            assertTrue(!inverter.get(i).extended() && inverter.get(i).length() == 8);
            assertEquals((ScenarioTest.EPOCH + 200 + 1000L * (i / 2)) * 1000, inverter.get(i).timestampMicros());
        }
        assertEquals(21 * generalBms.messages().size(), frames.size() - inverter.size(), "the BMS's cycle as alone");
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i).timestampMicros() >= frames.get(i - 1).timestampMicros(), "in time order");
        }
        assertEquals(List.of(), bus.receive(CanFrame.of(0, "can0", 0x305, false, new byte[8])), "nothing answers");
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void detectionStillChoosesGeneralBmsAndDecodesTheBmsFramesWithTheInverterFramesPresent() throws Exception {
        VirtualBus bus = bus("sim:?protocol=general-bms&scenario=network");
        List<CanFrame> frames = bus.advanceTo(5_000);
        ProtocolDetector detector = new ProtocolDetector(installed);
        // the inverter's frames alone are nobody's evidence
        frames.stream().filter(f -> f.id() == 0x305 || f.id() == 0x307).forEach(detector::offer);
        assertTrue(detector.result().isEmpty(), () -> detector.result().toString());
        frames.forEach(detector::offer);
        ProtocolDetector.Detection d = detector.result().orElseThrow();
        assertEquals(List.of("general-bms"), d.protocolIds(), d.evidence());
        assertTrue(!d.evidence().contains("0x305") && !d.evidence().contains("0x307"), d.evidence());

        ProtocolSession session = generalBms.newSession();
        Map<String, Object> decoded = new HashMap<>();
        for (CanFrame f : frames) {
            DecodedMessage m = session.decode(f);
            if (f.id() == 0x305 || f.id() == 0x307) {
                assertNull(m, "not a General BMS frame: " + f);
            } else if (m != null) {
                decoded.putAll(m.signals());
            }
        }
        Map<String, Object> device = DeviceSignals.of(bus.masterLv().device());
        assertEquals((Double) device.get("pack.voltage"), (Double) decoded.get("pack.voltage"), 0.0051);
        assertEquals(device.get("soc"), decoded.get("soc"));
        assertEquals("MG0000SIM0000001", decoded.get("bms.serial"));
    }

    @Test
    void onSmaTooAndTheScenarioIsNormalForTheBms() {
        VirtualBus bus = bus("sim:?protocol=sma&scenario=network");
        List<CanFrame> frames = bus.advanceTo(3_000);
        assertTrue(frames.stream().anyMatch(f -> f.id() == 0x307));
        ProtocolDetector detector = new ProtocolDetector(installed);
        frames.forEach(detector::offer);
        assertEquals(List.of("sma"), detector.result().orElseThrow().protocolIds());
    }
}
