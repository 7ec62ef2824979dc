package org.bmsworkbench.service.lockout;

import java.util.Objects;

/**
 * A protection or warning a BMS reports now, or one it reported earlier in the session.
 *
 * @param protection     which one, in words
 * @param active         true while the BMS reports it (for a protection: the BMS still sees the cause)
 * @param raisedMicros   when it was last raised, microseconds since the epoch, or null when unknown
 * @param clearedMicros  when it was last cleared, or null
 * @param evidence       the measurements that go with it ({@code highest cell 3.652 V (cell 7)}), or empty
 */
public record TrippedProtection(Protection protection, boolean active, Long raisedMicros, Long clearedMicros,
        String evidence) {

    public TrippedProtection {
        Objects.requireNonNull(protection, "protection");
        evidence = evidence == null ? "" : evidence;
    }
}
