package org.bmsworkbench.protocol.nmea2000.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol.MessageInfo;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.protocol.nmea2000.codec.Nmea2000Codec;
import org.junit.jupiter.api.Test;

/** The service: id, label, companions, messages, signals, detection and per-connection sessions. */
class Nmea2000ProtocolTest {
    private final Nmea2000Protocol protocol = new Nmea2000Protocol();

    private static CanFrame f(int id, boolean extended, String data) {
        return CanFrame.of(0, "can0", id, extended, HexFormat.of().parseHex(data));
    }

    @Test
    void describesItself() {
        assertEquals("nmea2000", protocol.id());
        assertEquals("NMEA 2000", protocol.label());
        assertEquals(List.of("vreg"), protocol.companions());
        assertEquals(List.of(new MessageInfo("battery_status", 0x19F21450, true, protocol.messages().get(0).description()),
                new MessageInfo("dc_detailed_status", 0x19F21250, true, protocol.messages().get(1).description())), protocol.messages());
        List<String> keys = protocol.signals().stream().map(SignalDescriptor::key).toList();
        assertEquals(List.of("pack.voltage", "pack.current", "pack.temperature", "cell.voltage.min", "cell.temperature.min",
                "cell.voltage.max", "cell.temperature.max", "soc", "time_to_go", "capacity.remaining"), keys);
        protocol.signals().forEach(s -> assertEquals(StandardSignals.find(s.key()).orElseThrow(), s, "standard units"));
    }

    @Test
    void detectionScoresItsPgnsHighAndEverythingElseZero() {
        assertEquals(Nmea2000Protocol.SCORE_PGN, protocol.detectionScore(f(0x19F21450, true, "005E0A85FF777400")));
        assertEquals(Nmea2000Protocol.SCORE_PGN, protocol.detectionScore(f(0x19F21250, true, "000B00000057FF58")));
        assertEquals(Nmea2000Protocol.SCORE_FAST_PACKET_PART, protocol.detectionScore(f(0x19F21250, true, "0102FFFFAE00FFFF")));
        assertTrue(Nmea2000Protocol.SCORE_PGN >= 50);
        assertEquals(0, protocol.detectionScore(f(0x19F21450, true, "005E0A")), "short 127508");
        assertEquals(0, protocol.detectionScore(f(0x19F21250, true, "00FF000000")), "frame 0 announcing 255 bytes");
        assertEquals(0, protocol.detectionScore(f(0x1CEFFF50, true, "0000FF0F00000000")), "VREG is its companion's");
        assertEquals(0, protocol.detectionScore(f(0x356, false, "C01485FFD700")), "11-bit");
        assertEquals(0, protocol.detectionScore(f(0x214, false, "005E0A85FF777400")), "11-bit");
        assertEquals(0, protocol.detectionScore(CanFrame.remote(0, "can0", 0x19F21450, true, 8)));
        assertEquals(0, protocol.detectionScore(f(0x19F21450, true, "")));
    }

    @Test
    void sessionsKeepTheirOwnFastPacketsAndCounters() throws Exception {
        ProtocolSession a = protocol.newSession();
        ProtocolSession b = protocol.newSession();
        assertNotSame(a, b);
        assertNull(a.decode(f(0x19F21250, true, "000B00000057FF58")));
        assertNull(b.decode(f(0x19F21250, true, "0102FFFFAE00FFFF")), "b never saw frame 0");
        DecodedMessage m = a.decode(f(0x19F21250, true, "0102FFFFAE00FFFF"));
        assertEquals(Map.of("soc", 87L, "time_to_go", 600L, "capacity.remaining", 174L), m.signals());

        Map<String, Object> values = Map.of("soc", 87L, "time_to_go", 600L, "capacity.remaining", 174L, Nmea2000Codec.OPTION_SID, 0);
        assertEquals("000B00000057FF58", a.encode("dc_detailed_status", values, "can0", 0).get(0).dataHex());
        assertEquals("200B00000057FF58", a.encode("dc_detailed_status", values, "can0", 0).get(0).dataHex());
        assertEquals("000B00000057FF58", b.encode("dc_detailed_status", values, "can0", 0).get(0).dataHex(), "b counts on its own");
    }

    @Test
    void encodesWhatTheSimulatorSends() {
        ProtocolSession s = protocol.newSession();
        List<CanFrame> frames = s.encode("battery_status", Map.of("pack.voltage", 26.54, "pack.current", -12.3,
                "pack.temperature", 25.0, Nmea2000Codec.OPTION_SID, 0), "can0", 1_600_000_001_200_000L);
        assertEquals(1, frames.size());
        assertEquals("can0 19F21450#005E0A85FF777400 (RX)", frames.get(0).toString());
        assertEquals(1_600_000_001_200_000L, frames.get(0).timestampMicros());
        assertEquals("can0 19F21451#214A01FF7FB171FF (RX)", s.encode("battery_status", Map.of("cell.voltage.min", 3.30,
                "cell.temperature.min", 17.9, Nmea2000Codec.OPTION_DATA_INSTANCE, 32, Nmea2000Codec.OPTION_SOURCE, 0x51),
                "can0", 0).get(0).toString());
    }

    @Test
    void otherFramesAreNotItsOwn() throws Exception {
        ProtocolSession s = protocol.newSession();
        assertNull(s.decode(f(0x356, false, "C01485FFD700")));
        assertNull(s.decode(f(0x1CEFFF50, true, "0000FF0F00000000")));
        assertNull(s.decode(CanFrame.remote(0, "can0", 0x19F21450, true, 8)));
        assertNull(s.decode(CanFrame.error(0, "can0", 0x19F21450, new byte[8])));
    }
}
