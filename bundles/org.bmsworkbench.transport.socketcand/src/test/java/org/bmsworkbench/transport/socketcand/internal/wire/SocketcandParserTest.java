package org.bmsworkbench.transport.socketcand.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/** The elements of linux-can/socketcand doc/protocol.md, and what a server may send besides. */
class SocketcandParserTest {
    /** Records what the parser reports, in order. */
    static final class Recorder implements SocketcandParser.Handler {
        final List<CanFrame> frames = new ArrayList<>();
        final List<String> replies = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<Object> all = new ArrayList<>();

        @Override
        public void frame(CanFrame frame) {
            frames.add(frame);
            all.add(frame);
        }

        @Override
        public void reply(String word, String rest) {
            replies.add(word + "|" + rest);
            all.add(word + "|" + rest);
        }

        @Override
        public void malformed(String problem) {
            problems.add(problem);
            all.add(problem);
        }
    }

    private final Recorder r = new Recorder();
    private final SocketcandParser parser = new SocketcandParser("can0", r);

    private void feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        parser.feed(b, 0, b.length);
    }

    @Test
    void theDocumentsExampleFrame() {
        feed("< frame 123 23.424242 1A220344 >");
        assertEquals(List.of(CanFrame.of(23_424_242L, "can0", 0x123, false, (byte) 0x1A, (byte) 0x22, (byte) 0x03,
                (byte) 0x44)), r.frames);
        assertEquals(List.of(), r.problems);
    }

    @Test
    void extendedIdsHaveEightDigitsAndAnEmptyDataFieldIsDlcZero() {
        // socketcand prints "%08X" for 29-bit ids; with DLC 0 the data field is empty (two blanks)
        feed("< frame 00000123 1600000000.000001 0011223344556677 >< frame 7FF 1.5  >");
        assertEquals(2, r.frames.size());
        CanFrame ext = r.frames.get(0);
        assertTrue(ext.extended());
        assertEquals(0x123, ext.id());
        assertEquals(1_600_000_000_000_001L, ext.timestampMicros());
        assertEquals("0011223344556677", ext.dataHex());
        CanFrame std = r.frames.get(1);
        assertFalse(std.extended());
        assertEquals(0x7FF, std.id());
        assertEquals(0, std.dlc());
        assertEquals(1_500_000L, std.timestampMicros());
    }

    @Test
    void repliesCarryTheirWordAndText() {
        feed("< hi >< ok >< echo >< error could not open bus >< stat 1 2 3 4 >");
        assertEquals(List.of("hi|", "ok|", "echo|", "error|could not open bus", "stat|1 2 3 4"), r.replies);
        assertEquals(List.of(), r.frames);
    }

    @Test
    void aRawModeErrorFrameIsACanErrorFrameNotAReply() {
        // state_raw.c: "< error %03X %lld.%06lld >" with the error class of a CAN_ERR_FLAG frame
        feed("< error 004 1600000000.250000 >");
        assertEquals(1, r.frames.size());
        CanFrame f = r.frames.get(0);
        assertTrue(f.error());
        assertEquals(0x004, f.id());
        assertEquals(1_600_000_000_250_000L, f.timestampMicros());
        assertEquals(List.of(), r.replies);
    }

    @Test
    void aRemoteFrameInTheSimulatorsDialect() {
        feed("< rtr 00000456 2.000000 4 >");
        CanFrame f = r.frames.get(0);
        assertTrue(f.remote() && f.extended());
        assertEquals(4, f.dlc());
        assertEquals(0x456, f.id());
    }

    @Test
    void anElementSplitAtEveryByteComesOutWhole() {
        String text = "  < frame 356 10.000001 C014850CD700 >\n< ok >";
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            parser.feed(new byte[] {b}, 0, 1);
        }
        assertEquals("C014850CD700", r.frames.get(0).dataHex());
        assertEquals(List.of("ok|"), r.replies);
        assertEquals(List.of(), r.problems, "blanks and newlines between elements are not faults");
    }

    @Test
    void garbageBetweenElementsIsReportedOnceAndSkipped() {
        feed("HTTP/1.1 400 Bad Request\r\n< frame 123 1.0 01 >");
        assertEquals(1, r.problems.size());
        assertTrue(r.problems.get(0).contains("unexpected 'H' outside an element"), r.problems::toString);
        assertEquals(1, r.frames.size());
    }

    @Test
    void anOversizedElementIsDroppedWithoutGrowingAndReadingGoesOn() {
        feed("< frame " + "A".repeat(100_000) + " >< ok >");
        assertEquals(1, r.problems.size());
        assertTrue(r.problems.get(0).startsWith("element longer than 256 bytes, dropped: '< frame AAAA"), r.problems::toString);
        assertEquals(List.of("ok|"), r.replies);
    }

    @Test
    void anUnclosedElementIsDroppedAtTheNextOpeningBracket() {
        feed("< frame 123 1.0 0< ok >");
        assertEquals(List.of("element not closed before the next '<', dropped: '< frame 123 1.0 0'"), r.problems);
        assertEquals(List.of("ok|"), r.replies);
    }

    @Test
    void badFramesAreNamedAndShown() {
        feed("< frame 800 1.0 01 >");          // 3 digits but over 0x7FF
        feed("< frame 123 1.0 012 >");         // odd number of digits
        feed("< frame 123 1.0 001122334455667788 >"); // 9 bytes
        feed("< frame 123 x.5 01 >");          // bad time
        feed("< frame 12G 1.0 01 >");          // bad id
        feed("< frame 123 1.0 0G >");          // bad data digit
        feed("< frame 123 >");                 // too short
        feed("< frame 123 1. 01 >");           // no fraction digits
        feed("< rtr 123 1.0 9 >");             // DLC 9
        feed("<>");
        assertEquals(List.of(), r.frames);
        assertEquals(List.of(
                "bad CAN id: '< frame 800 1.0 01 >'",
                "odd number of hex digits in the data: '< frame 123 1.0 012 >'",
                "more than 8 data bytes: '< frame 123 1.0 001122334455667788 >'",
                "bad time (expected SECS.USECS): '< frame 123 x.5 01 >'",
                "bad CAN id: '< frame 12G 1.0 01 >'",
                "bad hex digit in the data: '< frame 123 1.0 0G >'",
                "a frame is '< frame ID SECS.USECS DATA >': '< frame 123 >'",
                "bad time (expected SECS.USECS): '< frame 123 1. 01 >'",
                "a remote frame is '< rtr ID SECS.USECS DLC >' with DLC 0..8: '< rtr 123 1.0 9 >'",
                "empty element '< >'"), r.problems);
    }

    @Test
    void unprintableBytesAreShownEscaped() {
        feed("< frame \u0001\u00ff 1.0 01 >");
        assertEquals(List.of("bad CAN id: '< frame \\x01\\xFF 1.0 01 >'"), r.problems);
    }

    @Test
    void digitsPastTheMicrosecondAreDroppedAndFewerAreScaled() {
        feed("< frame 001 1.123456789 >< frame 001 2.5 >< frame 001 3 >");
        assertEquals(List.of(1_123_456L, 2_500_000L, 3_000_000L),
                r.frames.stream().map(CanFrame::timestampMicros).toList());
    }

    @Test
    void longRepliesKeepTheirWholeText() {
        feed("< error one two three four five six seven >");
        assertEquals(List.of("error|one two three four five six seven"), r.replies);
    }
}
