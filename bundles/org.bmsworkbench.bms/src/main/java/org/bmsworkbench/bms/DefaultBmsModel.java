package org.bmsworkbench.bms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The standard {@link BmsModel}: thread-safe, bounded history per numeric key. */
public final class DefaultBmsModel implements BmsModel {

    /** @param historyCapacity samples kept per numeric key */
    public DefaultBmsModel(int historyCapacity) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override public void apply(DecodedMessage message) { throw new UnsupportedOperationException("not yet"); }
    @Override public Optional<SignalValue> get(String key) { throw new UnsupportedOperationException("not yet"); }
    @Override public Map<String, SignalValue> values() { throw new UnsupportedOperationException("not yet"); }
    @Override public List<Sample> history(String key) { throw new UnsupportedOperationException("not yet"); }
    @Override public int historyCapacity() { throw new UnsupportedOperationException("not yet"); }
    @Override public Map<String, AlarmRecord> alarms() { throw new UnsupportedOperationException("not yet"); }
    @Override public long version() { throw new UnsupportedOperationException("not yet"); }
    @Override public void clear() { throw new UnsupportedOperationException("not yet"); }
}
