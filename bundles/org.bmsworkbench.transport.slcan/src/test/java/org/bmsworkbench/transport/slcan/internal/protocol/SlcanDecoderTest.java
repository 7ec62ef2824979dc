package org.bmsworkbench.transport.slcan.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoder against lines written out by hand from the LAWICEL CANUSB manual's "ASCII
 * command set" (the SLCAN protocol): incoming frames {@code tiiildd…}, {@code Tiiiiiiiildd…},
 * {@code riiil}, {@code Riiiiiiiil} each ended by CR, with {@code Z1} a 4-digit millisecond
 * timestamp appended; replies CR (OK), BEL (error), {@code z}/{@code Z} (transmit queued),
 * {@code Fxx} (status), {@code Vhhss}, {@code Nxxxx}.
 */
class SlcanDecoderTest {
    private final Events events = new Events();
    private final SlcanDecoder decoder = new SlcanDecoder(events);

    private void feed(String text) {
        byte[] b = Events.ascii(text);
        decoder.feed(b, 0, b.length);
    }

    @Test
    void framesOfAllFourKinds() {
        // manual: "t10021133[CR]" = id 0x100, 2 bytes 0x11 0x33; "T0000010021133" ext id 0x100;
        // "r1002" remote id 0x100 DLC 2; "R000001002" extended remote
        feed("t10021133\rT0000010021133\rr1002\rR000001002\rt7FF0\r");
        assertEquals(List.of("100#1133", "00000100#1133", "100#R2", "00000100#R2", "7FF#"), events.all);
        assertEquals(5, decoder.frames());
        assertEquals(0, decoder.problems());
    }

    @Test
    void eightBytesAndLowerCaseHex() {
        feed("t35680102030405060708\rT1cefff5081122334455667788\r");
        assertEquals(List.of("356#0102030405060708", "1CEFFF50#1122334455667788"), events.frames);
    }

    @Test
    void timestampsAfterZ1() {
        // manual, command Z: "t10021133EA5F" — the last 4 digits are ms 0..0xEA5F
        feed("t10021133EA5F\rr1002003C\rT1FFFFFFF1AA0001\r");
        assertEquals(List.of("100#1133@59999", "100#R2@60", "1FFFFFFF#AA@1"), events.frames);
    }

    @Test
    void replies() {
        feed("\r\u0007z\rZ\rF00\rF8C\rV1013\rv1013\rNA123\r");
        assertEquals(List.of("OK", "BEL", "z", "Z", "F00", "F8C", "info V1013", "info v1013", "info NA123"), events.all);
        assertEquals(0, decoder.problems());
    }

    @Test
    void anySplitOfTheBytesGivesTheSameEvents() {
        String text = "t10021133\rzT0000010021133\r\u0007F04\r";
        feed(text);
        List<String> whole = List.copyOf(events.all);
        for (int cut = 1; cut < text.length(); cut++) {
            events.all.clear();
            feed(text.substring(0, cut));
            feed(text.substring(cut));
            assertEquals(whole, events.all, "cut at " + cut);
        }
    }

    @Test
    void lineFeedsAreIgnored() {
        feed("t1000\r\nt2000\n\r");
        assertEquals(List.of("100#", "200#", "OK"), events.all);
    }

    @Test
    void badLinesAreDroppedAtTheirCrAndCounted() {
        feed("t1002113\r"   // one hex digit short
                + "t8000\r"  // 11-bit id above 0x7FF
                + "T200000000\r" // 29-bit id above 0x1FFFFFFF
                + "t1009\r"  // DLC 9
                + "t10G0\r"  // bad hex in the id
                + "t1001XY\r" // bad hex in the data
                + "t1001AAEA5G\r" // bad hex in the timestamp
                + "F1\r"     // short status
                + "zz\r"     // not an ack
                + "hello\r"  // not SLCAN
                + "t1000\r");
        assertEquals(List.of("100#"), events.frames);
        assertEquals(10, decoder.problems());
        assertEquals("frame line of the wrong length for DLC 2: 't1002113\\r'", events.problems.get(0));
        assertEquals("id out of range: 't8000\\r'", events.problems.get(1));
        assertEquals("not an SLCAN line: 'hello\\r'", events.problems.get(9));
    }

    @Test
    void aMissingCrIsFoundAtTheNextLineStart() {
        // the CR after the first frame was lost: 't' cannot be part of a frame line
        feed("t1001AAt2001BB\r");
        assertEquals(List.of("problem line without CR: 't1001AA'", "200#BB"), events.all);
        events.all.clear();
        // an ack without its CR, then a frame
        feed("zt3000\r");
        assertEquals(List.of("problem line without CR: 'z'", "300#"), events.all);
    }

    @Test
    void fIsAHexDigitAndDoesNotSplitAFrame() {
        feed("t1FF2FFFF\r");
        assertEquals(List.of("1FF#FFFF"), events.all);
    }

    @Test
    void bellEndsAPartialLine() {
        feed("t100\u0007t1000\r");
        assertEquals(List.of("problem line without CR: 't100'", "BEL", "100#"), events.all);
    }

    @Test
    void garbageBytesAreOneProblemPerRunAndDecodingGoesOn() {
        feed("\u0000\u00ff\u0013xx\rt1000\r");
        assertEquals(List.of("problem not an SLCAN line: '\\x00\\xFF\\x13xx\\r'", "100#"), events.all);
    }

    @Test
    void anOverlongLineIsDroppedOnce() {
        feed("V" + "1".repeat(200) + "\rt1000\r");
        assertEquals(2, events.all.size());
        assertEquals("100#", events.all.get(1));
        assertEquals(1, decoder.problems());
        assertEquals(true, events.problems.get(0).startsWith("line longer than 64 bytes: 'V111"));
    }

    @Test
    void versionTextMayHoldAnyLetter() {
        feed("vCANable2 b158aa7 github.com/normaldotcom/canable2.git\r");
        assertEquals(List.of("info vCANable2 b158aa7 github.com/normaldotcom/canable2.git"), events.all);
    }

    @Test
    void resetForgetsAPartialLine() {
        feed("t10021");
        decoder.reset();
        feed("t1000\r");
        assertEquals(List.of("100#"), events.all);
        assertEquals(0, decoder.problems());
    }
}
