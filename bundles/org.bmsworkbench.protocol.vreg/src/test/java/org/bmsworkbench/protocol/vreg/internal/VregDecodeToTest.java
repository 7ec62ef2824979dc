package org.bmsworkbench.protocol.vreg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.testing.DecodeToEquivalence;
import org.bmsworkbench.bms.testing.DecodeToEquivalence.Counts;
import org.bmsworkbench.bms.codec.J1939Id;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;
import org.bmsworkbench.protocol.vreg.codec.VregCatalogue;
import org.junit.jupiter.api.Test;

/**
 * {@code decodeTo} (the decoder's allocation-free path, issue 16) says exactly what {@code decode}
 * says: for every frame, a fresh session's {@code decodeTo} into a recording sink gets the calls
 * {@link MessageSink#replay} makes of another fresh session's {@code decode}, false where decode
 * gives null, and the same {@link MalformedFrameException} message. Frames go in through one
 * {@link ReusedFrame} refilled for every frame, as the log readers pass them.
 *
 * <p>Inputs: vreg-guide.log (guide 1.5.4), and generated frames of guide 1.5.4.1–1.5.4.3: a value
 * of every register of the catalogue (1.5.4.2) with random bytes, its not-available marker, and
 * values that repeat (a device broadcasts the same value again and again) and then change, from
 * several devices, broadcast or addressed; requests with and without the mask word, ACKs; registers
 * outside the catalogue; frames too short for their id, request, ACK or value; the 0xEF00 frames of
 * other makers (Garmin's {@code E5 98}, docs/SIGNALS.md) and the NMEA 2000 frames beside them.
 */
class VregDecodeToTest {
    private static final Pattern CANDUMP_L = Pattern.compile("\\((\\d+)\\.(\\d{6})\\) (\\S+) ([0-9A-F]{8})#([0-9A-F]*)");
    private static final List<RegisterInfo> REGISTERS = VregCatalogue.INSTANCE.registers();

    /** Frames of each outcome the comparison met: messages, nulls, malformed. */
    static Counts assertSameAsDecode(List<CanFrame> frames) {
        DecodeToEquivalence equivalence = new DecodeToEquivalence(new VregProtocol()).sinkGetsTheView();
        frames.forEach(equivalence::inRow);
        return equivalence.counts();
    }

    @Test
    void theGuideLog() throws Exception {
        List<CanFrame> frames = new ArrayList<>();
        try (InputStream in = VregDecodeToTest.class.getResourceAsStream("/vreg-guide.log")) {
            assertNotNull(in);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList()) {
                Matcher m = CANDUMP_L.matcher(line);
                assertTrue(m.matches(), line);
                frames.add(CanFrame.of(Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)), m.group(3),
                        Integer.parseInt(m.group(4), 16), true, HexFormat.of().parseHex(m.group(5))));
            }
        }
        assertEquals(new Counts(22, 0, 0), assertSameAsDecode(frames));
    }

    @Test
    void malformedAndForeignFrames() throws Exception {
        List<CanFrame> frames = List.of(
                frame(0x1CEFFF50, "6699"), frame(0x1CEFFF50, "669901"), frame(0x1CEF5020, "669901000201"),
                frame(0x1CEF5020, "6699010002"), frame(0x1CEF2050, "66990200341200"), frame(0x1CEFFF50, "66998DED14"),
                frame(0x1CEFFF50, "66998503480100"), frame(0x1CEFFF06, "E598010203"), frame(0x1CEFFF50, "66"),
                frame(0x19F21450, "005E0A85FF777400"), frame(0x19F21250, "000B00000057FF58"),
                frame(0x1CEFFF50, "6699341234120000"));
        assertEquals(new Counts(1, 5, 6), assertSameAsDecode(frames));
    }

    @Property(tries = 300)
    void generatedTrafficDecodesAlikeBothWays(@ForAll long seed) throws Exception {
        assertTrue(assertSameAsDecode(traffic(new Random(seed), 300)).messages() > 0);
    }

    @Test
    void generatedTrafficMeetsEveryOutcome() throws Exception {
        Counts outcomes = assertSameAsDecode(traffic(new Random(16), 20_000));
        assertTrue(outcomes.messages() > 10_000 && outcomes.nulls() > 2_000 && outcomes.malformed() > 200, outcomes.toString());
    }

    private static CanFrame frame(int id, String hex) {
        return CanFrame.of(0, "can0", id, true, HexFormat.of().parseHex(hex));
    }

    static List<CanFrame> traffic(Random random, int count) {
        List<CanFrame> frames = new ArrayList<>();
        byte[][] last = new byte[REGISTERS.size()][];
        long time = 1_600_000_000_000_000L;
        int[] devices = {0x50, 0x51, 0xE3};
        for (int n = 0; n < count; n++) {
            time += 1000;
            int source = devices[random.nextInt(devices.length)];
            int destination = random.nextInt(4) == 0 ? 0x20 : 0xFF;
            int id = J1939Id.of(7, 0xEF00, source, destination).canId();
            int kind = random.nextInt(100);
            byte[] data = new byte[8];
            data[0] = 0x66;
            data[1] = (byte) 0x99;
            if (kind < 70) {
                int r = random.nextInt(REGISTERS.size());
                RegisterInfo register = REGISTERS.get(r);
                put16(data, 2, register.id());
                if (last[r] == null || random.nextInt(4) == 0) {
                    last[r] = new byte[4];
                    for (int i = 0; i < 4; i++) {
                        last[r][i] = (byte) switch (random.nextInt(6)) {
                            case 0 -> 0xFF;
                            case 1 -> 0x7F;
                            case 2 -> 0;
                            case 3 -> 0x80;
                            default -> random.nextInt(256);
                        };
                    }
                }
                System.arraycopy(last[r], 0, data, 4, 4);
            } else if (kind < 78) {
                put16(data, 2, 0x0001);
                put16(data, 4, REGISTERS.get(random.nextInt(REGISTERS.size())).id());
                put16(data, 6, random.nextBoolean() ? 0xFFFF : random.nextInt(0x10000));
            } else if (kind < 84) {
                put16(data, 2, 0x0002);
                put16(data, 4, REGISTERS.get(random.nextInt(REGISTERS.size())).id());
                put16(data, 6, random.nextBoolean() ? 0x8000 : random.nextInt(0x10000));
            } else if (kind < 88) {
                put16(data, 2, random.nextInt(0x10000)); // mostly outside the catalogue
                put16(data, 4, random.nextInt(0x10000));
            } else if (kind < 93) {
                data[0] = (byte) 0xE5;
                data[1] = (byte) 0x98;
            } else {
                id = J1939Id.of(6, random.nextBoolean() ? 127508 : 127506, source, 255).canId();
                data[0] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(12) == 0 ? random.nextInt(8) : random.nextInt(8) == 0 ? 6 : 8;
            frames.add(CanFrame.of(time, "can0", id, true, Arrays.copyOf(data, length)));
        }
        return frames;
    }

    private static void put16(byte[] data, int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
    }
}
