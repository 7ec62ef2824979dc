package org.bmsworkbench.can.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The bitrate= option of the adapter URIs (pcan:, kvaser:) and the rate as messages name it. */
class BitratesTest {
    @Test
    void numbersWithKOrMSuffix() {
        assertEquals(500_000, Bitrates.parse("500000"));
        assertEquals(500_000, Bitrates.parse("500k"));
        assertEquals(250_000, Bitrates.parse(" 250K "));
        assertEquals(1_000_000, Bitrates.parse("1M"));
        assertEquals(62_500, Bitrates.parse("62500"));
    }

    @Test
    void anythingElseIsMinusOne() {
        for (String bad : new String[] {"", "k", "fast", "-500", "5e5", "500kb", "1.5M", "123456789"}) {
            assertEquals(-1, Bitrates.parse(bad), bad);
        }
    }

    @Test
    void labels() {
        assertEquals("1 Mbit/s", Bitrates.label(1_000_000));
        assertEquals("800 kbit/s", Bitrates.label(800_000));
        assertEquals("10 kbit/s", Bitrates.label(10_000));
        assertEquals("83333 bit/s", Bitrates.label(83_333));
    }
}
