package org.bmsworkbench.protocol.jbd.internal;

import static org.bmsworkbench.protocol.jbd.internal.JbdProtocolTest.chunk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.junit.jupiter.api.Test;

/** A session on one line: chunks in both directions, faults with what was decoded, the poll cycle. */
class JbdSessionTest {
    /** [V4] 0x03 reply and [ESPHome] 0x04 reply, see JbdPublicFramesTest. */
    static final String BASIC = "DD03001B1700000002D003E800002078000000000000104803" + "0F020B760B82FBFF77";
    static final String CELLS = "DD0400080F450F3D0F370F3DFEC677";
    static final String NAME = "DD05000A30313233343536373839FDE977";

    private final ProtocolSession session = new JbdProtocol().newSession();

    private static CanFrame at(long micros, Direction d, String hex) {
        return CanFrame.chunk(micros, "ttyUSB0", d, HexFormat.of().parseHex(hex));
    }

    @Test
    void repliesSpanningAndSharingChunksComeOutWithTheirRegister() throws Exception {
        List<DecodedMessage> none = session.decodeAll(chunk(Direction.RX, BASIC.substring(0, 30)));
        assertEquals(List.of(), none);
        CanFrame second = at(1_600_000_000_100_000L, Direction.RX, BASIC.substring(30) + CELLS + NAME.substring(0, 8));
        List<DecodedMessage> two = session.decodeAll(second);
        assertEquals(List.of("basic_info", "cell_voltages"), two.stream().map(DecodedMessage::message).toList());
        assertEquals(List.of(0x03, 0x04), two.stream().map(DecodedMessage::register).toList());
        assertEquals(second, two.get(0).frame(), "the chunk that completed a message is its frame");
        assertEquals(58.88, two.get(0).signals().get("pack.voltage"));
        List<DecodedMessage> name = session.decodeAll(chunk(Direction.RX, NAME.substring(8)));
        assertEquals(Map.of("bms.model", "0123456789"), name.get(0).signals());
    }

