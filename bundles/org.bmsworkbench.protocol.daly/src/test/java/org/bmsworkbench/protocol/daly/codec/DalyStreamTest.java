package org.bmsworkbench.protocol.daly.codec;

import static org.bmsworkbench.protocol.daly.codec.Frames.bytes;
import static org.bmsworkbench.protocol.daly.codec.Frames.rx;
import static org.bmsworkbench.protocol.daly.codec.Frames.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Finding frames in a byte stream: checksums, frames split over chunks, several per chunk, garbage. */
class DalyStreamTest {
    /** python-daly-bms tests/test_bluetooth.py: the 0x90 and 0x91 replies. */
    static final String SOC = "A5 01 90 08 02 12 00 00 74 F5 03 9A 58";
    static final String RANGE = "A5 01 91 08 0C F3 0A 0C EC 01 03 9A DE";

    private final DalyDecoder decoder = new DalyDecoder();

    private List<String> names(List<DecodedMessage> messages) {
        return messages.stream().map(DecodedMessage::message).toList();
    }

    @Test
    void checksumIsTheLowByteOfTheSumOfTwelveBytes() {
        byte[] f = bytes(SOC);
        assertEquals(0x58, DalyCodec.checksum(f, 0, 12));
        assertEquals(0x7D, DalyCodec.uartFrame(0x40, 0x90, new byte[8])[12], "A5+40+90+08 = 0x17D");
    }

