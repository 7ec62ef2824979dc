package org.bmsworkbench.service.unlock;

import java.time.Duration;
import java.util.Objects;

/**
 * How a snapshot is taken.
 *
 * @param minimumSpan   the frames kept must span at least this much device time, so that every
 *                      periodic broadcast is in them (VREG: every 5 s, guide 1.5.4.2); on a
 *                      connection opened just now the snapshot waits for it
 * @param maximumWait   the longest it waits for {@code minimumSpan} (a silent bus gives no frames)
 * @param frameWindow   how far back from the newest frame {@code frames.log} reaches (ten minutes)
 * @param readRegisters read every readable register of the catalogue through {@code RegisterAccess}
 * @param node          the BMS's address on a bus of many devices (the command line's
 *                      {@code --device}); null: the BMS identified on the bus, else the configured node
 */
public record SnapshotOptions(Duration minimumSpan, Duration maximumWait, Duration frameWindow, boolean readRegisters,
        Integer node) {
    /** One VREG broadcast cycle (5 s) and half a second more. */
    public static final Duration ONE_VREG_CYCLE = Duration.ofMillis(5_500);
    /** The last ten minutes. */
    public static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    /** Options that read from the BMS identified on the bus. */
    public SnapshotOptions(Duration minimumSpan, Duration maximumWait, Duration frameWindow, boolean readRegisters) {
        this(minimumSpan, maximumWait, frameWindow, readRegisters, null);
    }

    public SnapshotOptions {
        Objects.requireNonNull(minimumSpan, "minimumSpan");
        Objects.requireNonNull(maximumWait, "maximumWait");
        Objects.requireNonNull(frameWindow, "frameWindow");
        if (minimumSpan.isNegative() || maximumWait.isNegative() || frameWindow.isNegative() || frameWindow.isZero()) {
            throw new IllegalArgumentException("snapshot durations must be positive: " + minimumSpan + ", "
                    + maximumWait + ", " + frameWindow);
        }
    }

    /** One VREG cycle of frames, waiting at most 12 s for it, ten minutes kept, registers read. */
    public static SnapshotOptions defaults() {
        return new SnapshotOptions(ONE_VREG_CYCLE, Duration.ofSeconds(12), TEN_MINUTES, true);
    }

    public SnapshotOptions withMaximumWait(Duration wait) {
        return new SnapshotOptions(minimumSpan, wait, frameWindow, readRegisters, node);
    }

    public SnapshotOptions withReadRegisters(boolean read) {
        return new SnapshotOptions(minimumSpan, maximumWait, frameWindow, read, node);
    }

    /** Registers read from the device at {@code address} (null: the one identified on the bus). */
    public SnapshotOptions withNode(Integer address) {
        return new SnapshotOptions(minimumSpan, maximumWait, frameWindow, readRegisters, address);
    }
}