    @Test
    void garbageIsReportedWithTheMessagesOfTheSameChunk() throws Exception {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> session.decodeAll(chunk(Direction.RX, "00" + CELLS + "DD0400080F450F3D0F370F3DFEC777")));
        assertEquals("jbd ttyUSB0 rx: 1 byte 00 skipped: no start byte 0xDD; "
                + "15 bytes DD0400080F450F3D0F370F3DFEC777 skipped: checksum 0xFEC7 where 0xFEC6 is expected", e.getMessage());
        assertEquals(List.of("cell_voltages"), e.decoded().stream().map(DecodedMessage::message).toList());
        assertEquals("00DD0400080F450F3D0F370F3DFEC777", HexFormat.of().withUpperCase().formatHex(e.skipped()),
                "the skipped bytes alone, for decode --all, not the decoded frame between them");
        assertEquals(1, session.decodeAll(chunk(Direction.RX, CELLS)).size(), "the session goes on");
    }

    @Test
    void aReplyTooShortForItsRegisterIsAFaultButTheOthersAreKept() {
        // 0x04 with 3 data bytes: checksum 0x10000 - (0 + 3 + 0x0F + 0x45 + 0x0F) = 0xFF9A
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> session.decodeAll(chunk(Direction.RX, CELLS + "DD0400030F450FFF9A77")));
        assertEquals("jbd ttyUSB0 rx: JBD 0x04 reply of 3 data bytes, not a whole number of 2-byte cell voltages",
                e.getMessage());
        assertEquals(1, e.decoded().size());
    }

    @Test
    void ourOwnRequestsAndTheirEchoAreSkippedQuietly() throws Exception {
        assertEquals(List.of(), session.decodeAll(chunk(Direction.TX, "DDA50300FFFD77DDA50400FFFC77")));
        assertEquals(List.of(), session.decodeAll(chunk(Direction.TX, "DD5AE1020002FF1B77")));
        // an RS485 adapter that echoes what we send: the echo is a request, not a reply
        List<DecodedMessage> echoAndReply = session.decodeAll(chunk(Direction.RX, "DDA50400FFFC77" + CELLS));
        assertEquals(List.of("cell_voltages"), echoAndReply.stream().map(DecodedMessage::message).toList());
    }

    @Test
    void sentAndReceivedBytesNeverMix() throws Exception {
        assertEquals(List.of(), session.decodeAll(chunk(Direction.RX, CELLS.substring(0, 10))));
        assertEquals(List.of(), session.decodeAll(chunk(Direction.TX, "DDA50300FFFD77")));
        assertEquals(1, session.decodeAll(chunk(Direction.RX, CELLS.substring(10))).size());
    }

    @Test
    void anUnfinishedFrameIsDroppedAfterTwoSecondsOfSilence() throws Exception {
        long t = 1_600_000_000_000_000L;
        session.decodeAll(at(t, Direction.RX, CELLS.substring(0, 10)));
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> session.decodeAll(at(t + 2_500_000, Direction.RX, CELLS)));
        assertEquals("jbd ttyUSB0 rx: 5 bytes DD0400080F skipped: an unfinished frame, then 2500 ms of silence", e.getMessage());
        assertEquals(1, e.decoded().size(), "the whole frame after the silence is decoded");
        assertEquals("DD0400080F", HexFormat.of().withUpperCase().formatHex(e.skipped()), "the dropped bytes");
        session.decodeAll(at(t + 3_000_000, Direction.RX, CELLS.substring(0, 10)));
        assertEquals(1, session.decodeAll(at(t + 3_100_000, Direction.RX, CELLS.substring(10))).size(), "a short pause is fine");
    }

    @Test
    void canFramesAreNotJbds() throws Exception {
        CanFrame can = CanFrame.of(0, "can0", 0x356, false, HexFormat.of().parseHex(CELLS.substring(0, 16)));
        assertEquals(List.of(), session.decodeAll(can));
        assertNull(session.decode(can));
        assertEquals(List.of(), session.pollRequests("can0", false, 0));
    }

    @Test
    void pollingReadsBasicInformationAndCellsEveryCycleAndTheNameUntilItCame() throws Exception {
        List<CanFrame> first = session.pollRequests("ttyUSB0", true, 5);
        assertEquals(List.of("DDA50300FFFD77", "DDA50400FFFC77", "DDA50500FFFB77"), first.stream().map(CanFrame::dataHex).toList());
        assertTrue(first.stream().allMatch(f -> f.chunk() && f.direction() == Direction.TX && f.bus().equals("ttyUSB0")
                && f.timestampMicros() == 5));
        assertEquals(first, session.pollRequests("ttyUSB0", true, 5), "asking does not change the session");
        session.decodeAll(chunk(Direction.RX, NAME));
        assertEquals(List.of("DDA50300FFFD77", "DDA50400FFFC77"),
                session.pollRequests("ttyUSB0", true, 6).stream().map(CanFrame::dataHex).toList());
    }

    @Test
    void aBmsThatNeverNamesItselfIsNotAskedForeverToo() throws Exception {
        ProtocolSession s = new JbdProtocol().newSession();
        for (int i = 0; i < JbdSession.HARDWARE_TRIES; i++) {
            assertEquals(3, s.pollRequests("ttyUSB0", true, 0).size());
            s.decodeAll(chunk(Direction.RX, BASIC));
        }
        assertEquals(2, s.pollRequests("ttyUSB0", true, 0).size());
    }

    @Test
    void encodingMakesTheRepliesABmsSends() throws Exception {
        List<CanFrame> f = session.encode("hardware", Map.of("bms.model", "0123456789"), "jbd0", 7);
        assertEquals(NAME, f.get(0).dataHex());
        assertEquals(Direction.RX, f.get(0).direction());
        assertEquals("jbd0", f.get(0).bus());
        assertEquals("hardware", session.decodeAll(f.get(0)).get(0).message());
    }
}
