package org.bmsworkbench.protocol.sma.internal;

import static org.bmsworkbench.bms.testing.DecodeToEquivalence.viaDecode;
import static org.bmsworkbench.bms.testing.DecodeToEquivalence.viaSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.bms.testing.DecodeToEquivalence;
import org.bmsworkbench.bms.testing.DecodeToEquivalence.Counts;
import org.bmsworkbench.bms.testing.DecodeToEquivalence.Outcome;
import org.bmsworkbench.bms.testing.RecordingSink;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.can.ReusedFrame;
import org.bmsworkbench.protocol.sma.codec.MessageCodec;
import org.bmsworkbench.protocol.sma.codec.SignalField;
import org.bmsworkbench.protocol.sma.codec.SmaCodec;
import org.junit.jupiter.api.Test;

/**
 * {@code decodeTo} sends a sink exactly what {@code decode} gives (issue 16): for every frame, a
 * recording sink on {@code decodeTo} of one session gets what {@link MessageSink#replay} sends of
 * {@code decode} on another (same message, signals, order, values and value types), false and nothing
 * where {@code decode} gives null, and the same {@link MalformedFrameException} text, with nothing
 * sent, where it throws. Every frame is tried as the {@link CanFrame} itself and as a {@link ReusedFrame}
 * (the view a log reader fills), on fresh sessions and on one pair of sessions that sees them all in a
 * row (the fields remember the last text and whole number they decoded).
 */
class SmaDecodeToTest {
    private static final long TIME = 1_600_000_000_000_000L;
    private static final int[] IDS = {0x351, 0x355, 0x356, 0x35A, 0x35B, 0x35E, 0x35F};

    private final SmaProtocol protocol = new SmaProtocol();
    private final DecodeToEquivalence equivalence = new DecodeToEquivalence(protocol).sinkGetsTheView();
    private final ReusedFrame reused = new ReusedFrame();

    private static CanFrame frame(int id, String hex) {
        return CanFrame.of(TIME, "can0", id, false, HexFormat.of().parseHex(hex));
    }

    @Test
    void theGuideLogDecodesTheSameThroughTheSink() throws Exception {
        for (String line : SmaGuideLogTest.lines("sma-guide.log")) {
            check(SmaGuideLogTest.parseCandump(line));
        }
        assertEquals(9, equivalence.counts().messages());
    }

    @Test
    void everyFieldKindDecodesTheSameThroughTheSink() throws Exception {
        List<CanFrame> frames = new ArrayList<>();
        // guide 1.3.2 BMS Limits 0x351: un16 0.1 V, sn16 0.1 A, sn16 0.1 A, un16 0.1 V; markers 0xFFFF, 0x8000
        for (String hex : List.of("2802E803DC05C001", "2802CEFF01FFC001", "FFFF00800080FFFF", "FEFFFF7F0180FEFF",
                "0000000000000000")) {
            frames.add(frame(0x351, hex));
        }
        // guide 1.3.2 Battery status 0x355: SOC, SOH un16 1 % (Long), SOC un16 0.01 %; sent with DLC 6 or 8
        for (String hex : List.of("570064002922", "5700640029220000", "FFFFFFFFFFFF", "C8002C01FEFF", "800081007F00",
                "7F0080000100")) {
            frames.add(frame(0x355, hex));
        }
        // guide 1.3.2 Battery basic info 0x356: un16 0.01 V, sn16 0.1 A, sn16 0.1 °C
        for (String hex : List.of("C01485FFD700", "C01400800080", "C01485FFD7000000", "FFFF0180FF7F")) {
            frames.add(frame(0x356, hex));
        }
        // guide 1.3.2 Alarm and warning information 0x35A: two bits each, 1 raised, 2 cleared, 0 and 3 none;
        // every state in every position, and the reserved fields of bytes 3 and 7
        for (String hex : List.of("0000000000000000", "5555555555555555", "AAAAAAAAAAAAAAAA", "FFFFFFFFFFFFFFFF",
                "E4E4E4E4E4E4E4E4", "1B1B1B1B1B1B1B1B", "AAAAAA026AAAAA02", "000000FC000000FC")) {
            frames.add(frame(0x35A, hex));
        }
        // guide 1.3.2 Event information 0x35B: byte 0 bit 4 preventive shutdown; any DLC of 1 or more
        for (String hex : List.of("00", "10", "EF", "FF", "1000000000000000")) {
            frames.add(frame(0x35B, hex));
        }
        // guide 1.3.2 Manufacturer name 0x35E: ASCII, NUL padded; padding only is null, other bytes '?'
        for (String hex : List.of("4D472D424D530000", "0000000000000000", "FFFFFFFFFFFFFFFF", "2020202020202020",
                "4D472042FF200020", "0141FF7F80204100", "4D472D424D530000", "4D472D424D530000", "4F54484552000000")) {
            frames.add(frame(0x35E, hex));
        }
        // guide 1.3.2 System Information 0x35F: un16 type id, version major then minor (01 18 is 1.24),
        // un16 1 Ah, un16 hardware configuration; FF FF: no version
        for (String hex : List.of("9B3A011890010100", "9B3A011890010100", "FFFFFFFFFFFFFFFF", "9B3A0105FEFFFFFF",
                "9B3AFF0090010100", "9B3A00FF90010100", "9B3AFFFE7F008000", "9B3A011890010100")) {
            frames.add(frame(0x35F, hex));
        }
        for (CanFrame frame : frames) {
            check(frame);
        }
        assertEquals(frames.size(), equivalence.counts().messages());
    }

