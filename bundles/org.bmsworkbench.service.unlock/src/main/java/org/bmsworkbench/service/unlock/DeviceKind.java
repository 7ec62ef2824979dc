package org.bmsworkbench.service.unlock;

import org.bmsworkbench.can.ConnectionUri;

/**
 * What is at the other end of a connection, for the unlock rules.
 *
 * <p>The rule: only the embedded simulator ({@code sim:}) is {@link #SIMULATED} — it runs in this
 * process and cannot be anything else. {@code replay:} and {@code snapshot:} are
 * {@link #RECORDING}s and cannot be unlocked. Every other scheme is {@link #REAL}, also a
 * simulator served with {@code bmswb simulate --serve} on a pseudo-terminal or socket: what is
 * behind a serial port or a socket cannot be known, and a serial number or product id that looks
 * simulated proves nothing, so the acknowledgement of an unverified profile is asked for.
 */
public enum DeviceKind {
    SIMULATED, REAL, RECORDING;

    public static DeviceKind of(ConnectionUri uri) {
        return switch (uri.scheme()) {
            case "sim" -> SIMULATED;
            case "replay", "snapshot" -> RECORDING;
            default -> REAL;
        };
    }
}
