package org.bmsworkbench.device.mg.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bmsworkbench.device.mg.UnlockCode;

/**
 * The simulated dealer: the unlock code for a serial number, as the simulator expects it and
 * {@code bmswb simulate unlock-code --serial S} prints it.
 *
 * <p>The code is the first four bytes (big endian) of HMAC-SHA256 over the serial number
 * (surrounding white space removed, UTF-8), keyed with {@link #SIMULATOR_KEY}. That key is
 * made up, public, and <strong>for the simulator only</strong>: it is not MG Energy Systems'
 * key, which is not known, and a code computed here means nothing to a real BMS.
 */
public final class SimulatorUnlockCodes {
    /** The simulator-only key, UTF-8 encoded for the HMAC. Public on purpose: it protects nothing. */
    public static final String SIMULATOR_KEY =
            "BMS Workbench simulator-only dealer key; not an MG Energy Systems key; useless on a real BMS";

    private static final String HMAC = "HmacSHA256";

    private SimulatorUnlockCodes() {
    }

    /**
     * The code the simulated dealer issues for {@code serial}.
     *
     * @throws IllegalArgumentException if the serial number is null or blank
     */
    public static UnlockCode codeFor(String serial) {
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("a serial number is needed to compute an unlock code");
        }
        byte[] digest;
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(SIMULATOR_KEY.getBytes(StandardCharsets.UTF_8), HMAC));
            digest = mac.doFinal(serial.strip().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256 (javax.crypto.Mac documentation).
            throw new IllegalStateException("HmacSHA256 is not available on this Java runtime", e);
        }
        long un32 = (digest[0] & 0xFFL) << 24 | (digest[1] & 0xFFL) << 16 | (digest[2] & 0xFFL) << 8 | digest[3] & 0xFFL;
        return new UnlockCode(un32);
    }

    /** True if {@code code} is the one {@link #codeFor(String)} gives for {@code serial}. */
    public static boolean accepts(String serial, UnlockCode code) {
        return code != null && serial != null && !serial.isBlank() && codeFor(serial).equals(code);
    }
}
