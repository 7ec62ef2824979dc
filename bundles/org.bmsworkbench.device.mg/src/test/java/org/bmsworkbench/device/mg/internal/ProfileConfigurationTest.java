package org.bmsworkbench.device.mg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bmsworkbench.device.mg.MgProfileSettings;
import org.junit.jupiter.api.Test;

/** Configuration values to settings: good values kept, bad ones named in a warning and defaulted. */
class ProfileConfigurationTest {
    private final List<String> warnings = new ArrayList<>();

    private MgProfileSettings settings(String register, boolean verified, String[] codes, String address) {
        return ProfileConfiguration.settings(register, verified, codes, address, warnings::add);
    }

    @Test
    void theDefaultValuesGiveTheDefaultsQuietly() {
        assertEquals(MgProfileSettings.defaults(), settings("0xEE10", false, new String[] {"13", "14", "15", "16", "18"}, "0x50"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void goodValuesAreTaken() {
        MgProfileSettings s = settings(" 0xee20 ", true, new String[] {"25", "0x1A"}, "81");
        assertEquals(new MgProfileSettings(0xEE20, true, Set.of(25, 26), 81), s);
        assertEquals(List.of(), warnings);
    }

    @Test
    void numbersAreDecimalOrHexAfter0x() {
        assertEquals(0x50, ProfileConfiguration.number("0x50"));
        assertEquals(50, ProfileConfiguration.number("50"));
        assertEquals(0xEE10, ProfileConfiguration.number("60944"));
    }

    @Test
    void codesMayBeOneCommaSeparatedEntry() {
        assertEquals(Set.of(13, 14, 18), settings("0xEE10", false, new String[] {"13, 14,,18"}, "0x50").safetyLockErrorCodes());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aBadRegisterFallsBackAndIsNamed() {
        MgProfileSettings s = settings("EE10", false, new String[] {"13"}, "0x50");
        assertEquals(0xEE10, s.unlockRegister());
        assertEquals(Set.of(13), s.safetyLockErrorCodes(), "the other values are kept");
        assertEquals(List.of("configuration unlock.register='EE10' rejected: not a number (decimal, or hexadecimal after 0x);"
                + " using the default 0xEE10"), warnings);
    }

    @Test
    void aDocumentedRegisterFallsBackAndTheVerifiedFlagWithIt() {
        MgProfileSettings s = settings("0x0379", true, new String[] {"13"}, "0x50");
        assertEquals(0xEE10, s.unlockRegister());
        assertEquals(false, s.unlockVerified());
        assertEquals(List.of("configuration unlock.register='0x0379' rejected: 0x0379 is a register the communication"
                + " guide documents for something else; an unlock code must not be written to it; using the default 0xEE10",
                "unlock.verified=true ignored: it vouched for the rejected unlock.register, not for the default, which"
                        + " stays unverified"), warnings);
    }

    @Test
    void badSafetyLockCodesFallBackAsAWhole() {
        assertEquals(Set.of(13, 14, 15, 16, 18), settings("0xEE10", false, new String[] {"13", "17"}, "0x50").safetyLockErrorCodes());
        assertEquals(Set.of(13, 14, 15, 16, 18), settings("0xEE10", false, new String[] {"13", "high"}, "0x50").safetyLockErrorCodes());
        assertEquals(Set.of(13, 14, 15, 16, 18), settings("0xEE10", false, new String[0], "0x50").safetyLockErrorCodes());
        assertEquals(Set.of(13, 14, 15, 16, 18), settings("0xEE10", false, null, "0x50").safetyLockErrorCodes());
        assertEquals(List.of(
                "configuration safety.lock.error.codes='13,17' rejected: error code 17 (Not implemented) is not an error;"
                        + " using the default [13, 14, 15, 16, 18]",
                "configuration safety.lock.error.codes='13,high' rejected: 'high' is not a number (decimal, or"
                        + " hexadecimal after 0x); using the default [13, 14, 15, 16, 18]",
                "configuration safety.lock.error.codes='' rejected: at least one error code must mean a Safety lock;"
                        + " using the default [13, 14, 15, 16, 18]",
                "configuration safety.lock.error.codes=(none) rejected: at least one error code must mean a Safety lock;"
                        + " using the default [13, 14, 15, 16, 18]"), warnings);
    }

    @Test
    void aBadNodeAddressFallsBack() {
        assertEquals(0x50, settings("0xEE10", false, new String[] {"13"}, "0xFF").nodeAddress());
        assertEquals(0x50, settings("0xEE10", false, new String[] {"13"}, "").nodeAddress());
        assertEquals(List.of("configuration node.address='0xFF' rejected: a node address is 0x00..0xFD, got 255; using"
                + " the default 0x50", "configuration node.address='' rejected: no value; using the default 0x50"), warnings);
    }
}
