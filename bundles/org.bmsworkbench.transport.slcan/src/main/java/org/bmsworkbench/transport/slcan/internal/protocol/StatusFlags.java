package org.bmsworkbench.transport.slcan.internal.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The bits of the {@code F} reply (LAWICEL CANUSB manual, command {@code F}): 0 receive FIFO
 * full, 1 transmit FIFO full, 2 error warning, 3 data overrun, 4 unused, 5 error passive,
 * 6 arbitration lost, 7 bus error.
 */
public final class StatusFlags {
    private static final String[] NAMES = {"receive FIFO full", "transmit FIFO full", "error warning", "data overrun",
        "bit 4", "error passive", "arbitration lost", "bus error"};

    private StatusFlags() {
    }

    /** {@code "error warning, bus error"}; empty for 0. */
    public static String describe(int flags) {
        List<String> set = new ArrayList<>();
        for (int bit = 0; bit < 8; bit++) {
            if ((flags & 1 << bit) != 0) {
                set.add(NAMES[bit]);
            }
        }
        return String.join(", ", set);
    }
}
