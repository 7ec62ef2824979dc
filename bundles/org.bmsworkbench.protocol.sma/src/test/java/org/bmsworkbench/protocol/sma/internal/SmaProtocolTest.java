package org.bmsworkbench.protocol.sma.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol.MessageInfo;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class SmaProtocolTest {
    private static final long TIME = 1_600_000_000_000_000L;
    private final SmaProtocol protocol = new SmaProtocol();

    private static CanFrame frame(int id, boolean extended, String hex) {
        return CanFrame.of(TIME, "can0", id, extended, HexFormat.of().parseHex(hex));
    }

    @Test
    void identity() {
        assertEquals("sma", protocol.id());
        assertEquals("SMA (Sunny Island)", protocol.label());
    }

    @Test
    void messagesAreTheSevenOfTheGuide() {
        assertEquals(List.of(
                new MessageInfo("bms_limits", 0x351, false, "BMS Limits"),
                new MessageInfo("battery_status", 0x355, false, "Battery status"),
                new MessageInfo("battery_basic_info", 0x356, false, "Battery basic info"),
                new MessageInfo("alarms_warnings", 0x35A, false, "Alarm and warning information"),
                new MessageInfo("events", 0x35B, false, "Event information"),
                new MessageInfo("manufacturer_name", 0x35E, false, "Manufacturer name"),
                new MessageInfo("system_information", 0x35F, false, "System Information")), protocol.messages());
    }

    @Test
    void signalsCarryTheUnitsOfSignalsMd() {
        Map<String, String> units = new HashMap<>();
        for (SignalDescriptor s : protocol.signals()) {
            units.put(s.key(), s.unit());
        }
        assertEquals(Map.ofEntries(Map.entry("limit.charge_voltage", "V"), Map.entry("limit.charge_current", "A"),
                Map.entry("limit.discharge_current", "A"), Map.entry("limit.discharge_voltage", "V"),
                Map.entry("soc", "%"), Map.entry("soh", "%"), Map.entry("soc.precise", "%"),
                Map.entry("pack.voltage", "V"), Map.entry("pack.current", "A"), Map.entry("pack.temperature", "°C"),
                Map.entry("capacity.installed", "Ah")), Map.copyOf(filterUnits(units)));
        assertEquals(4 + 3 + 3 + 26 + 1 + 1 + 4, protocol.signals().size());
        assertTrue(units.containsKey("alarm.cell_imbalance") && units.containsKey("warning.general"));
        assertTrue(units.containsKey("bms.firmware") && units.containsKey("event.preventive_shutdown"));
    }

    private static Map<String, String> filterUnits(Map<String, String> units) {
        Map<String, String> withUnit = new HashMap<>(units);
        withUnit.values().removeIf(String::isEmpty);
        return withUnit;
    }

    // guide 1.3.2 Manufacturer name "MG-BMS": the MG Master LV itself
    @Test
    void detection() {
        int mg = protocol.detectionScore(frame(0x35E, false, "4D472D424D530000"));
        int otherName = protocol.detectionScore(frame(0x35E, false, "4F54484552000000"));
        int basic = protocol.detectionScore(frame(0x356, false, "C01485FFD700"));
        int events = protocol.detectionScore(frame(0x35B, false, "00"));
        assertTrue(mg > basic && basic > events && events > 0, mg + " > " + basic + " > " + events + " > 0");
        assertEquals(basic, otherName);
        for (int id : new int[] {0x351, 0x355, 0x35A, 0x35F}) {
            assertEquals(basic, protocol.detectionScore(frame(id, false, "0000000000000000")));
        }
        assertEquals(0, protocol.detectionScore(frame(0x356, false, "C014")), "too short");
        assertEquals(0, protocol.detectionScore(frame(0x373, false, "0000000000000000")));
        assertEquals(0, protocol.detectionScore(frame(0x35E, true, "4D472D424D530000")), "29-bit");
        assertEquals(0, protocol.detectionScore(frame(0x19F21450, true, "0000000000000000")));
    }

    @Test
    void sessionDecodesAndEncodes() throws Exception {
        ProtocolSession session = protocol.newSession();
        assertNotSame(session, protocol.newSession());
        DecodedMessage m = session.decode(frame(0x356, false, "C01485FFD700"));
        assertEquals("sma", m.protocol());
        List<CanFrame> frames = session.encode(m.message(), m.signals(), "can0", TIME);
        assertEquals(List.of(frame(0x356, false, "C01485FFD700")), frames);
        assertNull(session.decode(frame(0x356, true, "C01485FFD700")));
    }
}
