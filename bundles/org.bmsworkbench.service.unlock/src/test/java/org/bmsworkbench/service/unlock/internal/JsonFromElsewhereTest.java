package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Json#object(byte[], String)}: the reading side of a snapshot.json or audit line someone sends. */
class JsonFromElsewhereTest {
    private static Map<String, Object> parse(String text) {
        return Json.object(text.getBytes(StandardCharsets.UTF_8), "s.zip!snapshot.json");
    }

    @Test
    void valuesKeepTheirOrderAndNumbersAreLongOrDouble() {
        Map<String, Object> m = parse("{\"z\":1,\"a\":[2.5,-3,true,null,\"x\\u00e9\"],\"o\":{\"k\":21.0}}");
        assertEquals(List.of("z", "a", "o"), List.copyOf(m.keySet()));
        assertEquals(1L, m.get("z"));
        assertEquals(Arrays.asList(2.5, -3L, true, null, "xé"), m.get("a"));
        assertEquals(Map.of("k", 21.0), m.get("o"));
    }

    @Test
    void depthOneHundredIsReadAndOneMoreIsNot() {
        parse("{\"a\":" + "[".repeat(99) + "]".repeat(99) + "}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"));
        assertEquals("s.zip!snapshot.json line 1 column 106: Document nesting depth (101) exceeds the maximum allowed"
                + " (100, from getMaxNestingDepth())", e.getMessage());
    }

    @Test
    void notAnObjectTrailingTextAndHugeNumbersAreRefusedNamingTheSource() {
        assertEquals("s.zip!snapshot.json: not a JSON object",
                assertThrows(IllegalArgumentException.class, () -> parse("[1]")).getMessage());
        assertEquals("s.zip!snapshot.json: unexpected '{' after the value at line 1, column 10",
                assertThrows(IllegalArgumentException.class, () -> parse("{\"a\":1} {")).getMessage());
        assertEquals("s.zip!snapshot.json: number 123456789012345678901 is beyond a 64-bit integer",
                assertThrows(IllegalArgumentException.class, () -> parse("{\"big\":123456789012345678901}")).getMessage());
    }
}
