package org.bmsworkbench.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.device.mg.MgMasterLvProfile;
import org.bmsworkbench.protocol.generalbms.internal.GeneralBmsProtocol;
import org.junit.jupiter.api.Test;

/** The default protocol through the real General BMS service: every message every 500 ms, decodable. */
class GeneralBmsFramesTest {

    @Test
    void theDefaultSimulatorSendsEveryGeneralBmsMessageAndTheyDecodeToTheDevicesValues() throws Exception {
        GeneralBmsProtocol protocol = new GeneralBmsProtocol();
        TestProtocols registry = new TestProtocols().install(protocol);
        List<String> problems = new ArrayList<>();
        VirtualMasterLv bms = new VirtualMasterLv(SimulatorOptions.defaults(), ScenarioTest.EPOCH,
                MgMasterLvProfile.defaults(), registry::find, problems::add);
        List<CanFrame> frames = bms.advanceTo(30_000);
        int perCycle = protocol.messages().size();
        assertEquals(61 * perCycle, frames.size());
        assertTrue(problems.isEmpty(), problems::toString);
        List<Integer> ids = frames.subList(0, perCycle).stream().map(CanFrame::id).toList();
        assertTrue(ids.containsAll(List.of(0x351, 0x355, 0x356, 0x35A, 0x35B, 0x35E, 0x35F, 0x373, 0x378, 0x380, 0x381)),
                ids::toString);

        ProtocolSession decoder = protocol.newSession();
        Map<String, Object> decoded = new HashMap<>();
        for (CanFrame f : frames.subList(frames.size() - perCycle, frames.size())) {
            DecodedMessage m = decoder.decode(f);
            if (m != null) {
                decoded.putAll(m.signals());
            }
        }
        Map<String, Object> device = DeviceSignals.of(bms.device());
        assertEquals("MG0000SIM0000001", decoded.get("bms.serial"));
        assertEquals(device.get("cell.voltage.min"), decoded.get("cell.voltage.min"));
        assertEquals((Double) device.get("energy.charged"), (Double) decoded.get("energy.charged"), 0.0051);
        assertEquals((Double) device.get("pack.voltage"), (Double) decoded.get("pack.voltage"), 0.0051);
        assertEquals(device.get("soc"), decoded.get("soc"));
    }
}
