package org.bmsworkbench.service.unlock;

import java.time.Duration;
import java.util.Objects;
import org.bmsworkbench.device.mg.BmsState;

/**
 * One BMS state seen while the restart is watched (step 6).
 *
 * @param after how long after the code was sent
 * @param state the state (VREG 0x0371)
 */
public record RestartObservation(Duration after, BmsState state) {
    public RestartObservation {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(state, "state");
    }
}
