package org.bmsworkbench.cli.internal.live;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bmsworkbench.bms.DecodedMessage;

/**
 * What {@code bmswb monitor} prints when its output is not a terminal: of each message only the
 * keys whose value differs from the last one printed (every key the first time), so a value
 * repeated every 500 ms is one line, not hundreds. Not thread-safe: one reader.
 */
public final class ChangedSignals {
    private final Map<String, Object> last = new HashMap<>();

    /** The message with only its changed keys, or null when nothing changed. */
    public DecodedMessage changes(DecodedMessage m) {
        Map<String, Object> changed = null;
        for (Map.Entry<String, Object> e : m.signals().entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (!last.containsKey(key) || !Objects.equals(last.get(key), value)) {
                last.put(key, value);
                if (changed == null) {
                    changed = new LinkedHashMap<>();
                }
                changed.put(key, value);
            }
        }
        if (changed == null) {
            return null;
        }
        if (changed.size() == m.signals().size()) {
            return m;
        }
        return new DecodedMessage(m.protocol(), m.message(), m.frame(), m.pgn(), m.source(), m.destination(),
                m.instance(), m.register(), m.code(), changed);
    }
}
