package org.bmsworkbench.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.bmsworkbench.cli.internal.decode.TextBuffer;

/**
 * JSON lines of the command line through jackson-core, as {@code SIGNALS.md} writes them:
 * compact, one object a line, UTF-8 (characters above U+007F as they are, a surrogate pair as its
 * 4-byte character), {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \b},
 * {@code \f} and {@code \}{@code uXXXX} (upper-case hex) for the other control characters and
 * U+007F; doubles never in scientific notation ({@link TextBuffer#append(double)}).
 *
 * <p>{@link #write(Map)} writes one record (a command's {@code --format jsonl} line): its values may
 * be null, text, booleans, whole numbers, doubles (NaN and infinities as null), {@link BigDecimal}s,
 * collections, maps, and {@link #seconds(long)} for a time. Not thread-safe.
 */
public final class JsonLines {
    /** Escapes as the contract does: Jackson's standard set plus U+007F. */
    private static final class ContractEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        ContractEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    /** The factory of every JSON line the command line writes. */
    public static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new ContractEscapes())
            .rootValueSeparator((String) null)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .enable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    /** A time in microseconds since the epoch, written as seconds ({@link TextBuffer#appendSeconds(long)}). */
    public record Seconds(long micros) {
    }

    private final OutputStream out;
    private final JsonGenerator g;
    private final TextBuffer number = new TextBuffer(32);
    private char[] chars = new char[32];

    /** Lines to {@code out} (e.g. {@code context.out()}); each line is flushed to it. */
    public JsonLines(OutputStream out) {
        this.out = out;
        try {
            g = generator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generator of {@link #FACTORY} on {@code out}: no separator between root values, {@code out} left open. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** The value of a time, in seconds, for {@link #write(Map)}. */
    public static Seconds seconds(long micros) {
        return new Seconds(micros);
    }

    /** Writes {@code record} as one line (members in the map's order) and flushes it. */
    public void write(Map<String, ?> record) {
        try {
            value(record);
            g.writeRaw('\n');
            g.flush();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void value(Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = v instanceof Float f ? Double.parseDouble(f.toString()) : (Double) v;
            if (Double.isFinite(d)) {
                number.clear();
                writeNumber(number.append(d));
            } else {
                g.writeNull();
            }
        } else if (v instanceof Seconds s) {
            number.clear();
            writeNumber(number.appendSeconds(s.micros()));
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b.toPlainString());
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object x : c) {
                value(x);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    private void writeNumber(TextBuffer digits) throws IOException {
        int n = digits.size();
        if (chars.length < n) {
            chars = new char[n * 2];
        }
        digits.getAscii(chars);
        g.writeNumber(chars, 0, n);
    }
}
