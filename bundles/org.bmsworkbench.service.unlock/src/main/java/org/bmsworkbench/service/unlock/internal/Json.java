package org.bmsworkbench.service.unlock.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of snapshots and the audit log, through Jackson: maps (in order), collections,
 * strings, numbers, booleans and null are written with jackson-core's {@link JsonGenerator}
 * (NaN and infinities as {@code null}, anything else as its {@code toString()}); documents are
 * read with jackson-jr over a parser with {@link #LIMITS} (numbers as {@link Long} when whole,
 * else {@link Double}). Every fault is one line naming the line and column.
 */
public final class Json {
    /** What a document read here may hold: a snapshot.json is about 1 MB, an audit line 1 kB. */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(100)
            .maxDocumentLength(32L << 20)
            .maxStringLength(1 << 20)
            .maxNameLength(1000)
            .maxNumberLength(100)
            .build();

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JSON READER = JSON.builder(FACTORY).build()
            .with(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            .without(JSON.Feature.USE_DEFERRED_MAPS);

    private Json() {
    }

    /** The factory every generator and parser of this bundle comes from. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** Compact JSON of a value. */
    public static String write(Object value) {
        return new String(bytes(value, false), StandardCharsets.UTF_8);
    }

    /** Indented JSON (two spaces, {@code "name": value}), for a document people read. */
    public static String pretty(Object value) {
        return new String(bytes(value, true), StandardCharsets.UTF_8) + "\n";
    }

    private static byte[] bytes(Object value, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = generator(out)) {
            if (pretty) {
                DefaultIndenter indent = new DefaultIndenter("  ", "\n");
                g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                        .withObjectIndenter(indent).withArrayIndenter(indent));
            }
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /** A UTF-8 generator on {@code out}; closing it does not close {@code out}. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** Writes one value: maps in their order, collections, strings, numbers, booleans, null. */
    public static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeNull();
            } else {
                g.writeNumber(d);
            }
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object x : c) {
                write(g, x);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    /**
     * Parses one JSON value within {@link #LIMITS}.
     *
     * @throws IllegalArgumentException one line naming the fault and where it is
     */
    public static Object parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            Object value = READER.anyFrom(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("unexpected '" + p.getText() + "' after the value at line "
                        + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr());
            }
            return whole(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(oneLine(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Parses a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        Object o = parse(text);
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (Map<String, Object>) o;
    }

    /** Jackson's message without its source excerpt, and the line and column. */
    static String oneLine(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        what = what.lines().findFirst().orElse("").strip();
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? what : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** Whole numbers as {@link Long}, as callers have always read them; beyond a long is refused. */
    private static Object whole(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                throw new IllegalArgumentException("number " + b + " is beyond a 64-bit integer");
            }
            return b.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put((String) k, whole(x)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(x -> copy.add(whole(x)));
            return copy;
        }
        return v;
    }
}
