package org.bmsworkbench.service.unlock.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON from a file we did not write (a snapshot someone sends) through jackson-core's
 * streaming parser, with its {@link StreamReadConstraints}: at most {@value #MAX_DEPTH} levels of
 * nesting, a bounded document, string and number length, no key twice in an object, nothing after
 * the value. Objects become ordered maps, arrays lists, whole numbers {@link Long} (beyond 64 bits
 * {@link java.math.BigInteger}), other numbers {@link Double}.
 */
public final class StrictJson {
    /** Deepest nesting accepted; {@code snapshot.json} needs five levels. */
    public static final int MAX_DEPTH = 100;
    static final int MAX_STRING = 1 << 20;
    static final int MAX_NUMBER = 100;

    private StrictJson() {
    }

    /**
     * Parses one JSON object of at most {@code maxBytes}.
     *
     * @param source named in the message, e.g. {@code lock.zip!snapshot.json}
     * @throws IllegalArgumentException one line: the source, the line and column, what is wrong
     */
    public static Map<String, Object> object(byte[] bytes, String source, long maxBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxDocumentLength(maxBytes).maxStringLength(MAX_STRING).maxNameLength(MAX_STRING)
                        .maxNumberLength(MAX_NUMBER).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        JsonParser p = null;
        try {
            p = factory.createParser(bytes);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(source + ": not a JSON object");
            }
            Object value = value(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(source + where(p.currentLocation())
                        + ": more after the end of the object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        } catch (JsonProcessingException e) {
            // a constraint's exception carries no location: the parser's is where it stopped
            JsonLocation at = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
            throw new IllegalArgumentException(source + where(at) + ": " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + oneLine(String.valueOf(e.getMessage())), e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // a parser over a byte array holds nothing to release
                }
            }
        }
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr() + " column " + at.getColumnNr();
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IllegalArgumentException("the text ends inside a value");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("unexpected " + t);
        }
    }

    /** Jackson's messages may run over lines; ours are one. */
    static String oneLine(String message) {
        String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return first.replace("`StreamReadConstraints.", "").replace("`", "");
    }
}
