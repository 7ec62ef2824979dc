package org.bmsworkbench.device.mg.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bmsworkbench.device.mg.MgProfileSettings;

/**
 * Turns the configuration values of PID {@code org.bmsworkbench.device.mg.profile} into
 * {@link MgProfileSettings}. A bad value is reported through {@code warnings} (naming the
 * property, the value and what is wrong) and replaced by its default; the others are kept.
 * Numbers are decimal, or hexadecimal with a {@code 0x} prefix. Plain Java, no OSGi.
 */
final class ProfileConfiguration {
    static final String UNLOCK_REGISTER = "unlock.register";
    static final String UNLOCK_VERIFIED = "unlock.verified";
    static final String SAFETY_LOCK_ERROR_CODES = "safety.lock.error.codes";
    static final String NODE_ADDRESS = "node.address";

    private ProfileConfiguration() {
    }

    /** The settings these values give; bad ones fall back to {@link MgProfileSettings#defaults()}. */
    static MgProfileSettings settings(String unlockRegister, boolean unlockVerified, String[] safetyLockErrorCodes,
            String nodeAddress, Consumer<String> warnings) {
        MgProfileSettings defaults = MgProfileSettings.defaults();

        int register = defaults.unlockRegister();
        boolean registerTaken = false;
        try {
            int value = number(unlockRegister);
            MgProfileSettings.checkUnlockRegister(value);
            register = value;
            registerTaken = true;
        } catch (IllegalArgumentException e) {
            warnings.accept(problem(UNLOCK_REGISTER, unlockRegister, e) + "; using the default "
                    + hex4(defaults.unlockRegister()));
        }

        boolean verified = unlockVerified;
        if (verified && !registerTaken) {
            verified = false;
            warnings.accept(UNLOCK_VERIFIED + "=true ignored: it vouched for the rejected " + UNLOCK_REGISTER
                    + ", not for the default, which stays unverified");
        }

        Set<Integer> codes = defaults.safetyLockErrorCodes();
        try {
            codes = MgProfileSettings.checkSafetyLockErrorCodes(codeList(safetyLockErrorCodes));
        } catch (IllegalArgumentException e) {
            warnings.accept(problem(SAFETY_LOCK_ERROR_CODES, safetyLockErrorCodes == null ? null
                    : String.join(",", safetyLockErrorCodes), e) + "; using the default " + defaults.safetyLockErrorCodes());
        }

        int address = defaults.nodeAddress();
        try {
            int value = number(nodeAddress);
            MgProfileSettings.checkNodeAddress(value);
            address = value;
        } catch (IllegalArgumentException e) {
            warnings.accept(problem(NODE_ADDRESS, nodeAddress, e) + "; using the default "
                    + String.format("0x%02X", defaults.nodeAddress()));
        }
        return new MgProfileSettings(register, verified, codes, address);
    }

    /** A decimal number, or a hexadecimal one after {@code 0x}; surrounding white space is ignored. */
    static int number(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no value");
        }
        String t = text.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Integer.parseInt(t.substring(2), 16);
            }
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number (decimal, or hexadecimal after 0x)");
        }
    }

    /** The codes of all entries, each entry possibly a comma-separated list itself; blank parts are skipped. */
    private static List<Integer> codeList(String[] entries) {
        List<Integer> codes = new ArrayList<>();
        if (entries == null) {
            return codes;
        }
        for (String entry : entries) {
            if (entry == null) {
                continue;
            }
            for (String part : entry.split(",", -1)) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    codes.add(number(part));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + part.strip() + "' is " + e.getMessage());
                }
            }
        }
        return codes;
    }

    private static String problem(String property, String value, IllegalArgumentException e) {
        return "configuration " + property + "=" + (value == null ? "(none)" : "'" + value + "'") + " rejected: "
                + e.getMessage();
    }

    private static String hex4(int value) {
        return String.format("0x%04X", value);
    }
}
