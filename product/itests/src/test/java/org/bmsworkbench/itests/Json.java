package org.bmsworkbench.itests;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests' reading of {@code bmswb} and helper-script output, through jackson-jr (in the test
 * JVM, outside the framework): objects (in order), arrays, strings, booleans, null, and every
 * number as the {@link BigDecimal} written, so a test compares values exactly.
 */
final class Json {
    private static final JSON READER = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JSON.Feature.USE_DEFERRED_MAPS);

    private Json() {
    }

    static Object parse(String text) {
        try {
            return decimals(READER.anyFrom(text));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        return (Map<String, Object>) parse(text);
    }

    private static Object decimals(Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put((String) k, decimals(x)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(x -> copy.add(decimals(x)));
            return copy;
        }
        return v;
    }
}
