package org.bmsworkbench.device.mg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Typed unlock codes: what is accepted, what is refused and why, and the un32 that is sent. */
class UnlockCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1A2B3C4D", "1a2b3c4d", "1A2b3C4d", "  1A2B3C4D\t", "1A2B-3C4D", "1A2B 3C4D",
        "1A 2B 3C 4D", "1A-2B-3C-4D", "1A2B - 3C4D", "\n1a2b-3c4d\n", "1-A-2-B-3-C-4-D"})
    void acceptedForms(String typed) {
        UnlockCode code = UnlockCode.parse(typed);
        assertEquals(0x1A2B3C4DL, code.un32());
        assertEquals("1A2B3C4D", code.toString());
        assertEquals(Optional.empty(), UnlockCode.problemWith(typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"            | no unlock code was entered: type the 8 hexadecimal digits",
        "\"   \"         | no unlock code was entered: type the 8 hexadecimal digits",
        "1A2B3C4        | an unlock code has 8 hexadecimal digits, this one has 7",
        "1A2B3C4D5      | an unlock code has 8 hexadecimal digits, this one has 9",
        "1A2B-3C4D-00   | an unlock code has 8 hexadecimal digits, this one has 10",
        "1A2G3C4D       | 'G' at position 4 is not a hexadecimal digit (0-9, A-F)",
        "\"  1A2B_3C4D\" | '_' at position 7 is not a hexadecimal digit (0-9, A-F)",
        "1A2B.3C4D      | '.' at position 5 is not a hexadecimal digit (0-9, A-F)",
        "0x1A2B3C4D     | type the 8 hexadecimal digits without a 0x prefix",
        "0X1A2B3C4D     | type the 8 hexadecimal digits without a 0x prefix",
        "-1A2B3C4D      | a dash at position 1: spaces and dashes may only stand between groups of digits",
        "1A2B3C4D-      | a dash at position 9: spaces and dashes may only stand between groups of digits",
        "\"1A2B\t3C4D\"  | a tab at position 5: only spaces and dashes may separate the digits",
        "1A2B３C4D      | '３' at position 5 is not a hexadecimal digit (0-9, A-F)",
        "unlock         | 'u' at position 1 is not a hexadecimal digit (0-9, A-F)"})
    void refusedForms(String typed, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnlockCode.parse(typed));
        assertEquals(message, e.getMessage());
        assertEquals(Optional.of(message), UnlockCode.problemWith(typed));
    }

    @Test
    void nullIsNoCode() {
        assertEquals(Optional.of("no unlock code was entered: type the 8 hexadecimal digits"), UnlockCode.problemWith(null));
    }

    @Test
    void theCodeIsSentAsALittleEndianUn32() {
        // VREG data bytes 4..7 are little endian (guide 1.5.4.1): 0x1A2B3C4D -> 4D 3C 2B 1A
        assertArrayEquals(new byte[] {0x4D, 0x3C, 0x2B, 0x1A}, UnlockCode.parse("1A2B3C4D").littleEndianBytes());
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBE, (byte) 0xAD, (byte) 0xDE},
                UnlockCode.parse("deadbeef").littleEndianBytes());
        assertEquals(0xFFFF_FFFFL, UnlockCode.parse("FFFFFFFF").un32());
        assertEquals(0L, UnlockCode.parse("00000000").un32());
        assertEquals("0000ABCD", new UnlockCode(0xABCD).toString());
    }

    @Test
    void anUn32OutOfRangeIsNoCode() {
        assertThrows(IllegalArgumentException.class, () -> new UnlockCode(-1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new UnlockCode(0x1_0000_0000L)).getMessage()
                .contains("un32"));
    }

    @Property
    void everyCodeSurvivesWritingAndReading(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long value) {
        UnlockCode code = new UnlockCode(value);
        assertEquals(code, UnlockCode.parse(code.toString()));
        assertEquals(code, UnlockCode.parse(code.toString().toLowerCase()));
        String grouped = code.toString().substring(0, 4) + "-" + code.toString().substring(4);
        assertEquals(code, UnlockCode.parse(" " + grouped + " "));
        byte[] b = code.littleEndianBytes();
        long back = (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
        assertEquals(value, back);
    }

    @Property
    void parsingThrowsNothingButIllegalArgument(@ForAll String typed) {
        try {
            UnlockCode.parse(typed);
        } catch (IllegalArgumentException expected) {
            assertTrue(!expected.getMessage().isBlank());
        }
    }
}
