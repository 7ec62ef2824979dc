package org.bmsworkbench.cli.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;
import org.junit.jupiter.api.Test;

class ChangedSignalsTest {
    private static DecodedMessage message(Object voltage, Object current) {
        Map<String, Object> signals = new LinkedHashMap<>();
        signals.put("pack.voltage", voltage);
        signals.put("pack.current", current);
        return DecodedMessage.of("sma", "battery_basic_info", CanFrame.of(1, "can0", 0x356, false, new byte[6]), signals);
    }

    @Test
    void everyKeyTheFirstTimeThenOnlyChanges() {
        ChangedSignals changes = new ChangedSignals();
        DecodedMessage first = message(53.12, -12.3);
        assertSame(first, changes.changes(first));
        assertNull(changes.changes(message(53.12, -12.3)), "nothing changed");
        DecodedMessage changed = changes.changes(message(53.2, -12.3));
        assertEquals(Map.of("pack.voltage", 53.2), changed.signals());
        assertEquals("battery_basic_info", changed.message());
        Map<String, Object> toNull = new LinkedHashMap<>();
        toNull.put("pack.current", null);
        assertEquals(toNull, changes.changes(message(53.2, null)).signals(), "a value becoming n/a is a change");
        assertNull(changes.changes(message(53.2, null)));
    }
}
