package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON of snapshots and the audit log through Jackson (RFC 8259): what is written reads back
 * the same, and hostile documents (deep, long, duplicated members) are refused in one line.
 */
class JsonTest {
    private static Map<String, Object> sample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", 53.0);
        inner.put("m", 0.00015);
        inner.put("nothing", null);
        inner.put("nan", Double.NaN);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "bmswb-snapshot");
        m.put("format_version", 1);
        m.put("text", "tab\tquote\" back\\ line\n µ °C \u0001");
        m.put("flag", true);
        m.put("list", List.of(1L, 2.5, "x"));
        m.put("rows", List.of(inner, List.of()));
        m.put("empty", Map.of());
        m.put("big", Long.MAX_VALUE);
        return m;
    }

    @Test
    void whatIsWrittenReadsBackInOrderWithWholeNumbersAsLong() {
        for (String text : List.of(Json.write(sample()), Json.pretty(sample()))) {
            Map<String, Object> back = Json.object(text);
            assertEquals(List.copyOf(sample().keySet()), List.copyOf(back.keySet()));
            assertEquals(1L, back.get("format_version"));
            assertEquals("tab\tquote\" back\\ line\n µ °C \u0001", back.get("text"));
            assertEquals(List.of(1L, 2.5, "x"), back.get("list"));
            assertEquals(Long.MAX_VALUE, back.get("big"));
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) ((List<?>) back.get("rows")).get(0);
            assertEquals(List.of("z", "a", "m", "nothing", "nan"), List.copyOf(inner.keySet()));
            assertEquals(1L, inner.get("z"));
            assertEquals(53.0, inner.get("a"));
            assertEquals(0.00015, inner.get("m"));
            assertTrue(inner.containsKey("nothing") && inner.get("nothing") == null, "null is written, not dropped");
            assertEquals(null, inner.get("nan"), "NaN is written as null");
        }
        assertFalse(Json.write(sample()).contains("\n"), "compact is one line");
        assertTrue(Json.pretty(sample()).startsWith("{\n  \"format\": \"bmswb-snapshot\",\n"), Json.pretty(sample()));
    }

    @Test
    void deepOrLongDocumentsAreRefusedInOneLine() {
        String deep = "[".repeat(101) + "]".repeat(101);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting depth") && e.getMessage().contains("100"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(List.of(), nested(Json.parse("[".repeat(100) + "]".repeat(100)), 99));

        char[] longText = new char[(1 << 20) + 1];
        Arrays.fill(longText, 'a');
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":\"" + new String(longText) + "\"}"));
        assertTrue(e.getMessage().contains("String value length"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[" + "9".repeat(101) + "]"));
        assertTrue(e.getMessage().contains("Number value length"), e.getMessage());
    }

    private static Object nested(Object v, int depth) {
        return depth == 0 ? v : nested(((List<?>) v).get(0), depth - 1);
    }

    @Test
    void malformedDocumentsNameWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.object("{\"a\":1,\n\"b\":}"));
        assertTrue(e.getMessage().endsWith("at line 2, column 5"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.object("{\"a\":1,\"a\":2}"));
        assertTrue(e.getMessage().startsWith("Duplicate field 'a'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.object("{\"a\":1} 2"));
        assertEquals("unexpected '2' after the value at line 1, column 10", e.getMessage());
        assertEquals("expected a JSON object", assertThrows(IllegalArgumentException.class,
                () -> Json.object("[1]")).getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[18446744073709551616]"));
        assertEquals("number 18446744073709551616 is beyond a 64-bit integer", e.getMessage());
        List<Object> many = new ArrayList<>();
        assertEquals(many, Json.parse("[]"));
    }

    /** snapshot.json keeps the layout of the hand-written writer: arrays of scalars on one line, no exponents. */
    @Test
    void prettyKeepsTheLayoutOfBefore() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format_version", 1);
        doc.put("history", Map.of("soc", List.of(List.of(1796603564.711, 87.0), List.of(1.0E9, 1.0E-7))));
        doc.put("codes", List.of(338L, 339L));
        doc.put("none", List.of());
        doc.put("empty", Map.of());
        doc.put("bundles", List.of(Map.of("name", "x")));
        assertEquals("{\n  \"format_version\": 1,\n  \"history\": {\n    \"soc\": [\n"
                + "      [1796603564.711, 87.0],\n      [1000000000.0, 0.0000001]\n    ]\n  },\n"
                + "  \"codes\": [338, 339],\n  \"none\": [],\n  \"empty\": {},\n"
                + "  \"bundles\": [\n    {\n      \"name\": \"x\"\n    }\n  ]\n}\n", Json.pretty(doc));
    }
}
