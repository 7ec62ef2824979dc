package org.bmsworkbench.device.mg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the profile sends an unlock code, and that it says loudly that this is unverified. */
class UnlockSettingsTest {

    @Test
    void theDefaultIsTheUnverifiedPlaceholder() {
        UnlockSettings unlock = MgMasterLvProfile.defaults().unlockSettings();
        assertEquals(0xEE10, unlock.registerId());
        assertEquals("0xEE10", unlock.registerHex());
        assertFalse(unlock.verified());
        assertEquals(UnlockSettings.Format.HEX8_UN32_LITTLE_ENDIAN, unlock.format());
        assertTrue(unlock.caution().startsWith("The unlock register 0xEE10 is UNVERIFIED"));
    }

    @Test
    void thePlaceholderIsNoRegisterTheGuideDocuments() {
        assertFalse(MgMasterLv.DOCUMENTED_REGISTERS.contains(MgMasterLv.PLACEHOLDER_UNLOCK_REGISTER));
    }

    @Test
    void aVerifiedRegisterNeedsNoCaution() {
        UnlockSettings unlock = new MgMasterLvProfile(new MgProfileSettings(0xEE20, true, Set.of(13), 0x50)).unlockSettings();
        assertEquals("", unlock.caution());
        assertEquals("0xEE20", unlock.registerHex());
    }

    @Test
    void thePayloadIsTheCodeLittleEndian() {
        UnlockSettings unlock = MgMasterLvProfile.defaults().unlockSettings();
        assertArrayEquals(new byte[] {0x78, 0x56, 0x34, 0x12}, unlock.payload(UnlockCode.parse("12345678")));
    }

    @Test
    void aRegisterIdIsAnUn16() {
        assertThrows(IllegalArgumentException.class,
                () -> new UnlockSettings(0x10000, false, UnlockSettings.Format.HEX8_UN32_LITTLE_ENDIAN));
        assertThrows(IllegalArgumentException.class,
                () -> new UnlockSettings(-1, false, UnlockSettings.Format.HEX8_UN32_LITTLE_ENDIAN));
    }
}
