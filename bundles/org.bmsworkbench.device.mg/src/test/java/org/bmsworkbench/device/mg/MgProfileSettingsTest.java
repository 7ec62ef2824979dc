package org.bmsworkbench.device.mg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks on each setting. */
class MgProfileSettingsTest {

    @Test
    void defaults() {
        assertEquals(new MgProfileSettings(0xEE10, false, Set.of(13, 14, 15, 16, 18), 0x50), MgProfileSettings.defaults());
    }

    @Test
    void aDocumentedRegisterIsRefused() {
        // 0x0379 is "Re-start request": writing a code there would restart the BMS
        assertEquals("0x0379 is a register the communication guide documents for something else; an unlock code must"
                + " not be written to it", message(() -> MgProfileSettings.checkUnlockRegister(0x0379)));
        for (int reg : MgMasterLv.DOCUMENTED_REGISTERS) {
            assertThrows(IllegalArgumentException.class, () -> MgProfileSettings.checkUnlockRegister(reg));
        }
        assertEquals("a VREG register id is 0x0000..0xFFFF, got 65536",
                message(() -> MgProfileSettings.checkUnlockRegister(0x10000)));
    }

    @Test
    void safetyLockCodesMustBeDefinedErrors() {
        assertEquals("at least one error code must mean a Safety lock",
                message(() -> MgProfileSettings.checkSafetyLockErrorCodes(List.of())));
        assertEquals("error code 0 (No error, system OK) is not an error",
                message(() -> MgProfileSettings.checkSafetyLockErrorCodes(List.of(13, 0))));
        assertEquals("error code 17 (Not implemented) is not an error",
                message(() -> MgProfileSettings.checkSafetyLockErrorCodes(List.of(17))));
        assertEquals("error code 27 (Reserved) is not an error",
                message(() -> MgProfileSettings.checkSafetyLockErrorCodes(List.of(27))));
        assertEquals("error code 30 is not in the BMS error table (0..29)",
                message(() -> MgProfileSettings.checkSafetyLockErrorCodes(List.of(30))));
        assertEquals("an error code is missing",
                message(() -> MgProfileSettings.checkSafetyLockErrorCodes(Arrays.asList(13, null))));
        assertEquals(List.of(13, 25), List.copyOf(MgProfileSettings.checkSafetyLockErrorCodes(List.of(25, 13, 25))));
    }

    @Test
    void aNodeAddressIsOneANodeMayClaim() {
        MgProfileSettings.checkNodeAddress(0);
        MgProfileSettings.checkNodeAddress(0xFD);
        assertEquals("a node address is 0x00..0xFD, got 254", message(() -> MgProfileSettings.checkNodeAddress(0xFE)));
        assertThrows(IllegalArgumentException.class, () -> new MgProfileSettings(0xEE10, false, Set.of(13), 0xFF));
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
