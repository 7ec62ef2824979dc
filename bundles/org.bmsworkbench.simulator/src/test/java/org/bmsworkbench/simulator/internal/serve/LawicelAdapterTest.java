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
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** The LAWICEL adapter's answers, command by command, as the CANUSB manual gives them. */
class LawicelAdapterTest {
    private static final String BEL = "\u0007";
    private final List<CanFrame> toBus = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final LawicelAdapter adapter = new LawicelAdapter(500_000, toBus::add, events::add);

    private String send(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new String(adapter.receive(bytes, 0, bytes.length), StandardCharsets.ISO_8859_1);
    }

    private static String line(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static CanFrame sma356(long micros) {
        return CanFrame.of(micros, "sim", 0x356, false, HexFormat.of().parseHex("C01485FFD700"));
    }

    @Test
    void theStartOfPythonCanIsAnswered() {
        // python-can's slcan: C (close), S6, O, then O again (set_bitrate then open)
        assertEquals(BEL, send("C\r"), "close while closed is an error");
        assertEquals("\r", send("S6\r"));
        assertEquals("\r", send("O\r"));
        assertEquals(BEL, send("O\r"), "open while open is an error");
        assertEquals(LawicelAdapter.Mode.OPEN, adapter.mode());
        assertEquals(500_000, adapter.bitrate());
        assertEquals(List.of("the host opened the channel at 500 kbit/s"), events);
    }

    @Test
    void everyBitRateAndBtr() {
        int[] rates = {10_000, 20_000, 50_000, 100_000, 125_000, 250_000, 500_000, 800_000, 1_000_000};
        for (int n = 0; n <= 8; n++) {
            assertEquals("\r", send("S" + n + "\r"));
            assertEquals(rates[n], adapter.bitrate());
        }
        assertEquals(BEL, send("S9\r"));
        assertEquals(BEL, send("S\r"));
        assertEquals(BEL, send("S66\r"));
        assertEquals("\r", send("s031C\r"));
        assertEquals(0, adapter.bitrate());
        assertEquals(BEL, send("s031\r"));
        assertEquals(BEL, send("s03XC\r"));
        send("S5\rO\r");
        assertTrue(events.get(0).contains("250 kbit/s") && events.get(0).contains("the bus runs at 500 kbit/s"), events::toString);
        assertEquals(BEL, send("S6\r"), "bit rate only while closed");
    }

    @Test
    void versionSerialAndStatus() {
        assertEquals("V1013\r", send("V\r"));
        assertEquals("v1013\r", send("v\r"));
        assertEquals("NA123\r", send("N\r"));
        assertEquals(BEL, send("F\r"), "status only while open");
        send("O\r");
        assertEquals("F00\r", send("F\r"));
        adapter.noteOverrun();
        assertEquals("F08\r", send("F\r"));
        assertEquals("F00\r", send("F\r"), "reading the flags clears them");
        assertEquals("V1013\r", send("V\r"), "version also while open");
        assertEquals(BEL, send("Vx\r"));
    }

    @Test
    void framesFlowOnlyWhileOpen() {
        assertNull(adapter.frameLine(sma356(0)));
        send("O\r");
        assertEquals("t3566C01485FFD700\r", line(adapter.frameLine(sma356(0))));
        CanFrame extended = CanFrame.of(0, "sim", 0x19F21450, true, (byte) 0x01, (byte) 0xAB);
        assertEquals("T19F21450201AB\r", line(adapter.frameLine(extended)));
        assertEquals("t1230\r", line(adapter.frameLine(CanFrame.of(0, "sim", 0x123, false))));
        assertEquals("r1234\r", line(adapter.frameLine(CanFrame.remote(0, "sim", 0x123, false, 4))));
        assertEquals("R000001232\r", line(adapter.frameLine(CanFrame.remote(0, "sim", 0x123, true, 2))));
        send("C\r");
        assertNull(adapter.frameLine(sma356(0)));
        assertEquals(List.of("the host opened the channel at the default bit rate", "the host closed the channel"), events);
    }

    @Test
    void timestampsAreMillisecondsWithinTheMinute() {
        assertEquals("\r", send("Z1\r"));
        send("O\r");
        // 1600000000.123456 s: 40 s 123 ms into the minute = 40123 ms = 0x9CBB
        assertEquals("t3566C01485FFD7009CBB\r", line(adapter.frameLine(sma356(1_600_000_000_123_456L))));
        assertEquals(BEL, send("Z0\r"), "only while closed");
        send("C\r");
        assertEquals("\r", send("Z0\r"));
        assertEquals(BEL, send("Z2\r"));
        send("O\r");
        assertEquals("t3566C01485FFD700\r", line(adapter.frameLine(sma356(1_600_000_000_123_456L))));
    }

    @Test
    void transmittedFramesGoToTheBus() {
        assertEquals(BEL, send("t1232ABCD\r"), "transmit only while open");
        send("O\r");
        assertEquals("z\r", send("t1232ABcd\r"));
        assertEquals("Z\r", send("T1CEFFF5081122334455667788\r"));
        assertEquals("z\r", send("r3563\r"));
        assertEquals("Z\r", send("R1CEFFF500\r"));
        assertEquals("z\r", send("t7FF0\r"));
        assertEquals(5, toBus.size());
        assertEquals(0x123, toBus.get(0).id());
        assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0xCD}, toBus.get(0).data());
        assertTrue(toBus.get(1).extended());
        assertEquals(0x1CEFFF50, toBus.get(1).id());
        assertEquals(8, toBus.get(1).length());
        assertTrue(toBus.get(2).remote());
        assertEquals(3, toBus.get(2).dlc());
        assertTrue(toBus.get(3).remote() && toBus.get(3).extended());
        assertEquals(5, adapter.transmitted());
    }

    @Test
    void malformedTransmitsAreRefusedAndSendNothing() {
        send("O\r");
        for (String bad : List.of("t800", "t8000", "t1239", "t1232ABC", "t1232ABCDE", "t12G1AA", "T2000000000",
                "T1CEFFF5", "t", "T", "r123", "r1239", "R1CEFFF5", "t1232AB D", "t1231 A")) {
            assertEquals(BEL, send(bad + "\r"), bad);
        }
        assertTrue(toBus.isEmpty());
        send("C\rL\r");
        assertEquals(LawicelAdapter.Mode.LISTEN_ONLY, adapter.mode());
        assertEquals(BEL, send("t1230\r"), "listen-only does not transmit");
        assertEquals("t1230\r", line(adapter.frameLine(CanFrame.of(0, "sim", 0x123, false))), "but receives");
        assertTrue(toBus.isEmpty());
    }

    @Test
    void partialLinesAreAssembledAndLineFeedsIgnored() {
        StringBuilder answers = new StringBuilder();
        for (char c : "S6\r\nO\r\nt12".toCharArray()) {
            answers.append(send(String.valueOf(c)));
        }
        assertEquals("\r\r", answers.toString());
        assertEquals("", send("32AB"));
        assertEquals("z\r", send("CD\r"));
        assertEquals(1, toBus.size());
        assertEquals("", send("\r\r\r"), "empty lines are ignored");
    }

    @Test
    void garbageIsAnErrorAndChangesNothing() {
        assertEquals(BEL, send("X1\r"));
        assertEquals(BEL, send("O\u0000\r"));
        assertEquals(BEL, send("\u00ffO\r"));
        assertEquals(BEL, send("O ".repeat(100) + "\r"), "an over-long line");
        assertEquals(LawicelAdapter.Mode.CLOSED, adapter.mode());
        assertEquals("\r", send("O\r"), "the next good line works");
        assertEquals(BEL, send("Mxyz\r"), "only while closed, and malformed");
        send("C\r");
        assertEquals("\r", send("M00000000\r"));
        assertEquals("\r", send("mFFFFFFFF\r"));
        assertEquals(BEL, send("m0000\r"));
    }

    @Property(tries = 300)
    void anyBytesNeverBreakTheAdapter(@ForAll("noise") byte[] noise) {
        LawicelAdapter a = new LawicelAdapter(500_000, f -> { }, e -> { });
        byte[] answers = a.receive(noise, 0, noise.length);
        String text = new String(answers, StandardCharsets.ISO_8859_1);
        assertTrue(text.matches("(\r|\u0007|z\r|Z\r|V1013\r|v1013\r|NA123\r|F[0-9A-F]{2}\r)*"), text);
        // whatever came before, after a CR a well-formed session still works
        byte[] reset = "\rC\rO\rt1230\r".getBytes(StandardCharsets.ISO_8859_1);
        String after = new String(a.receive(reset, 0, reset.length), StandardCharsets.ISO_8859_1);
        assertTrue(after.endsWith("z\r"), after);
        assertFalse(a.mode() == LawicelAdapter.Mode.CLOSED);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<Byte> likely = Arbitraries.of("tTrRSsOLCFVvNZMm0123456789ABCDEFabcdef\r\n\u0007 ".chars().mapToObj(c -> (byte) c).toList());
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, likely), net.jqwik.api.Tuple.of(1, any))
                .array(byte[].class).ofMaxSize(300);
    }
}
