package org.bmsworkbench.service.unlock;

import java.time.Duration;
import java.util.Objects;

/**
 * Time-outs of one unlock attempt (wall-clock time).
 *
 * @param answerTimeout    after the code is sent: how long to wait for the BMS to refuse it (an
 *                         error ACK) or to begin its restart (a state other than Error, or silence)
 * @param phaseTimeout     the longest each phase of the restart may take (silence, initialising,
 *                         pre-charging) before the watch gives up
 * @param startCommandWait Combined BMS: how long to wait in Standby for the SmartLink MX's start command
 * @param settleTimeout    once running: how long to wait for the alarms to be reported cleared
 * @param node             the BMS's address on a bus of many devices (the command line's
 *                         {@code --device}); null: the BMS identified on the bus, else the profile's node
 */
public record UnlockOptions(Duration answerTimeout, Duration phaseTimeout, Duration startCommandWait,
        Duration settleTimeout, Integer node) {
    /** Options for the BMS identified on the bus. */
    public UnlockOptions(Duration answerTimeout, Duration phaseTimeout, Duration startCommandWait,
            Duration settleTimeout) {
        this(answerTimeout, phaseTimeout, startCommandWait, settleTimeout, null);
    }

    public UnlockOptions {
        for (Duration d : new Duration[] {answerTimeout, phaseTimeout, startCommandWait, settleTimeout}) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative()) {
                throw new IllegalArgumentException("a time-out cannot be negative: " + d);
            }
        }
    }

    /** 10 s for an answer, 30 s per restart phase, 2 min for a start command, 10 s to settle. */
    public static UnlockOptions defaults() {
        return new UnlockOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofSeconds(10));
    }

    public UnlockOptions withStartCommandWait(Duration wait) {
        return new UnlockOptions(answerTimeout, phaseTimeout, wait, settleTimeout, node);
    }

    /** The procedure for the device at {@code address} (null: the one identified on the bus). */
    public UnlockOptions withNode(Integer address) {
        return new UnlockOptions(answerTimeout, phaseTimeout, startCommandWait, settleTimeout, address);
    }
}
