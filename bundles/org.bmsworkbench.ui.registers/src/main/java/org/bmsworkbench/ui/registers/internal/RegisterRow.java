package org.bmsworkbench.ui.registers.internal;

import java.util.Map;
import org.bmsworkbench.bms.registers.RegisterInfo;

/** What the view knows of one register. UI thread only. */
final class RegisterRow {
    final RegisterInfo info;
    /** The latest value's keys and values; null until one arrived. */
    Map<String, Object> values;
    /** The value bytes as received, upper-case hex; empty when unknown. */
    String rawHex = "";
    /** When the value arrived: {@link System#nanoTime()} for a live session. */
    long receivedNanos;
    /** The value's frame time, µs since the epoch, or {@link Long#MIN_VALUE}. */
    long timeMicros = Long.MIN_VALUE;
    /** The last request's result in a few words ("read ok", "ACK 0x8000: unknown register ..."). */
    String lastRequest = "";
    /** The last request's full message for the tool tip and status line. */
    String lastMessage = "";
    boolean lastFailed;

    RegisterRow(RegisterInfo info) {
        this.info = info;
    }

    boolean hasValue() {
        return values != null;
    }

    void setValue(Map<String, Object> newValues, String hex, long nanos, long micros) {
        values = newValues;
        rawHex = hex == null ? "" : hex;
        receivedNanos = nanos;
        timeMicros = micros;
    }
}
