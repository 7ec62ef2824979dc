package org.bmsworkbench.transport.kvaser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every canERR_* code of Kvaser's public canstat.h (canOK 0 down to canERR_IO_NO_VALID_CONFIG -48) has words. */
class CanlibStatusTest {
    @Test
    void everyCodeHasWords() {
        for (int code = 0; code >= -48; code--) {
            String words = CanlibStatus.describe(code);
            assertTrue(words.startsWith(code == 0 ? "canOK: " : "canERR_") && !words.contains("undefined")
                    && words.endsWith("(" + code + ")"), words);
        }
        assertEquals(49, CanlibStatus.allCodes().size());
        assertEquals("an undefined CANlib error (-99)", CanlibStatus.describe(-99));
        assertEquals("canERR_NOTFOUND: the device or channel was not found (-3)", CanlibStatus.describe(-3));
    }

    @Test
    void goneMeansTheDeviceOrDriverWentAway() {
        assertTrue(CanlibStatus.gone(-3));
        assertTrue(CanlibStatus.gone(-15));
        assertTrue(CanlibStatus.gone(-26));
        assertFalse(CanlibStatus.gone(-2));
        assertFalse(CanlibStatus.gone(-13));
        assertFalse(CanlibStatus.gone(0));
    }
}
