package org.bmsworkbench.bms.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalMapTest {
    private final SignalMap.Keys keys = new SignalMap.Keys(List.of("pack.voltage", "pack.current", "pack.temperature"));

    @Test
    void behavesAsAnOrderedImmutableMapWithNullValues() {
        Map<String, Object> m = keys.wrap(new Object[] {53.12, null, 21.5});
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("pack.voltage", 53.12);
        expected.put("pack.current", null);
        expected.put("pack.temperature", 21.5);
        assertEquals(expected, m);
        assertEquals(m, expected);
        assertEquals(expected.hashCode(), m.hashCode());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(m.keySet()));
        assertTrue(m.containsKey("pack.current"));
        assertNull(m.get("pack.current"));
        assertFalse(m.containsKey("soc"));
        assertThrows(UnsupportedOperationException.class, () -> m.put("soc", 1));
        List<String> seen = new ArrayList<>();
        m.forEach((k, v) -> seen.add(k + "=" + v));
        assertEquals(List.of("pack.voltage=53.12", "pack.current=null", "pack.temperature=21.5"), seen);
    }

    @Test
    void rejectsDuplicateKeysAndWrongValueCounts() {
        assertThrows(IllegalArgumentException.class, () -> new SignalMap.Keys(List.of("soc", "soc")));
        assertThrows(IllegalArgumentException.class, () -> keys.wrap(new Object[2]));
    }
}
