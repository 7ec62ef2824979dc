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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of snapshots and the audit log, through Jackson: maps (in order), collections,
 * strings, numbers, booleans and null are written with jackson-core's {@link JsonGenerator}
 * (doubles never in exponent notation, NaN and infinities as {@code null}, anything else as its
 * {@code toString()}; pretty: an array of scalars on one line); documents are
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
                g.setPrettyPrinter(new Layout());
            }
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /**
     * Two spaces a level, {@code "name": value}, {@code {}} and {@code []} when empty; an array
     * whose elements are all scalars on one line, {@code [1, 2]} (the writer says so before it
     * starts the array).
     */
    private static final class Layout extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;
        private static final DefaultIndenter LINES = new DefaultIndenter("  ", "\n");

        private final ArrayDeque<Boolean> inline = new ArrayDeque<>();
        private boolean nextInline;

        Layout() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator(""));
            indentObjectsWith(LINES);
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            inline.push(nextInline);
            if (!nextInline) {
                _nesting++;
            }
            nextInline = false;
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (!inline.element()) {
                LINES.writeIndentation(g, _nesting);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            if (inline.element()) {
                g.writeRaw(", ");
            } else {
                g.writeRaw(',');
                LINES.writeIndentation(g, _nesting);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (!inline.pop()) {
                _nesting--;
                if (values > 0) {
                    LINES.writeIndentation(g, _nesting);
                }
            }
            g.writeRaw(']');
        }
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
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                g.writeNumber((long) d + ".0"); // stays a Double when read back
            } else {
                g.writeNumber(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()); // never 1.0E9
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
            if (g.getPrettyPrinter() instanceof Layout layout) {
                layout.nextInline = c.stream().noneMatch(x -> x instanceof Map || x instanceof Collection);
            }
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
            return value(p);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(oneLine(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Parses one JSON object from a file we did not write (a snapshot someone sends, its audit
     * lines) within {@link #LIMITS}.
     *
     * @param source named first in the message, e.g. {@code lock.zip!snapshot.json}
     * @throws IllegalArgumentException one line: the source, the line and column, what is wrong
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(byte[] bytes, String source) {
        JsonParser p = null;
        try {
            p = FACTORY.createParser(bytes);
            Object o = value(p);
            if (!(o instanceof Map)) {
                throw new IllegalArgumentException(source + ": not a JSON object");
            }
            return (Map<String, Object>) o;
        } catch (JsonProcessingException e) {
            // a constraint's exception carries no location: the parser's is where it stopped
            JsonLocation at = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
            throw new IllegalArgumentException(source + (at == null || at.getLineNr() < 1 ? ""
                    : " line " + at.getLineNr() + " column " + at.getColumnNr()) + ": " + what(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(source) ? e : new IllegalArgumentException(source + ": " + e.getMessage(), e);
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

    /** One value and nothing after it. */
    private static Object value(JsonParser p) throws IOException {
        Object value = READER.anyFrom(p);
        if (p.nextToken() != null) {
            throw new IllegalArgumentException("unexpected '" + p.getText() + "' after the value at line "
                    + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr());
        }
        return whole(value);
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
        String what = what(e);
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? what : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String what(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return what.lines().findFirst().orElse("").strip().replace("`StreamReadConstraints.", "").replace("`", "");
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
