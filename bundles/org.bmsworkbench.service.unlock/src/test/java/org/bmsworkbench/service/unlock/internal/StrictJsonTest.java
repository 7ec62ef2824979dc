package org.bmsworkbench.service.unlock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reading side of snapshot.json (RFC 8259 values; numbers as the document's readers expect them). */
class StrictJsonTest {
    private static Map<String, Object> parse(String text) {
        return StrictJson.object(text.getBytes(StandardCharsets.UTF_8), "s.zip!snapshot.json", 1 << 20);
    }

    @Test
    void valuesKeepTheirOrderAndNumbersAreLongOrDouble() {
        Map<String, Object> m = parse("{\"z\":1,\"a\":[2.5,-3,true,null,\"x\\u00e9\"],\"big\":123456789012345678901,"
                + "\"o\":{\"k\":21.0}}");
        assertEquals(List.of("z", "a", "big", "o"), List.copyOf(m.keySet()));
        assertEquals(1L, m.get("z"));
        assertEquals(Arrays.asList(2.5, -3L, true, null, "xé"), m.get("a"));
        assertEquals(new BigInteger("123456789012345678901"), m.get("big"));
        assertEquals(Map.of("k", 21.0), m.get("o"));
    }

    @Test
    void depthOneHundredIsReadAndOneMoreIsNot() {
        String hundred = "{\"a\":" + "[".repeat(99) + "]".repeat(99) + "}";
        parse(hundred);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"));
        assertEquals("s.zip!snapshot.json line 1 column 106: Document nesting depth (101) exceeds the maximum allowed"
                + " (100, from getMaxNestingDepth())", e.getMessage());
    }

    @Test
    void aDocumentLongerThanItsBoundIsRefused() {
        byte[] text = ("{\"a\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrictJson.object(text, "s.zip!snapshot.json", 1000));
        assertEquals("s.zip!snapshot.json: Document length (2008) exceeds the maximum allowed (1000, from"
                + " getMaxDocumentLength())", e.getMessage());
    }
}
