package org.bmsworkbench.protocol.vreg.codec;

import static org.bmsworkbench.protocol.vreg.codec.Frames.TIME;
import static org.bmsworkbench.protocol.vreg.codec.Frames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

/**
 * {@link VregCodec#rawValue}: a register's raw bytes in the layout of guide 1.5.4.1, for
 * registers outside the catalogue too (the unlock register of the MG device profile).
 */
class VregRawValueTest {
    private final VregCodec codec = VregCodec.INSTANCE;

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void aWriteToARegisterOutsideTheCatalogueIsTheGuidesLayout() throws Exception {
        // the placeholder unlock register 0xEE10, code 1A2B3C4D as un32 little endian, from 0x20 to node 0x50
        CanFrame f = codec.rawValue(0xEE10, hex("4D 3C 2B 1A"), 0x20, 0x50, "can0", TIME);
        assertEquals(frame(0x1CEF5020, "66 99 10 EE 4D 3C 2B 1A"), f);
        assertNull(codec.decode(f), "not a catalogued register: nothing to put in the model");
    }

    @Test
    void rawBytesOfACataloguedRegisterDecodeToItsValue() throws Exception {
        // guide 1.5.4.3: the firmware reply 1.04, broadcast by 0x50
        CanFrame f = codec.rawValue(0x0102, hex("00 00 04 01"), 0x50, 0xFF, "can0", TIME);
        assertEquals(frame(0x1CEFFF50, "66 99 02 01 00 00 04 01"), f);
        DecodedMessage m = codec.decode(f);
        assertEquals(Map.of("bms.firmware", "1.04"), m.signals());
        // a one-byte register: the rest is padding
        CanFrame state = codec.rawValue(0x0371, hex("09"), 0x50, 0xFF, "can0", TIME);
        assertEquals(frame(0x1CEFFF50, "66 99 71 03 09 FF FF FF"), state);
        assertEquals(Map.of("bms.state", 9L), codec.decode(state).signals());
    }

    @Test
    void commandsLongPayloadsAndBadAddressesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> codec.rawValue(0x0001, hex("02 01 FF FF"), 0x20, 0x50, "can0", TIME));
        assertThrows(IllegalArgumentException.class, () -> codec.rawValue(0x0002, hex("02 01 00 80"), 0x50, 0x20, "can0", TIME));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.rawValue(0xEE10, hex("01 02 03 04 05"), 0x20, 0x50, "can0", TIME));
        assertEquals("a VREG frame carries at most 4 value bytes, not 5 (VREG 0xEE10)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> codec.rawValue(0x10000, hex("00"), 0x20, 0x50, "can0", TIME));
        assertThrows(IllegalArgumentException.class, () -> codec.rawValue(0xEE10, hex("00"), 0x100, 0x50, "can0", TIME));
    }
}
