package org.bmsworkbench.bms.codec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.ReusedFrame;
import org.junit.jupiter.api.Test;

class FrameFieldsTest {

    @Test
    void aShortFrameIsNamedWithTheBytesItNeedsInGoodEnglish() {
        CanFrame empty = CanFrame.of(0, "can0", 0x35B, false);
        MalformedFrameException one = assertThrows(MalformedFrameException.class,
                () -> FrameFields.requireLength(empty, 1, "events"));
        assertEquals("0x35B events needs 1 data byte, got 0", one.getMessage());
        MalformedFrameException six = assertThrows(MalformedFrameException.class,
                () -> FrameFields.requireLength(CanFrame.of(0, "can0", 0x356, false, new byte[1]), 6, "battery_basic_info"));
        assertEquals("0x356 battery_basic_info needs 6 data bytes, got 1", six.getMessage());
        assertDoesNotThrow(() -> FrameFields.requireLength(CanFrame.of(0, "can0", 0x356, false, new byte[8]), 6, "x"));
    }

    /**
     * asciiEquals says what comparing ascii's string says, on the frame and on a reused view of it:
     * padding (NUL, 0xFF, space) trimmed, unprintable bytes as '?', a field past the frame's end.
     */
    @Test
    void asciiEqualsSaysWhatAsciisStringSays() {
        List<byte[]> datas = List.of(bytes("MG-BMS\0\0"), bytes("MG-BMS  "), pad(bytes("MG-BMS"), (byte) 0xFF),
                bytes("MG-BMSX"), bytes("MG-BM"), bytes("PYLON\0\0\0"), bytes("PYLON"), bytes("xPYLON"),
                new byte[] {'M', 'G', '-', 'B', 'M', 'S', 0x01, 0}, new byte[] {'M', 'G', '-', 'B', 'M', 0x7F},
                new byte[0], new byte[8]);
        List<String> texts = List.of("MG-BMS", "PYLON", "MG-BMS?", "MG-BM?", "", "?");
        int equal = 0;
        for (byte[] data : datas) {
            CanFrame frame = CanFrame.of(0, "can0", 0x35E, false, data);
            ReusedFrame view = new ReusedFrame().set(frame);
            for (int offset : new int[] {0, 1, 9}) {
                for (String text : texts) {
                    boolean expected = text.equals(FrameFields.ascii(frame, offset, 8));
                    String where = frame + " at " + offset + " vs \"" + text + "\"";
                    assertEquals(expected, FrameFields.asciiEquals(frame, offset, 8, text), where);
                    assertEquals(expected, FrameFields.asciiEquals(view, offset, 8, text), where + " (view)");
                    equal += expected ? 1 : 0;
                }
            }
        }
        assertEquals(true, equal >= 8, equal + " equal pairs: the cases must include matches");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] pad(byte[] b, byte filler) {
        byte[] p = new byte[8];
        java.util.Arrays.fill(p, filler);
        System.arraycopy(b, 0, p, 0, b.length);
        return p;
    }
}
