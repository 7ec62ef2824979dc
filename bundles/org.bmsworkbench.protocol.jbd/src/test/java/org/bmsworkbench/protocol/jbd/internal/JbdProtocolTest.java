package org.bmsworkbench.protocol.jbd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/** The BmsProtocol service: identity, messages, signals, detection. */
class JbdProtocolTest {
    private final JbdProtocol protocol = new JbdProtocol();

    static CanFrame chunk(Direction direction, String hex) {
        return CanFrame.chunk(1_600_000_000_000_000L, "ttyUSB0", direction, HexFormat.of().parseHex(hex));
    }

    @Test
    void identity() {
        assertEquals("jbd", protocol.id());
        assertEquals("JBD / Xiaoxiang / Overkill Solar (UART, RS485)", protocol.label());
        assertEquals(List.of("basic_info", "cell_voltages", "hardware", "jbd_ack", "jbd_error"),
                protocol.messages().stream().map(BmsProtocol.MessageInfo::name).toList());
        assertEquals(List.of(0x03, 0x04, 0x05), protocol.messages().subList(0, 3).stream().map(BmsProtocol.MessageInfo::canId).toList());
        assertEquals(List.of(), protocol.companions());
        assertEquals(List.of(), protocol.frameLayouts());
    }

    @Test
    void signalsAreTheStandardOnesOfSignalsMdAndTwoOfItsOwn() {
        List<SignalDescriptor> signals = protocol.signals();
        for (SignalDescriptor d : signals) {
            StandardSignals.find(d.key()).ifPresent(s -> assertEquals(s, d, d.key()));
        }
        List<String> keys = signals.stream().map(SignalDescriptor::key).toList();
        for (String key : List.of("pack.voltage", "pack.current", "soc", "capacity.remaining", "capacity.nominal", "cycles",
                "cell.count", "cell.voltage.min", "cell.voltage.max", "cell.temperature.min", "cell.temperature.max",
                "fet.charge", "fet.discharge", "bms.model", "bms.firmware")) {
            assertTrue(keys.contains(key), key);
        }
        for (String name : StandardSignals.protectionNames()) {
            assertTrue(keys.contains("protection." + name), name);
        }
        List<String> own = keys.stream().filter(k -> StandardSignals.find(k).isEmpty()).toList();
        assertEquals(List.of("jbd.production_date", "jbd.protection_flags"), own);
        assertEquals(SignalKind.TEXT, signals.stream().filter(d -> d.key().equals("jbd.production_date")).findFirst().orElseThrow().kind());
        assertEquals(keys.size(), keys.stream().distinct().count());
    }

    @Test
    void detectionScoresWholeRepliesOnly() {
        String cells = "DD0400080F450F3D0F370F3DFEC677";
        assertEquals(JbdProtocol.SCORE_REPLY, protocol.detectionScore(chunk(Direction.RX, cells)));
        assertEquals(JbdProtocol.SCORE_REPLY, protocol.detectionScore(chunk(Direction.RX, "0102" + cells + "DD03")));
        assertEquals(JbdProtocol.SCORE_OTHER_REPLY, protocol.detectionScore(chunk(Direction.RX, "DDE18000FF8077")));
        assertEquals(JbdProtocol.SCORE_REPLY_START, protocol.detectionScore(chunk(Direction.RX, cells.substring(0, 20))),
                "the first half of a 0x04 reply, as a port may hand it over");
        assertEquals(JbdProtocol.SCORE_REPLY_START, protocol.detectionScore(chunk(Direction.RX, "DD03001B1700")));
        assertEquals(0, protocol.detectionScore(chunk(Direction.RX, cells.substring(20))), "the second half");
        assertEquals(0, protocol.detectionScore(chunk(Direction.RX, "DD0300051700")), "too short for 0x03");
        assertEquals(0, protocol.detectionScore(chunk(Direction.RX, "DD0400070F45")), "odd for 0x04");
        assertEquals(0, protocol.detectionScore(chunk(Direction.RX, "DD0480000F45")), "an error");
        assertEquals(0, protocol.detectionScore(chunk(Direction.RX, "DD0400080F450F3D0F370F3DFEC777")), "bad checksum");
        assertEquals(0, protocol.detectionScore(chunk(Direction.TX, "DDA50300FFFD77")), "our own request");
        assertEquals(0, protocol.detectionScore(CanFrame.of(0, "can0", 0x356, false, HexFormat.of().parseHex("DD04000877"))));
        // bytes without a JBD start byte (a Daly-style A5 frame) are not JBD's
        assertEquals(0, protocol.detectionScore(chunk(Direction.RX, "A5019008020A0000753001147D")));
    }
}
