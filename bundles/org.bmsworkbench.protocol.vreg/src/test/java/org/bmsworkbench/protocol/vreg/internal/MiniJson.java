package org.bmsworkbench.protocol.vreg.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON for the expected jsonl files: objects, strings without escapes other than
 * \" and \\, true, false, null and numbers, which stay {@link Literal}s so a test can tell
 * {@code 87} from {@code 87.0}.
 */
final class MiniJson {
    /** A number as written. */
    record Literal(String text) {
        boolean integral() {
            return text.matches("-?\\d+");
        }
    }

    private final String s;
    private int i;

    private MiniJson(String s) {
        this.s = s;
    }

    static Map<String, Object> parseObject(String text) {
        MiniJson p = new MiniJson(text.strip());
        Object v = p.value();
        if (p.i != p.s.length() || !(v instanceof Map)) {
            throw new IllegalArgumentException("not one JSON object: " + text);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) v;
        return map;
    }

    private Object value() {
        char c = s.charAt(i);
        if (c == '{') {
            return object();
        }
        if (c == '"') {
            return string();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, i)) {
                i += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        int start = i;
        while (i < s.length() && "-+.eE0123456789".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " in " + s);
        }
        return new Literal(s.substring(start, i));
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        expect('{');
        if (s.charAt(i) == '}') {
            i++;
            return map;
        }
        while (true) {
            String key = string();
            expect(':');
            if (map.containsKey(key)) {
                throw new IllegalArgumentException("key " + key + " twice in " + s);
            }
            map.put(key, value());
            if (s.charAt(i) == '}') {
                i++;
                return map;
            }
            expect(',');
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (s.charAt(i) != '"') {
            char c = s.charAt(i++);
            b.append(c == '\\' ? s.charAt(i++) : c);
        }
        i++;
        return b.toString();
    }

    private void expect(char c) {
        if (s.charAt(i) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
        }
        i++;
    }
}
