package org.bmsworkbench.bms;

import java.util.List;

/** The standard catalogue of {@code SIGNALS.md}: every key with its unit, kind, group and label. */
public final class StandardSignals {
    private StandardSignals() {
    }

    /** All standard keys, in catalogue order. */
    public static List<SignalDescriptor> all() {
        throw new UnsupportedOperationException("not yet");
    }
}
