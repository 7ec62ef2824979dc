package org.bmsworkbench.bms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The protocol-neutral state of one BMS on one connection: the latest value and time of every
 * key, a bounded history of numeric keys for trends, and the alarm/warning records. Written by
 * one decoding thread, read from any thread.
 */
@ProviderType
public interface BmsModel {

    /** Applies a decoded message: each of its signals becomes the key's latest value. */
    void apply(DecodedMessage message);

    Optional<SignalValue> get(String key);

    /** All keys seen so far, sorted by key. */
    Map<String, SignalValue> values();

    /** The history of a numeric key, oldest first, at most {@link #historyCapacity()} samples. */
    List<Sample> history(String key);

    int historyCapacity();

    /** Every alarm, warning and event key seen, sorted by key. */
    Map<String, AlarmRecord> alarms();

    /** Increases with every applied message: readers poll it to skip redraws when nothing changed. */
    long version();

    /** Forgets everything (a new device, a replay restarted). */
    void clear();
}
