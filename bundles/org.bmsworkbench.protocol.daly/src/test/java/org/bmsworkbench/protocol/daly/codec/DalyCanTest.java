package org.bmsworkbench.protocol.daly.codec;

import static org.bmsworkbench.protocol.daly.codec.Frames.can;
import static org.bmsworkbench.protocol.daly.codec.Frames.rx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/**
 * The Daly CAN variant (250 kbit/s): 29-bit ids {@code 0x18<data id><destination><source>}, host
 * 0x40, BMS 0x01; request {@code 0x18900140}, reply {@code 0x18904001}, the UART data bytes
 * unchanged (public firmware defines the same ids, e.g. {@code MSG_QUERY_90 0x18900140U},
 * {@code MSG_RSP_90 0x18904001U}; ai-republic/bms-to-inverter issue #81 logs the request
 * {@code 0x18980140} as SocketCAN bytes {@code 40 01 98 18}).
 */
class DalyCanTest {
    private final DalyDecoder decoder = new DalyDecoder();

    @Test
    void idsAreBuiltAsDocumented() {
        assertEquals(0x18900140, DalyCodec.canId(0x90, DalyCodec.BMS, DalyCodec.HOST));
        assertEquals(0x18904001, DalyCodec.canId(0x90, DalyCodec.HOST, DalyCodec.BMS));
        CanFrame r = DalyCodec.request(0x98, false, "can0", 5);
        assertEquals(0x18980140, r.id());
        assertTrue(r.extended());
        assertEquals("0000000000000000", r.dataHex());
        assertEquals(Direction.TX, r.direction());
    }

    @Test
    void aReplyDecodesLikeItsUartFrame() throws MalformedFrameException {
        DecodedMessage c = decoder.decode(can(0x18904001, "02 12 00 00 74 F5 03 9A"));
        DecodedMessage u = new DalyDecoder().decodeAll(rx(1, "A5 01 90 08 02 12 00 00 74 F5 03 9A 58")).get(0);
        assertEquals("soc", c.message());
        assertEquals(0x90, c.dataId());
        assertEquals(u.signals(), c.signals());
        assertEquals(53.0, c.signals().get("pack.voltage"));
    }

    @Test
    void sixteenCellsOverSixCanFrames() throws MalformedFrameException {
        decoder.decode(can(0x18944001, "10 01 00 00 02 00 0B 00"));
        String[] data = {"01 0D 37 0D 36 0D 34 00", "02 0D 35 0D 35 0D 35 00", "03 0D 34 0D 3E 0D 36 00",
            "04 0D 37 0D 36 0D 37 00", "05 0D 34 0D 35 0D 34 00", "06 0D 37 00 00 00 00 00"};
        int keys = 0;
        for (String d : data) {
            keys += decoder.decode(can(0x18954001, d)).signals().size();
        }
        assertEquals(16, keys);
        assertEquals(3.39, decoder.decode(can(0x18954001, "03 0D 34 0D 3E 0D 36 00")).signals().get("cell.8.voltage"));
    }

    @Test
    void requestsOtherIdsAndOtherFramesAreNotReplies() throws MalformedFrameException {
        assertNull(decoder.decode(can(0x18900140, "00 00 00 00 00 00 00 00")), "a request");
        assertNull(decoder.decode(can(0x18504001, "00 00 00 00 00 00 00 00")), "0x50, not decoded here");
        assertNull(decoder.decode(can(0x19F21450, "00 00 00 00 00 00 00 00")), "NMEA 2000");
        assertNull(decoder.decode(CanFrame.of(1, "can0", 0x356, false, new byte[8])));
        assertNull(decoder.decode(CanFrame.remote(1, "can0", 0x18904001, true, 8)));
        assertEquals(List.of(), decoder.decodeAll(can(0x18900140, "00 00 00 00 00 00 00 00")));
    }

    @Test
    void aShortReplyIsMalformedAndNamed() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.decode(can(0x18934001, "02 01 01")));
        assertEquals("0x18934001 mosfet_status needs 8 data bytes, got 3", e.getMessage());
    }

    @Test
    void mosfetCommandsOnBothLinks() {
        assertEquals("A540DA080100000000000000" + "C8", DalyCodec.mosfetCommand(true, true, true, "p", 0).dataHex());
        assertEquals("A540D9080000000000000000" + "C6", DalyCodec.mosfetCommand(false, false, true, "p", 0).dataHex());
        CanFrame c = DalyCodec.mosfetCommand(true, false, false, "can0", 0);
        assertEquals(0x18DA0140, c.id());
        assertEquals("0000000000000000", c.dataHex());
    }
}