    @Test
    void framesThatAreNotSmaAreFalseAndShortOnesThrowTheSameMessage() throws Exception {
        List<CanFrame> frames = new ArrayList<>();
        for (int id : new int[] {0x000, 0x350, 0x35C, 0x35D, 0x373, 0x380, 0x7FF}) {
            frames.add(frame(id, "0102030405060708"));
        }
        frames.add(CanFrame.of(TIME, "can0", 0x351, true, HexFormat.of().parseHex("2802E803DC05C001"))); // 29-bit
        frames.add(CanFrame.of(TIME, "can0", 0x1806E5F4, true, new byte[8]));
        frames.add(CanFrame.remote(TIME, "can0", 0x356, false, 6));
        frames.add(CanFrame.error(TIME, "can0", 0x004, new byte[8]));
        frames.add(CanFrame.fd(TIME, "can0", 0x356, false, true, false, HexFormat.of().parseHex("C01485FFD7000000")));
        int notSmaFrames = frames.size();
        // a frame shorter than the guide's length: "0x35F system_information needs 8 data bytes, got 7"
        int[] lengths = {8, 6, 6, 8, 1, 8, 8};
        for (int i = 0; i < IDS.length; i++) {
            frames.add(frame(IDS[i], "FF".repeat(lengths[i] - 1)));
            frames.add(frame(IDS[i], ""));
        }
        for (CanFrame frame : frames) {
            check(frame);
        }
        assertEquals(new Counts(0, notSmaFrames, 2 * IDS.length), equivalence.counts());
    }

    @Test
    void randomBytesOfEveryLengthDecodeTheSame() throws Exception {
        Random random = new Random(16);
        byte[] special = {0, (byte) 0xFF, (byte) 0x80, 0x7F, 0x20, 0x01};
        for (int id : IDS) {
            for (int dlc = 0; dlc <= 8; dlc++) {
                for (int n = 0; n < 60; n++) {
                    byte[] data = new byte[dlc];
                    for (int i = 0; i < dlc; i++) {
                        data[i] = random.nextInt(3) == 0 ? special[random.nextInt(special.length)] : (byte) random.nextInt();
                    }
                    check(CanFrame.of(TIME + n, "can1", id, false, data));
                }
            }
        }
        Counts counts = equivalence.counts();
        assertTrue(counts.messages() > 1000 && counts.malformed() > 1000, counts.toString());
    }

    /** The frame as itself and as a reused view, on fresh sessions and on the long-lived pair. */
    private void check(CanFrame frame) {
        equivalence.checkStateless(frame);
    }

    /** Fields and messages a protocol writes itself (as General BMS its serial halves) go through the defaults. */
    @Test
    void fieldsAndMessagesOfTheirOwnDecodeTheSameThroughTheDefaults() throws Exception {
        SignalField tenths = new OwnField("own.tenths", 1) {
            @Override
            public Object decode(CanFrame frame) {
                return frame.u8(0) == 0xFF ? null : frame.u8(0) / 10.0;
            }
        };
        SignalField label = new OwnField("own.label", 2) {
            @Override
            public Object decode(CanFrame frame) {
                return "n" + frame.u8(1);
            }
        };
        MessageCodec whole = new MessageCodec() {
            @Override
            public int canId() {
                return 0x401;
            }

            @Override
            public String name() {
                return "own_whole";
            }

            @Override
            public String description() {
                return "Own whole";
            }

            @Override
            public int length() {
                return 2;
            }

            @Override
            public List<SignalDescriptor> signals() {
                return List.of(tenths.descriptor());
            }

            @Override
            public Map<String, Object> decode(CanFrame frame) throws MalformedFrameException {
                FrameFields.requireLength(frame, 2, name());
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("own.whole", (long) FrameFields.u16(frame, 0));
                values.put("own.half", FrameFields.u16(frame, 0) / 2.0);
                return values;
            }

            @Override
            public byte[] encode(Map<String, ?> signals) {
                return new byte[2];
            }
        };
        SmaCodec codec = new SmaCodec("own", List.of(MessageCodec.of(0x400, "own_fields", "Own fields", 2,
                List.of(tenths, label)), whole));
        ProtocolSession session = new SmaSession(codec);
        for (CanFrame frame : List.of(frame(0x400, "3201"), frame(0x400, "FF02"), frame(0x400, "32"),
                frame(0x401, "0102"), frame(0x401, "01"), frame(0x402, "0102"))) {
            Outcome expected = viaDecode(session, frame);
            assertEquals(expected, viaSink(session, frame), frame.toString());
            assertEquals(expected, viaSink(session, reused.set(frame)), frame.toString());
        }
        assertEquals(List.of("begin own own_fields [1600000000000000 can0 400 ext=false rtr=false err=false fd=false"
                + " dlc=2 RX 3201] [-1, -1, -1, -1, -1, -1, -1]", "number own.tenths 5.0 4014000000000000",
                "value own.label java.lang.String n1", "end"), viaSink(session, frame(0x400, "3201")).events());
        assertEquals("0x401 own_whole needs 2 data bytes, got 1", viaSink(session, frame(0x401, "01")).error());
    }

    /** A field of a protocol's own: only {@link #decode} and what a field must have. */
    private abstract static class OwnField implements SignalField {
        private final SignalDescriptor descriptor;
        private final int end;

        OwnField(String key, int end) {
            this.descriptor = new SignalDescriptor(key, "", SignalKind.NUMBER, "pack", key, key + ".");
            this.end = end;
        }

        @Override
        public SignalDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public int end() {
            return end;
        }

        @Override
        public void encode(Object value, byte[] data) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aShortFrameThrowsBeforeAnythingIsSent() {
        RecordingSink sink = new RecordingSink();
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> protocol.newSession().decodeTo(reused.set(frame(0x35F, "9B3A0118900101")), sink));
        assertEquals("0x35F system_information needs 8 data bytes, got 7", e.getMessage());
        assertEquals(List.of(), sink.events());
    }
}
