package org.bmsworkbench.transport.pcan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every PCAN_ERROR_* code of PEAK's public PCANBasic.h has words. */
class PcanStatusTest {
    @Test
    void everyCodeOfTheHeaderHasItsOwnWords() {
        int[] header = {0x00001, 0x00002, 0x00004, 0x00008, 0x40000, 0x00010, 0x00020, 0x00040, 0x00080, 0x00100,
            0x00200, 0x00400, 0x00800, 0x01400, 0x01800, 0x01C00, 0x02000, 0x04000, 0x08000, 0x10000, 0x20000,
            0x80000, 0x2000000, 0x4000000, 0x8000000};
        assertEquals(header.length, PcanStatus.allCodes().size());
        for (int code : header) {
            String words = PcanStatus.describe(code);
            assertTrue(words.startsWith("PCAN_ERROR_") && !words.contains("undefined") && !words.contains(";"), words);
            assertTrue(words.endsWith(String.format("(0x%05X)", code)), words);
        }
        assertEquals("PCAN_ERROR_OK: no error (0x00000)", PcanStatus.describe(0));
    }

    @Test
    void combinedBitsAreAllNamed() {
        assertEquals("PCAN_ERROR_BUSHEAVY: bus error, an error counter reached the 'heavy' (warning) limit;"
                + " PCAN_ERROR_QRCVEMPTY: the receive queue is empty (0x00028)", PcanStatus.describe(0x28));
        assertEquals("PCAN_ERROR_ILLHW: the hardware handle is invalid (the adapter is not there);"
                + " PCAN_ERROR_BUSOFF: bus error, the CAN controller is bus-off (0x01410)", PcanStatus.describe(0x1410));
        assertEquals("an undefined handle error; undefined PCAN status bits 0x1000000 (0x1000C00)",
                PcanStatus.describe(0x1000C00));
    }

    @Test
    void goneMeansTheAdapterOrDriverWentAway() {
        assertTrue(PcanStatus.gone(0x01400));
        assertTrue(PcanStatus.gone(0x00200));
        assertTrue(PcanStatus.gone(0x4000000));
        assertFalse(PcanStatus.gone(0x00020));
        assertFalse(PcanStatus.gone(0x00010 | 0x00020));
        assertFalse(PcanStatus.gone(0x00040));
    }
}
