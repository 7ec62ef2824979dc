package org.bmsworkbench.cli.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.bmsworkbench.bms.codec.Decimals;
import org.junit.jupiter.api.Test;

class TextBufferTest {

    private static String number(double d) {
        return new TextBuffer(8).append(d).toString();
    }

    @Test
    void doublesPrintLikeDoubleToStringWithoutExponent() {
        assertEquals("53.12", number(53.12));
        assertEquals("-12.3", number(-12.3));
        assertEquals("25.0", number(25.0));
        assertEquals("0.0", number(0.0));
        assertEquals("-0.0", number(-0.0));
        assertEquals("0.01", number(0.01));
        assertEquals("0.0001", number(0.0001));
        assertEquals("0.0000015", number(1.5e-6));
        assertEquals("10000000.0", number(1e7));
        assertEquals("123456789.125", number(123456789.125));
        assertEquals("100000000000000000000.0", number(1e20));
        assertEquals("0.1", number(0.1));
        assertEquals("0.30000000000000004", number(0.1 + 0.2));
        assertEquals("4294967295.0", number(4294967295.0));
    }

    @Test
    void exactScaledValuesPrintAsTheDeviceMeantThem() {
        assertEquals("53.12", number(Decimals.scale(5312, 2)));
        assertEquals("21.45", number(Decimals.kelvinToCelsius(2946, 1)));
        assertEquals("25.0", number(Decimals.kelvinToCelsius(29815, 2)));
        assertEquals("87.5", number(Decimals.scale(8750, 2)));
    }

    @Property
    void anyDoubleReadsBackAsItselfInPlainNotation(@ForAll double d) {
        String s = number(d);
        if (!Double.isFinite(d)) {
            return;
        }
        assertFalse(s.contains("E"), s);
        assertTrue(s.contains("."), s);
        assertEquals(d, Double.parseDouble(s));
    }

    @Property
    void ordinaryMagnitudesMatchDoubleToString(@ForAll @DoubleRange(min = -1e6, max = 1e6) double d) {
        if (Math.abs(d) >= 1e-3 || d == 0) {
            assertEquals(Double.toString(d), number(d));
        } else {
            assertEquals(new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString(), number(d));
        }
    }

    @Property
    void decimalsWithFewDigitsPrintExactly(@ForAll @LongRange(min = -10_000_000, max = 10_000_000) long raw) {
        for (int decimals = 0; decimals <= 3; decimals++) {
            String expected = new BigDecimal(raw).movePointLeft(decimals).toPlainString();
            if (!expected.contains(".")) {
                expected += ".0";
            } else {
                expected = expected.replaceAll("0+$", "").replaceAll("\\.$", ".0");
            }
            assertEquals(expected, number(Decimals.scale(raw, decimals)));
        }
    }

    @Property
    void longsPrintLikeLongToString(@ForAll long v) {
        assertEquals(Long.toString(v), new TextBuffer(4).append(v).toString());
    }

    @Test
    void secondsKeepMicrosecondsAndTrimTrailingZeros() {
        assertEquals("1600000000.5", new TextBuffer(8).appendSeconds(1_600_000_000_500_000L).toString());
        assertEquals("1600000002.0", new TextBuffer(8).appendSeconds(1_600_000_002_000_000L).toString());
        assertEquals("1600000000.000123", new TextBuffer(8).appendSeconds(1_600_000_000_000_123L).toString());
        assertEquals("1600000001.25", new TextBuffer(8).appendSeconds(1_600_000_001_250_000L).toString());
        assertEquals("0.0", new TextBuffer(8).appendSeconds(0).toString());
        assertEquals("-1.5", new TextBuffer(8).appendSeconds(-1_500_000).toString());
    }

    /** docs/SIGNALS.md: time is the seconds with the microseconds, trailing zeros trimmed but one digit kept. */
    @Property
    void secondsPrintLikeTheirPlainDecimal(@ForAll @LongRange(min = -4_000_000_000_000_000L,
            max = 4_000_000_000_000_000L) long micros, @ForAll @LongRange(min = 0, max = 3) long repeat) {
        String plain = BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
        String expected = plain.indexOf('.') < 0 ? plain + ".0" : plain;
        TextBuffer text = new TextBuffer(4);
        for (int i = 0; i <= repeat; i++) { // the second is cached after the first
            text.appendSeconds(micros).append(' ');
        }
        assertEquals((expected + " ").repeat((int) repeat + 1), text.toString());
    }

    @Test
    void hexIsUpperCaseAndZeroPadded() {
        assertEquals("0FFF", new TextBuffer(8).appendHex(0xFFF, 4).toString());
        assertEquals("19F21450", new TextBuffer(8).appendHex(0x19F21450, 8).toString());
        assertEquals("00A", new TextBuffer(8).appendHex(0xA, 3).toString());
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\"", new TextBuffer(8).appendJsonString("a\"b\\c\n\t\u0001").toString());
        assertEquals("\"25 °C ✓ \uD83D\uDD0B\"", new TextBuffer(8).appendJsonString("25 °C ✓ \uD83D\uDD0B").toString());
        assertEquals("\"\\uD83D x\"", new TextBuffer(8).appendJsonString("\uD83D x").toString());
    }

    @Property
    void repeatedAndCollidingStringsAreWrittenCorrectly(@ForAll String a, @ForAll String b) {
        TextBuffer cached = new TextBuffer(8);
        for (int i = 0; i < 3; i++) {
            cached.appendJsonString(a).appendJsonString(b).appendJsonString(new String(a.toCharArray()));
        }
        String once = new TextBuffer(8).appendJsonString(a).appendJsonString(b).appendJsonString(a).toString();
        assertEquals(once.repeat(3), cached.toString());
    }

    @Test
    void growsAndWritesUtf8() throws IOException {
        TextBuffer b = new TextBuffer(1);
        for (int i = 0; i < 1000; i++) {
            b.append("°C");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.writeTo(out);
        assertEquals("°C".repeat(1000), out.toString(StandardCharsets.UTF_8));
        assertEquals(0, b.size());
    }
}
