package org.bmsworkbench.can.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The time fields of ASC (seconds, Vector's "CANoe ASC" format: up to 6 decimals written, read up to 9)
 * and PEAK TRC (milliseconds, PEAK's "PCAN Trace Files" format: 1 to 3 decimals written) as
 * microseconds, through the one reader both use.
 */
class AsciiDecimalTest {
    private static long micros(String text, int scale, int minInt, int maxInt) {
        byte[] b = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
        return Ascii.decimal(b, 1, b.length - 1, scale, minInt, maxInt);
    }

    @ParameterizedTest(name = "seconds ''{0}'' = {1} µs")
    @CsvSource({"1.000000, 1000000", "0.5, 500000", ".25, 250000", "12.345678901, 12345678", "-0.000010, -10",
        "3, 3000000", "3., 3000000", "123456789012.0, 123456789012000000"})
    void ascSecondsBecomeMicroseconds(String text, long expected) {
        assertEquals(expected, micros(text, 6, 0, 12));
    }

    @ParameterizedTest(name = "milliseconds ''{0}'' = {1} µs")
    @CsvSource({"1.5, 1500", "0.123, 123", "1059.9006, 1059900", "-2.0, -2000", "17, 17000"})
    void trcMillisecondsBecomeMicroseconds(String text, long expected) {
        assertEquals(expected, micros(text, 3, 1, 15));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource({"''", "-", ".", "1.2.3", "'1,5'", "1.0000000001", "1234567890123.0", "12a", "+1", "' 1'"})
    void whatIsNotADecimalIsRefused(String text) {
        assertEquals(Ascii.NOT_A_DECIMAL, micros(text, 6, 0, 12));
    }

    @ParameterizedTest(name = "''{0}'' has no milliseconds before the point")
    @CsvSource({".5", "-.5", "1234567890123456.0"})
    void trcWantsOneToFifteenDigitsBeforeThePoint(String text) {
        assertEquals(Ascii.NOT_A_DECIMAL, micros(text, 3, 1, 15));
    }
}
