package org.bmsworkbench.device.mg.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.bmsworkbench.device.mg.UnlockCode;
import org.junit.jupiter.api.Test;

/** The simulated dealer's codes: fixed for a serial, different between serials, simulator-only. */
class SimulatorUnlockCodesTest {

    @Test
    void theCodesAreTheDocumentedHmac() {
        // Computed independently: HMAC-SHA256(key = SIMULATOR_KEY, message = serial), first 4 bytes
        assertEquals("C4D1AB01", SimulatorUnlockCodes.codeFor("HQ2012ABCDE").toString());
        assertEquals("B3FA3BE7", SimulatorUnlockCodes.codeFor("HQ2012ABCDF").toString());
        assertEquals("428305CB", SimulatorUnlockCodes.codeFor("MG-LV-000001").toString());
    }

    @Test
    void theSameSerialAlwaysGivesTheSameCode() {
        assertEquals(SimulatorUnlockCodes.codeFor("HQ2012ABCDE"), SimulatorUnlockCodes.codeFor("HQ2012ABCDE"));
        assertEquals(SimulatorUnlockCodes.codeFor("HQ2012ABCDE"), SimulatorUnlockCodes.codeFor("  HQ2012ABCDE \n"));
    }

    @Test
    void differentSerialsGiveDifferentCodes() {
        Set<UnlockCode> codes = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            codes.add(SimulatorUnlockCodes.codeFor(String.format("HQ%08d", i)));
        }
        assertEquals(500, codes.size());
        assertNotEquals(SimulatorUnlockCodes.codeFor("hq2012abcde"), SimulatorUnlockCodes.codeFor("HQ2012ABCDE"));
    }

    @Test
    void theSimulatorAcceptsOnlyTheCodeForItsSerial() {
        UnlockCode code = SimulatorUnlockCodes.codeFor("HQ2012ABCDE");
        assertTrue(SimulatorUnlockCodes.accepts("HQ2012ABCDE", code));
        assertTrue(SimulatorUnlockCodes.accepts("HQ2012ABCDE", UnlockCode.parse("c4d1-ab01")));
        assertFalse(SimulatorUnlockCodes.accepts("HQ2012ABCDF", code));
        assertFalse(SimulatorUnlockCodes.accepts("HQ2012ABCDE", null));
        assertFalse(SimulatorUnlockCodes.accepts(" ", code));
    }

    @Test
    void aSerialIsNeeded() {
        assertEquals("a serial number is needed to compute an unlock code",
                assertThrows(IllegalArgumentException.class, () -> SimulatorUnlockCodes.codeFor(" ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimulatorUnlockCodes.codeFor(null));
    }

    @Test
    void theKeySaysWhatItIs() {
        assertTrue(SimulatorUnlockCodes.SIMULATOR_KEY.contains("simulator-only"));
        assertTrue(SimulatorUnlockCodes.SIMULATOR_KEY.contains("not an MG Energy Systems key"));
    }
}