    @Test
    void aWrongChecksumIsSkippedAndNamedAndTheNextFrameStillDecodes() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.decodeAll(rx(1, SOC.substring(0, SOC.length() - 2) + "59" + RANGE)));
        assertTrue(e.getMessage().contains("checksum 0x59, but the bytes before it sum to 0x58"), e.getMessage());
        assertTrue(e.getMessage().contains("ttyUSB0 rx"), e.getMessage());
        assertEquals(List.of("cell_voltage_range"), names(e.decoded()), "the frame after the bad one is kept");
    }

    @Test
    void aFrameSplitAcrossChunksDecodesWhenComplete() throws MalformedFrameException {
        byte[] f = bytes(SOC);
        for (int cut = 1; cut < 13; cut++) {
            DalyDecoder d = new DalyDecoder();
            assertEquals(List.of(), d.decodeAll(CanFrame.chunk(1, "p", Direction.RX, Arrays.copyOf(f, cut))), "cut " + cut);
            List<DecodedMessage> m = d.decodeAll(CanFrame.chunk(2, "p", Direction.RX, Arrays.copyOfRange(f, cut, 13)));
            assertEquals(List.of("soc"), names(m), "cut " + cut);
            assertEquals(53.0, m.get(0).signals().get("pack.voltage"));
        }
    }

    @Test
    void byteByByte() throws MalformedFrameException {
        List<DecodedMessage> all = new ArrayList<>();
        for (byte b : bytes(SOC + RANGE)) {
            all.addAll(decoder.decodeAll(CanFrame.chunk(1, "p", Direction.RX, b)));
        }
        assertEquals(List.of("soc", "cell_voltage_range"), names(all));
    }

    @Test
    void severalFramesInOneChunkAndTheStartOfAnother() throws MalformedFrameException {
        List<DecodedMessage> m = decoder.decodeAll(rx(1, SOC + RANGE + "A5 01 92 08 3D"));
        assertEquals(List.of("soc", "cell_voltage_range"), names(m));
        m = decoder.decodeAll(rx(2, "01 3D 01 00 00 00 AD 69"));
        assertEquals(List.of("temperature_range"), names(m));
        assertEquals(21.0, m.get(0).signals().get("cell.temperature.max"));
    }

    @Test
    void garbageBeforeAndBetweenFramesIsNamedAndNothingIsLost() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.decodeAll(rx(1, "00 FF " + SOC + " 12 A5 34 " + RANGE)));
        assertEquals(List.of("soc", "cell_voltage_range"), names(e.decoded()));
        assertEquals("daly on ttyUSB0 rx: skipped 2 bytes 00FF (no start byte 0xA5); "
                + "skipped 3 bytes 12A534 (no start byte 0xA5)", e.getMessage());
        assertEquals("00FF12A534", java.util.HexFormat.of().withUpperCase().formatHex(e.skipped()),
                "the skipped bytes, for decode --all");
    }

    @Test
    void aWrongLengthByteIsNotAFrame() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.decodeAll(rx(1, "A5 01 90 07 " + SOC)));
        assertTrue(e.getMessage().startsWith("daly on ttyUSB0 rx: skipped 4 bytes A5019007 (length byte 0x07, not 0x08)"),
                e.getMessage());
        assertEquals(List.of("soc"), names(e.decoded()));
    }

    /**
     * python-daly-bms tests/test_bluetooth.py: over Bluetooth the BMS sends all 16 frames of 0x95;
     * in the test's capture frames 12 to 14 came out as 39 bytes of garbage and frame 16 is cut
     * after 5 bytes. The frames around the garbage are kept, the garbage is named, the cut frame waits.
     */
    @Test
    void theCorruptedBluetoothCaptureOfPythonDalyBms() throws MalformedFrameException {
        decoder.decodeAll(rx(1, "A5 01 94 08 10 01 00 00 02 00 0B 9B FB"));
        String capture = "A5 01 95 08 01 0D 37 0D 36 0D 34 9B A7 A5 01 95 08 02 0D 35 0D 35 0D 35 9B A6"
                + "A5 01 95 08 03 0D 34 0D 3E 0D 36 9B B0 A5 01 95 08 04 0D 37 0D 36 0D 37 9B AD"
                + "A5 01 95 08 05 0D 34 0D 35 0D 34 9B A7 A5 01 95 08 06 0D 37 00 00 00 00 9B 28"
                + "A5 01 95 08 07 00 00 00 00 00 00 9B E5 A5 01 95 08 08 00 00 00 00 00 00 9B E6"
                + "A5 01 95 08 09 00 00 00 00 00 00 9B E7 A5 01 95 08 0A 00 00 00 00 00 00 9B E8"
                + "A5 01 95 08 0B 00 00 00 00 00 00 9B E9"
                + "A5 A8 00 40 00 70 24 40 00 0D 30 00 00 70 24 40 00 38 A7 00 00 6D 32 00 00 70 24 40 00 53 31"
                + "00 00 00 00 00 00 A8 00"
                + "A5 01 95 08 0F 00 00 00 00 00 00 9B ED A5 01 95 08 10";
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decoder.decodeAll(rx(2, capture)));
        assertTrue(e.getMessage().startsWith("daly on ttyUSB0 rx: skipped 39 bytes A5A8004000702440000D30"), e.getMessage());
        assertTrue(e.getMessage().endsWith("…" + " (length byte 0x40, not 0x08)"), e.getMessage());
        List<DecodedMessage> m = e.decoded();
        assertEquals(12, m.size(), "frames 1-11 and 15");
        List<String> keys = m.stream().flatMap(x -> x.signals().keySet().stream()).toList();
        assertEquals(16, keys.size(), "the 16 cells of 0x94, none beyond: " + keys);
        assertEquals(3.383, m.get(5).signals().get("cell.16.voltage"));
        assertEquals(List.of("cell_voltages"), names(decoder.decodeAll(rx(3, "00 00 00 00 00 00 9B EE"))),
                "the cut frame 16 completes with the next chunk");
    }

    @Test
    void anUnfinishedFrameGoneStaleIsDroppedAndNamed() {
        assertEquals(List.of(), assertNoThrow(() -> decoder.decodeAll(rx(1_000_000, "A5 01 90 08 02"))));
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.decodeAll(rx(2_000_000, SOC)));
        assertEquals("daly on ttyUSB0 rx: skipped 5 bytes A501900802 (unfinished frame: the next bytes came 1.000 s later)",
                e.getMessage());
        assertEquals(List.of("soc"), names(e.decoded()));
    }

    @Test
    void requestsAreRecognisedAndGiveNoMessage() throws MalformedFrameException {
        assertEquals(List.of(), decoder.decodeAll(tx(1, "A5 40 90 08 00 00 00 00 00 00 00 00 7D")));
        // another host's request seen on a shared RS485 line, received
        assertEquals(List.of(), decoder.decodeAll(rx(1, "A5 40 93 08 00 00 00 00 00 00 00 00 80")));
    }

    @Test
    void sentAndReceivedBytesAreSeparateStreams() throws MalformedFrameException {
        String soc = SOC.replace(" ", "");
        assertEquals(List.of(), decoder.decodeAll(rx(1, soc.substring(0, 10))));
        assertEquals(List.of(), decoder.decodeAll(tx(2, "A5 40 91 08 00 00 00 00 00 00 00 00 7E")));
        assertEquals(List.of("soc"), names(decoder.decodeAll(rx(3, soc.substring(10)))));
    }

    @Test
    void frameNumberZeroIsMalformed() {
        byte[] data = bytes("00 0D 37 0D 36 0D 34 00");
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decoder.decodeAll(
                CanFrame.chunk(1, "p", Direction.RX, DalyCodec.uartFrame(1, 0x95, data))));
        assertTrue(e.getMessage().contains("0x95 cell_voltages frame A501950800"), e.getMessage());
        assertTrue(e.getMessage().endsWith("frame number 0; Daly numbers them from 1"), e.getMessage());
    }

    /** Whatever the bytes and however they are cut, decoding fails only as malformed and keeps at most 12 bytes. */
    @Property(tries = 300)
    void anyBytesAnyCuts(@ForAll @Size(max = 200) List<@Size(min = 1, max = 40) byte[]> chunks) {
        DalyDecoder d = new DalyDecoder();
        DalyStreamReader reader = new DalyStreamReader();
        long t = 0;
        for (byte[] c : chunks) {
            t += 10_000;
            try {
                d.decodeAll(CanFrame.chunk(t, "p", Direction.RX, c));
            } catch (MalformedFrameException e) {
                // named garbage: fine
            }
            reader.feed(c, t);
            assertTrue(reader.pendingLength() <= 12);
        }
    }

    /** Valid frames with garbage between them, cut anywhere: every frame is found. */
    @Property(tries = 300)
    void framesSurviveGarbageAndCuts(@ForAll @Size(max = 20) List<@Size(max = 6) byte[]> garbage,
            @ForAll @Size(min = 1, max = 30) List<Integer> cuts) {
        List<byte[]> valid = List.of(bytes(SOC), bytes(RANGE));
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        int expected = 0;
        for (byte[] g : garbage) {
            byte[] clean = g.clone();
            for (int i = 0; i < clean.length; i++) {
                if ((clean[i] & 0xFF) == 0xA5) {
                    clean[i] = 0;
                }
            }
            all.writeBytes(clean);
            all.writeBytes(valid.get(expected % 2));
            expected++;
        }
        byte[] stream = all.toByteArray();
        DalyDecoder d = new DalyDecoder();
        int found = 0;
        int at = 0;
        for (int i = 0; at < stream.length; i++) {
            int n = Math.max(1, Math.floorMod(cuts.get(i % cuts.size()), 17));
            byte[] piece = Arrays.copyOfRange(stream, at, Math.min(stream.length, at + n));
            at += piece.length;
            try {
                found += d.decodeAll(CanFrame.chunk(at, "p", Direction.RX, piece)).size();
            } catch (MalformedFrameException e) {
                found += e.decoded().size();
            }
        }
        assertEquals(expected, found);
    }

    private static <T> T assertNoThrow(ThrowingSupplier<T> s) {
        try {
            return s.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
