package org.bmsworkbench.service.unlock;

import java.time.Instant;
import java.util.Objects;
import org.bmsworkbench.device.mg.BmsError;

/**
 * One of the last errors 1–4 (MG Master LV: VREG 0x2110, times 0x2111–0x2114).
 *
 * @param position       1 = the last error, 4 = the oldest
 * @param error          the error, from the device profile
 * @param time           when it happened (UTC), or null when the BMS gave no time
 * @param safetyLockCode true if the profile counts this code as a Safety lock
 */
public record PastError(int position, BmsError error, Instant time, boolean safetyLockCode) {
    public PastError {
        if (position < 1 || position > 4) {
            throw new IllegalArgumentException("a last error is 1..4, got " + position);
        }
        Objects.requireNonNull(error, "error");
    }
}
