package org.bmsworkbench.device.mg;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of the MG Master LV profile: the configurable part (PID
 * {@value MgDeviceProfile#PID}). Every value is checked on construction; the static
 * {@code check…} methods give the same checks one value at a time, so a configuration can
 * keep the values that are good and fall back on the others.
 *
 * @param unlockRegister the VREG register an unlock code is written to; not one the guide documents
 * @param unlockVerified whether {@code unlockRegister} has been confirmed on a real device
 * @param safetyLockErrorCodes the BMS error codes (VREG 0x2101) that mean a Safety lock in the
 *     error state: at least one, each a defined error of {@link MgBmsErrors}
 * @param nodeAddress the BMS's CAN source address, {@code 0x00..0xFD}
 */
public record MgProfileSettings(int unlockRegister, boolean unlockVerified, Set<Integer> safetyLockErrorCodes,
        int nodeAddress) {
    /** The highest address a J1939/NMEA 2000 node may claim (0xFE is "null", 0xFF global). */
    public static final int MAX_NODE_ADDRESS = 0xFD;

    public MgProfileSettings {
        checkUnlockRegister(unlockRegister);
        safetyLockErrorCodes = checkSafetyLockErrorCodes(safetyLockErrorCodes);
        checkNodeAddress(nodeAddress);
    }

    /**
     * The defaults: the UNVERIFIED placeholder register {@link MgMasterLv#PLACEHOLDER_UNLOCK_REGISTER},
     * not verified, {@link MgBmsErrors#DEFAULT_SAFETY_LOCK_CODES}, node address 0x50.
     */
    public static MgProfileSettings defaults() {
        return new MgProfileSettings(MgMasterLv.PLACEHOLDER_UNLOCK_REGISTER, false,
                MgBmsErrors.DEFAULT_SAFETY_LOCK_CODES, MgMasterLv.DEFAULT_NODE_ADDRESS);
    }

    /**
     * Checks an unlock register id.
     *
     * @throws IllegalArgumentException if it is not an un16 or is a register the guide documents
     */
    public static void checkUnlockRegister(int register) {
        if (register < 0 || register > 0xFFFF) {
            throw new IllegalArgumentException("a VREG register id is 0x0000..0xFFFF, got " + register);
        }
        if (MgMasterLv.DOCUMENTED_REGISTERS.contains(register)) {
            throw new IllegalArgumentException(Product.hex(register) + " is a register the communication guide"
                    + " documents for something else; an unlock code must not be written to it");
        }
    }

    /**
     * Checks Safety lock error codes.
     *
     * @return the codes as an immutable sorted set
     * @throws IllegalArgumentException if there are none, or one is not a defined error
     */
    public static Set<Integer> checkSafetyLockErrorCodes(Collection<Integer> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("at least one error code must mean a Safety lock");
        }
        for (Integer code : codes) {
            if (code == null) {
                throw new IllegalArgumentException("an error code is missing");
            }
            if (code < 0 || code >= MgBmsErrors.ERRORS.size()) {
                throw new IllegalArgumentException("error code " + code + " is not in the BMS error table (0..29)");
            }
            BmsError error = MgBmsErrors.ERRORS.get(code);
            if (!error.isError()) {
                throw new IllegalArgumentException("error code " + code + " (" + error.label() + ") is not an error");
            }
        }
        return Collections.unmodifiableSet(new TreeSet<>(codes));
    }

    /**
     * Checks a node address.
     *
     * @throws IllegalArgumentException if it is outside {@code 0x00..0xFD}
     */
    public static void checkNodeAddress(int address) {
        if (address < 0 || address > MAX_NODE_ADDRESS) {
            throw new IllegalArgumentException("a node address is 0x00..0xFD, got " + address);
        }
    }
}
