package org.bmsworkbench.bms;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;

/** Messages and frames for model tests. */
final class ModelFixtures {
    private ModelFixtures() {
    }

    static CanFrame frame(long micros, int id) {
        return CanFrame.of(micros, "can0", id, false, new byte[8]);
    }

    /** A message at {@code micros} carrying key/value pairs. */
    static DecodedMessage message(long micros, Object... keyValues) {
        Map<String, Object> signals = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            signals.put((String) keyValues[i], keyValues[i + 1]);
        }
        return DecodedMessage.of("sma", "test", frame(micros, 0x35A), signals);
    }
}
