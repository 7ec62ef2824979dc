package org.bmsworkbench.protocol.daly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.bms.testing.ClassicCanOnly;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

class DalyProtocolTest {
    private final DalyProtocol protocol = new DalyProtocol();

    private static CanFrame chunk(Direction d, String hex) {
        return CanFrame.chunk(1, "ttyUSB0", d, HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    @Test
    void identity() {
        assertEquals("daly", protocol.id());
        assertEquals(List.of(), protocol.companions());
        assertEquals(List.of("soc", "cell_voltage_range", "temperature_range", "mosfet_status", "status_info",
                "cell_voltages", "cell_temperatures", "cell_balance", "failure_codes", "discharge_mos", "charge_mos"),
                protocol.messages().stream().map(BmsProtocol.MessageInfo::name).toList());
        assertEquals(0x18904001, protocol.messages().get(0).canId());
    }

    @Test
    void repliesScoreRequestsAndOtherMakesDoNot() {
        assertEquals(100, protocol.detectionScore(chunk(Direction.RX, "A5 01 90 08 02 12 00 00 74 F5 03 9A 58")));
        assertEquals(100, protocol.detectionScore(chunk(Direction.RX, "00 A5 01 90 08 02 12 00 00 74 F5 03 9A 58 A5")));
        assertEquals(20, protocol.detectionScore(chunk(Direction.RX, "A5 01 90 08 02")), "the start of a reply");
        assertEquals(0, protocol.detectionScore(chunk(Direction.TX, "A5 40 90 08 00 00 00 00 00 00 00 00 7D")),
                "our own request");
        assertEquals(0, protocol.detectionScore(chunk(Direction.RX, "A5 40 90 08 00 00 00 00 00 00 00 00 7D")),
                "another host's request");
        assertEquals(0, protocol.detectionScore(chunk(Direction.RX, "DD 03 00 1B 05 28 00 00 00 00 00 00 77")),
                "a JBD answer");
        assertEquals(100, protocol.detectionScore(CanFrame.of(1, "can0", 0x18904001, true, new byte[8])));
        assertEquals(0, protocol.detectionScore(CanFrame.of(1, "can0", 0x18900140, true, new byte[8])));
        assertEquals(0, protocol.detectionScore(CanFrame.of(1, "can0", 0x18504001, true, new byte[8])), "0x50 not decoded");
        assertEquals(0, protocol.detectionScore(CanFrame.of(1, "can0", 0x356, false, new byte[8])));
    }

    @Test
    void canFdFramesAreNotItsFrames() throws MalformedFrameException {
        ClassicCanOnly.assertCanFdFramesAreNotItsFrames(protocol, true, 0x18904001, 0x18954001, 0x18984001);
    }

    @Test
    void signalsAreStandardWhereTheCatalogueHasTheKey() {
        for (SignalDescriptor d : protocol.signals()) {
            StandardSignals.find(d.key()).ifPresentOrElse(s -> assertEquals(s, d, d.key()),
                    () -> assertTrue(d.key().startsWith("daly."), d.key()));
        }
        List<String> keys = protocol.signals().stream().map(SignalDescriptor::key).toList();
        assertTrue(keys.containsAll(List.of("pack.voltage", "pack.current", "soc", "capacity.remaining", "cycles",
                "cell.count", "fet.charge", "fet.discharge", "protection.short_circuit", "warning.cell_over_voltage")));
        assertTrue(!keys.contains("warning.short_circuit"));
    }

    /** The cycle: 0x93 first (the current's sign), 0x94 before the per-cell ids, the multi-frame replies last. */
    @Test
    void pollCycleOnAByteStreamAndOnCan() {
        var session = protocol.newSession();
        List<CanFrame> uart = session.pollRequests("ttyUSB0", true, 7);
        assertEquals(List.of("A5409308000000000000000080", "A540900800000000000000007D", "A540910800000000000000007E",
                "A540920800000000000000007F", "A5409408000000000000000081", "A5409708000000000000000084",
                "A5409808000000000000000085", "A5409608000000000000000083", "A5409508000000000000000082"),
                uart.stream().map(CanFrame::dataHex).toList());
        assertTrue(uart.stream().allMatch(f -> f.chunk() && f.direction() == Direction.TX && f.bus().equals("ttyUSB0")));
        List<CanFrame> can = session.pollRequests("can0", false, 7);
        assertEquals(List.of(0x18930140, 0x18900140, 0x18910140, 0x18920140, 0x18940140, 0x18970140, 0x18980140,
                0x18960140, 0x18950140), can.stream().map(CanFrame::id).toList());
        assertTrue(can.stream().allMatch(f -> f.extended() && f.length() == 8 && !f.chunk()));
    }

    @Test
    void sessionDecodesEveryFrameOfAChunkAndEncodesReplies() throws MalformedFrameException {
        var session = protocol.newSession();
        var m = session.decodeAll(chunk(Direction.RX,
                "A5 01 90 08 02 12 00 00 74 F5 03 9A 58 A5 01 91 08 0C F3 0A 0C EC 01 03 9A DE"));
        assertEquals(List.of("soc", "cell_voltage_range"), m.stream().map(x -> x.message()).toList());
        assertEquals("A501900802120000 74F5039A58".replace(" ", ""),
                session.encode("soc", m.get(0).signals(), "ttyUSB0", 1).get(0).dataHex());
        CanFrame can = session.encode("soc", java.util.Map.of("soc", 50.0, "daly.can", true), "can0", 1).get(0);
        assertEquals(0x18904001, can.id());
    }
}
