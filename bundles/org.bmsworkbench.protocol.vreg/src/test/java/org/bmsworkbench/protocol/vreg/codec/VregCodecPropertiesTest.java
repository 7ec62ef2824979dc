package org.bmsworkbench.protocol.vreg.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.registers.FieldType;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.can.CanFrame;

/**
 * encode(decode(frame)) gives the frame back for values, requests and ACKs as the guide lays
 * them out (1.5.4.1, 1.5.4.3); decode fails only with MalformedFrameException and gives values
 * within their fields' ranges.
 */
class VregCodecPropertiesTest {
    private static final List<RegisterInfo> REGISTERS = VregCatalogue.INSTANCE.registers();
    private final VregCodec codec = VregCodec.INSTANCE;

    private static CanFrame vreg(int source, int destination, byte[] data) {
        return CanFrame.of(Frames.TIME, "can0", 0x1CEF0000 | destination << 8 | source, true, data);
    }

    /** A value frame as a device sends it: the register's bytes, then 0xFF padding. */
    @Provide
    Arbitrary<byte[]> valueFrames() {
        return Combinators.combine(Arbitraries.of(REGISTERS), Arbitraries.bytes().array(byte[].class).ofSize(4),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(4)).as((r, bytes, text) -> {
                    byte[] data = {0x66, (byte) 0x99, (byte) r.id(), (byte) (r.id() >>> 8), -1, -1, -1, -1};
                    System.arraycopy(bytes, 0, data, 4, r.size());
                    FieldType type = r.fields().get(0).type();
                    if (type == FieldType.STRING) {
                        for (int i = 0; i < 4; i++) {
                            data[4 + i] = (byte) (i < text.length() ? text.charAt(i) : 0);
                        }
                    } else if (type == FieldType.VERSION) {
                        data[4] = 0; // identifier 0: the local product
                        if ((data[5] & 0xFF) == 0xFF && (data[6] & 0xFF) == 0xFF) {
                            data[7] = -1; // every "no firmware" version is sent as 0xFFFFFF
                        }
                    }
                    return data;
                });
    }

    @Property
    void valuesRoundTrip(@ForAll("valueFrames") byte[] data, @ForAll @IntRange(max = 253) int source,
            @ForAll @IntRange(max = 255) int destination) throws Exception {
        CanFrame f = vreg(source, destination, data);
        DecodedMessage m = codec.decode(f);
        assertNotNull(m, f.toString());
        assertEquals(f, codec.encode(m));
    }

    @Property
    void requestsRoundTrip(@ForAll @IntRange(max = 0xFFFF) int register, @ForAll @IntRange(max = 0xFFFF) int mask,
            @ForAll @IntRange(max = 253) int source, @ForAll @IntRange(max = 255) int destination) throws Exception {
        CanFrame f = codec.request(register, mask, source, destination, "can0", Frames.TIME);
        DecodedMessage m = codec.decode(f);
        assertEquals(register, m.register());
        assertEquals(f, codec.encode(m));
    }

    @Property
    void acksRoundTrip(@ForAll @IntRange(max = 0xFFFF) int register, @ForAll @IntRange(max = 0xFFFF) int code,
            @ForAll @IntRange(max = 253) int source, @ForAll @IntRange(max = 255) int destination) throws Exception {
        CanFrame f = codec.ack(register, code, source, destination, "can0", Frames.TIME);
        DecodedMessage m = codec.decode(f);
        assertEquals(code, m.code());
        assertEquals(f, codec.encode(m));
    }

    @Property
    void paddingDoesNotChangeAValue(@ForAll("valueFrames") byte[] data) throws Exception {
        RegisterInfo r = VregCatalogue.INSTANCE.find((data[2] & 0xFF) | (data[3] & 0xFF) << 8).orElseThrow();
        byte[] zeros = data.clone();
        for (int i = 4 + r.size(); i < 8; i++) {
            zeros[i] = 0;
        }
        assertEquals(codec.decode(vreg(0x50, 0xFF, data)).signals(), codec.decode(vreg(0x50, 0xFF, zeros)).signals());
    }

    /** Random ids and bytes, and random VREG-looking frames of every length. */
    @Provide
    Arbitrary<CanFrame> anyFrames() {
        Arbitrary<CanFrame> random = Combinators.combine(Arbitraries.integers().between(0, CanFrame.MAX_EXTENDED_ID),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8))
                .as((id, data) -> CanFrame.of(Frames.TIME, "can0", id, true, data));
        Arbitrary<CanFrame> vregLike = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.of(REGISTERS).map(RegisterInfo::id).injectNull(0.3),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8), Arbitraries.integers().between(0, 8))
                .as((addresses, register, bytes, length) -> {
                    byte[] data = new byte[length];
                    System.arraycopy(bytes, 0, data, 0, Math.min(bytes.length, length));
                    if (length > 0) {
                        data[0] = 0x66;
                    }
                    if (length > 1) {
                        data[1] = (byte) 0x99;
                    }
                    if (register != null && length > 3) {
                        data[2] = (byte) (int) register;
                        data[3] = (byte) (register >>> 8);
                    }
                    return vreg(addresses & 0xFF, addresses >>> 8, data);
                });
        return Arbitraries.oneOf(random, vregLike);
    }

    @Property(tries = 2000)
    void decodeThrowsOnlyMalformedFrameAndValuesAreInRange(@ForAll("anyFrames") CanFrame f) {
        DecodedMessage m;
        try {
            m = codec.decode(f);
        } catch (MalformedFrameException e) {
            assertTrue(e.getMessage().contains(f.idHex()), e.getMessage());
            return;
        }
        if (m == null || !m.message().equals(VregCodec.VALUE)) {
            return;
        }
        RegisterInfo r = VregCatalogue.INSTANCE.find(m.register()).orElseThrow();
        for (RegisterField field : r.fields()) {
            Object v = m.signals().get(field.key());
            if (v instanceof Number n && !field.text()) {
                double scale = Math.pow(10, -field.decimals());
                double min = field.type().minRaw() * scale - (field.kelvin() ? 273.15 : 0);
                double max = field.type().maxRaw() * scale - (field.kelvin() ? 273.15 : 0);
                assertTrue(n.doubleValue() >= min - 1e-9 && n.doubleValue() <= max + 1e-9, field.key() + " = " + v);
            } else if (v != null) {
                assertTrue(v instanceof String s && s.length() <= 8, field.key() + " = " + v);
            }
        }
    }

    @Property
    void valuesShorterThanTheirRegisterAreMalformed(@ForAll("valueFrames") byte[] data, @ForAll @IntRange(min = 2, max = 7) int length) {
        RegisterInfo r = VregCatalogue.INSTANCE.find((data[2] & 0xFF) | (data[3] & 0xFF) << 8).orElseThrow();
        byte[] cut = java.util.Arrays.copyOf(data, length);
        try {
            DecodedMessage m = codec.decode(vreg(0x50, 0xFF, cut));
            assertTrue(length >= 4 + r.size(), r.idHex() + " decoded from " + length + " bytes: " + m);
        } catch (MalformedFrameException e) {
            assertTrue(length < 4 + r.size(), e.getMessage());
            assertTrue(e.getMessage().contains("data bytes"), e.getMessage());
        }
    }
}
