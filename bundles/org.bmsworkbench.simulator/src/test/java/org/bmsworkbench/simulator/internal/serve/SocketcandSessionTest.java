package org.bmsworkbench.simulator.internal.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** One socketcand connection, as linux-can/socketcand's doc/protocol.md and its raw mode describe it. */
class SocketcandSessionTest {
    private final List<CanFrame> toBus = new ArrayList<>();
    private final SocketcandSession session = new SocketcandSession("can0");

    private String send(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        SocketcandSession.Output out = session.receive(bytes, 0, bytes.length);
        toBus.addAll(out.frames());
        return new String(out.replies(), StandardCharsets.US_ASCII);
    }

    private static String line(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.US_ASCII);
    }

    private static CanFrame sma356() {
        return CanFrame.of(1_600_000_000_123_456L, "sim", 0x356, false, HexFormat.of().parseHex("C01485FFD700"));
    }

    @Test
    void theRawModeDialogueOfTheReadme() {
        assertEquals("< hi >", new String(SocketcandSession.greeting(), StandardCharsets.US_ASCII));
        assertNull(session.frameLine(sma356()), "no frames before a bus is open");
        assertEquals("< ok >", send("< open can0 >"));
        assertNull(session.frameLine(sma356()), "BCM mode sends only subscribed ids");
        assertEquals("< ok >", send("< rawmode >"));
        assertEquals("< frame 356 1600000000.123456 C01485FFD700 >", line(session.frameLine(sma356())));
        assertEquals("", send("< send 356 6 C0 14 85 FF D7 00 >"));
        assertEquals(1, toBus.size());
        assertEquals(0x356, toBus.get(0).id());
        assertFalse(toBus.get(0).extended());
        assertArrayEquals(HexFormat.of().parseHex("C01485FFD700"), toBus.get(0).data());
        assertEquals(1, session.received());
    }

    @Test
    void extendedIdsRemoteFramesAndTimestamps() {
        send("< open can0 >< rawmode >");
        CanFrame pgn = CanFrame.of(1_600_000_001_000_005L, "sim", 0x19F21450, true, (byte) 0x00, (byte) 0xFF);
        assertEquals("< frame 19F21450 1600000001.000005 00FF >", line(session.frameLine(pgn)));
        assertEquals("< frame 123 0.000000  >", line(session.frameLine(CanFrame.of(0, "sim", 0x123, false))));
        assertEquals("< rtr 123 0.000000 4 >", line(session.frameLine(CanFrame.remote(0, "sim", 0x123, false, 4))));
        assertNull(session.frameLine(CanFrame.error(0, "sim", 0x4, new byte[8])));

        assertEquals("", send("< send 1CEFFF50 8 1 2 3 4 5 6 7 8 >"));
        assertTrue(toBus.get(0).extended());
        assertEquals(0x1CEFFF50, toBus.get(0).id());
        assertEquals("", send("< send 00000123 0 >"), "8 digits make a 29-bit id, as in socketcand");
        assertTrue(toBus.get(1).extended());
        assertEquals("", send("< sendrtr 356 6 >"));
        assertTrue(toBus.get(2).remote());
        // python-can writes the DLC in hex and the bytes without leading zeros
        assertEquals("", send("< send 35A 8 0 0 0 0 a b c d >"));
        assertEquals(0x0D, toBus.get(3).u8(7));
    }

    @Test
    void anotherBusIsRefusedAndTheConnectionEnds() {
        byte[] bytes = "< open vcan9 >< open can0 >".getBytes(StandardCharsets.US_ASCII);
        SocketcandSession.Output out = session.receive(bytes, 0, bytes.length);
        assertEquals("< error could not open bus >", new String(out.replies(), StandardCharsets.US_ASCII));
        assertTrue(out.hangUp());
        assertEquals(SocketcandSession.Mode.NO_BUS, session.mode());
    }

    @Test
    void unknownAndMalformedCommandsAreAnsweredAndChangeNothing() {
        assertEquals("< error unknown command >", send("< rawmode >"), "no bus open yet");
        assertEquals("< error unknown command >", send("< echo >"));
        send("< open can0 >");
        assertEquals("< echo >", send("< echo >"));
        for (String cmd : List.of("< add 1 0 123 8 11 22 33 44 55 66 77 88 >", "< filter 0 0 123 1 FF >",
                "< controlmode >", "< isotpmode >", "< can0 B 500000 >", "< >", "< rawmode now >")) {
            assertEquals("< error unknown command >", send(cmd), cmd);
        }
        assertEquals("< error send needs an id and a DLC >", send("< send 123 >"));
        assertEquals("< error bad CAN id 800 >", send("< send 800 0 >"));
        assertEquals("< error bad CAN id 123456789 >", send("< send 123456789 0 >"));
        assertEquals("< error bad DLC 9 >", send("< send 123 9 >"));
        assertEquals("< error DLC 2 but 1 data bytes >", send("< send 123 2 11 >"));
        assertEquals("< error DLC 1 but 2 data bytes >", send("< send 123 1 11 22 >"));
        assertEquals("< error bad data byte 1G >", send("< send 123 1 1G >"));
        assertEquals("< error bad data byte 100 >", send("< send 123 1 100 >"));
        assertEquals("< error unprintable character in command >", send("< send 123\n0 >"));
        assertEquals("< error command too long >", send("< " + "x".repeat(300) + " >"));
        assertTrue(toBus.isEmpty());
        assertEquals(SocketcandSession.Mode.BCM, session.mode());
    }

    @Test
    void elementsSplitAnywhereAndNoiseBetweenThemIsIgnored() {
        StringBuilder replies = new StringBuilder();
        for (char c : "garbage\n< open can0 >\r\n  < raw".toCharArray()) {
            replies.append(send(String.valueOf(c)));
        }
        assertEquals("< ok >", replies.toString());
        assertEquals("< ok >", send("mode >"));
        assertEquals(SocketcandSession.Mode.RAW, session.mode());
        assertEquals("< ok >", send("<<< bcmmode >"), "a new '<' starts the element again");
    }

    @Test
    void bcmSubscriptionsAreThrottledAndEndWithRawMode() {
        send("< open can0 >");
        assertEquals("", send("< subscribe 1 0 356 >"));
        CanFrame at0 = sma356().withTimestamp(10_000_000);
        assertEquals("< frame 356 10.000000 C01485FFD700 >", line(session.frameLine(at0)));
        assertNull(session.frameLine(sma356().withTimestamp(10_500_000)), "within the second");
        assertTrue(session.frameLine(sma356().withTimestamp(11_000_000)) != null);
        assertNull(session.frameLine(CanFrame.of(11_000_000, "sim", 0x351, false, new byte[8])), "not subscribed");
        assertEquals("", send("< unsubscribe 356 >"));
        assertNull(session.frameLine(sma356().withTimestamp(20_000_000)));
        assertEquals("< error no subscription for 356 >", send("< unsubscribe 356 >"));
        assertEquals("< error bad subscribe arguments >", send("< subscribe x 0 356 >"));
        send("< subscribe 0 0 356 >< rawmode >< bcmmode >");
        assertNull(session.frameLine(sma356()), "subscriptions start empty after raw mode");
        assertEquals("< error unknown command >", send("< rawmode >< subscribe 0 0 356 >").substring(6));
    }

    @Property(tries = 300)
    void anyBytesNeverBreakTheSession(@ForAll("noise") byte[] noise) {
        SocketcandSession s = new SocketcandSession("can0");
        SocketcandSession.Output out = s.receive(noise, 0, noise.length);
        String text = new String(out.replies(), StandardCharsets.US_ASCII);
        assertTrue(text.isEmpty() || text.matches("(< [^<>]* >)+"), text);
        if (!out.hangUp()) {
            byte[] good = "> < open can0 >< rawmode >".getBytes(StandardCharsets.US_ASCII);
            if (!s.receive(good, 0, good.length).hangUp()) {
                assertEquals(SocketcandSession.Mode.RAW, s.mode());
            }
        }
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<Byte> likely = Arbitraries.of("<> opencan0rawmodesendbcm 123456789ABCDEFxyz\n\t".chars().mapToObj(c -> (byte) c).toList());
        return Arbitraries.frequencyOf(Tuple.of(4, likely), Tuple.of(1, Arbitraries.bytes()))
                .array(byte[].class).ofMaxSize(400);
    }
}
