package org.bmsworkbench.protocol.nmea2000.codec;

import static org.bmsworkbench.protocol.nmea2000.codec.Frames.hex;
import static org.bmsworkbench.protocol.nmea2000.codec.Frames.n2k;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * PGN 127506 DC Detailed Status, guide 1.5.3.2: the field table and the two-frame fast-packet
 * table (frame 1: counters, 0x0B, SID, DC instance, DC type, SOC, SOH = 0xFF, time remaining
 * byte 0; frame 2: counters, time remaining byte 1, 0xFF 0xFF, amp hours bytes 0–1, 0xFF 0xFF).
 */
class DcDetailedStatusTest {
    private final Nmea2000Codec codec = new Nmea2000Codec();
    private final FastPacketAssembler assembler = new FastPacketAssembler();

    private DecodedMessage decode(String id, String data) throws MalformedFrameException {
        return codec.decode(n2k(id, data), assembler);
    }

    // SID 0, instance 0, battery, SOC 87 %, time remaining 600 min (0x0258), amp hours 174 (0x00AE)
    @Test
    void twoFramesAsTheGuideTableShows() throws Exception {
        assertNull(decode("19F21250", "000B00000057FF58"), "frame 1 is only a part");
        DecodedMessage m = decode("19F21250", "0102FFFFAE00FFFF");
        assertEquals("dc_detailed_status", m.message());
        assertEquals(127506, m.pgn());
        assertEquals(80, m.source());
        assertNull(m.destination());
        assertEquals(List.of("soc", "time_to_go", "capacity.remaining"), new ArrayList<>(m.signals().keySet()));
        assertEquals(87L, m.signals().get("soc"));
        assertEquals(600L, m.signals().get("time_to_go"));
        assertEquals(174L, m.signals().get("capacity.remaining"));
        assertEquals(0, assembler.pending(), "nothing left behind");
    }

    @Test
    void theRecordHoldsEveryField() throws Exception {
        DcDetailedStatus s = DcDetailedStatus.read(java.util.HexFormat.of().parseHex("07200057FF5802FFFFAE00"));
        assertEquals(new DcDetailedStatus(7, 32, 0, 87, 0xFF, 600, 0xFFFF, 174, 11), s);
        assertEquals("07200057FF5802FFFFAE00", hex(s.toBytes()));
    }

    // docs/SIGNALS.md: a 9-byte one (no amp hours) is also valid and gives capacity.remaining = null
    @Test
    void nineBytesGiveNoCapacity() throws Exception {
        assertNull(decode("19F21250", "400902000055FF44"));
        DecodedMessage m = decode("19F21250", "4102FFFFFFFFFFFF");
        assertEquals(85L, m.signals().get("soc"));
        assertEquals(580L, m.signals().get("time_to_go"));
        assertTrue(m.signals().containsKey("capacity.remaining"));
        assertNull(m.signals().get("capacity.remaining"));
    }

    @Test
    void markersAreNull() throws Exception {
        decode("19F21250", "600B030000FFFFFF");
        Map<String, Object> s = decode("19F21250", "61FFFFFFFEFFFFFF").signals();
        assertEquals(3, s.size());
        s.values().forEach(v -> assertNull(v));
        decode("19F21250", "200B030000FDFFFD");
        assertEquals(Map.of("soc", 253L, "time_to_go", 65533L, "capacity.remaining", 65533L),
                decode("19F21250", "21FFFFFFFDFFFFFF").signals(), "0xFD and 0xFFFD are values");
    }

    @Test
    void aPayloadShorterThanNineBytesIsMalformed() throws Exception {
        assertNull(decode("19F21250", "0008000000570000"));
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decode("19F21250", "0102FFFFFFFFFFFF"));
        assertTrue(e.getMessage().startsWith("0x19F21250 PGN 127506 dc_detailed_status needs 9 payload bytes, got 8"), e.getMessage());
    }

    @Test
    void encodesTheGuideFramesWithACountingSequence() {
        FastPacketEncoder encoder = new FastPacketEncoder();
        Map<String, Object> v = Map.of("soc", 87L, "time_to_go", 600L, "capacity.remaining", 174L, Nmea2000Codec.OPTION_SID, 0);
        List<CanFrame> first = codec.encode("dc_detailed_status", v, "can0", 5, encoder);
        assertEquals(List.of("000B00000057FF58", "0102FFFFAE00FFFF"), first.stream().map(CanFrame::dataHex).toList());
        assertEquals(0x19F21250, first.get(0).id());
        assertTrue(first.get(0).extended());
        List<CanFrame> second = codec.encode("dc_detailed_status", v, "can0", 5, encoder);
        assertEquals(List.of("200B00000057FF58", "2102FFFFAE00FFFF"), second.stream().map(CanFrame::dataHex).toList());
        Map<String, Object> shortOne = Map.of("soc", 85, "time_to_go", 580, Nmea2000Codec.OPTION_SID, 2, Nmea2000Codec.OPTION_LENGTH, 9,
                Nmea2000Codec.OPTION_SOURCE, 0x51, Nmea2000Codec.OPTION_DATA_INSTANCE, 32);
        assertEquals(List.of("0009022000 55FF44".replace(" ", ""), "0102FFFFFFFFFFFF"),
                codec.encode("dc_detailed_status", shortOne, "can0", 5, encoder).stream().map(CanFrame::dataHex).toList(),
                "another source counts from 0");
    }

    @Test
    void encodingRejectsWhatCannotBeSent() {
        FastPacketEncoder encoder = new FastPacketEncoder();
        assertThrows(IllegalArgumentException.class, () -> codec.encode("dc_detailed_status", Map.of("soc", 254), "can0", 0, encoder));
        assertThrows(IllegalArgumentException.class, () -> codec.encode("dc_detailed_status", Map.of("time_to_go", -1), "can0", 0, encoder));
        assertThrows(IllegalArgumentException.class, () -> codec.encode("dc_detailed_status",
                Map.of("capacity.remaining", 5, Nmea2000Codec.OPTION_LENGTH, 9), "can0", 0, encoder));
        assertThrows(IllegalArgumentException.class, () -> codec.encode("dc_detailed_status", Map.of(Nmea2000Codec.OPTION_LENGTH, 10), "can0", 0, encoder));
        assertThrows(IllegalArgumentException.class, () -> codec.encode("dc_detailed_status", Map.of(Nmea2000Codec.OPTION_SOURCE, 256), "can0", 0, encoder));
        assertThrows(IllegalArgumentException.class, () -> codec.encode("nope", Map.of(), "can0", 0, encoder));
        assertEquals(0, encoder.nextSequence(0x50, 127506), "nothing was sent");
    }
}
