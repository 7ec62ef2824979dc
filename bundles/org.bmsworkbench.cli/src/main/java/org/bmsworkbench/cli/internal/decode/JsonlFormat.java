package org.bmsworkbench.cli.internal.decode;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.cli.internal.JsonLines;

/**
 * One JSON object a line, exactly as {@code docs/SIGNALS.md} shows: keys {@code time}, {@code bus},
 * {@code protocol}, {@code can_id}, then {@code pgn}, {@code source}, {@code instance}, {@code destination},
 * {@code register}, {@code code} when present, {@code message}, {@code signals}. A frame no
 * protocol decodes is {@code "protocol":null ... "message":"unknown","signals":{},"data":"HEX"};
 * an error frame is the same with {@code "message":"error_frame"} and the error class as
 * {@code can_id} ({@code "0x20000080"}); a remote frame is
 * {@code "message":"remote_request","signals":{},"dlc":N}, without data. A CAN FD frame's record
 * ends with {@code "fd":true} (after {@code signals}, or after {@code data}), its data all its bytes.
 * A record of a {@linkplain CanFrame#chunk() chunk} of a serial line has no {@code can_id}; a JBD
 * register has two hex digits ({@code "0x03"}), a Daly message its {@code "data_id":"0x90"}.
 *
 * <p>Written by one jackson-core {@link JsonGenerator} ({@link JsonLines#FACTORY}) for the life of
 * the format, flushed into the caller's {@link TextBuffer} after each record; times and doubles in
 * the contract's notation ({@link TextBuffer#appendSeconds}, {@link TextBuffer#append(double)}, never
 * scientific) as raw values, hex strings through an {@link AsciiText} over a scratch buffer, text
 * from the pre-encoded {@link EncodedTexts}: read from {@link Records}, a record allocates nothing
 * once that cache is warm. This class lays the record out; it is not thread-safe (one instance per
 * pipeline).
 */
public final class JsonlFormat implements OutputFormat {
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString BUS = new SerializedString("bus");
    private static final SerializedString PROTOCOL = new SerializedString("protocol");
    private static final SerializedString CAN_ID = new SerializedString("can_id");
    private static final SerializedString PGN = new SerializedString("pgn");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString INSTANCE = new SerializedString("instance");
    private static final SerializedString DESTINATION = new SerializedString("destination");
    private static final SerializedString REGISTER = new SerializedString("register");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString DATA_ID = new SerializedString("data_id");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString SIGNALS = new SerializedString("signals");
    private static final SerializedString DATA = new SerializedString("data");
    private static final SerializedString DLC = new SerializedString("dlc");
    private static final SerializedString FD = new SerializedString("fd");
    private static final SerializedString UNKNOWN = new SerializedString("unknown");
    private static final SerializedString ERROR_FRAME = new SerializedString("error_frame");
    private static final SerializedString REMOTE_REQUEST = new SerializedString("remote_request");

    /** Where the generator's bytes go: the buffer of the record being written. */
    private static final class Target extends OutputStream {
        TextBuffer buffer;

        @Override
        public void write(int b) {
            buffer.append(new byte[] {(byte) b}, 0, 1); // the generator writes whole blocks: not reached
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.append(b, off, len);
        }
    }

    private final Target target = new Target();
    private final EncodedTexts texts = new EncodedTexts();
    private final JsonGenerator g;
    /** Scratch for the contract's numbers and hex strings. */
    private final TextBuffer scratch = new TextBuffer(160);
    private final AsciiText scratchText = new AsciiText(scratch);

    public JsonlFormat() {
        try {
            g = JsonLines.generator(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record is written the same whatever came before it. */
    @Override
    public OutputFormat forAnotherThread() {
        return new JsonlFormat();
    }

    @Override
    public void message(Records r, int i, TextBuffer out) {
        try {
            head(r, i, r.protocol(i), out);
            if (r.pgn(i) != MessageSink.NONE) {
                g.writeFieldName(PGN);
                g.writeNumber(r.pgn(i));
            }
            if (r.source(i) != MessageSink.NONE) {
                g.writeFieldName(SOURCE);
                g.writeNumber(r.source(i));
            }
            if (r.instance(i) != MessageSink.NONE) {
                g.writeFieldName(INSTANCE);
                g.writeNumber(r.instance(i));
            }
            if (r.destination(i) != MessageSink.NONE) {
                g.writeFieldName(DESTINATION);
                g.writeNumber(r.destination(i));
            }
            if (r.register(i) != MessageSink.NONE) {
                g.writeFieldName(REGISTER);
                scratch.clear();
                hex(scratch.append('0').append('x').appendHex(r.register(i), r.registerDigits(i)));
            }
            if (r.dataId(i) != MessageSink.NONE) {
                g.writeFieldName(DATA_ID);
                scratch.clear();
                hex(scratch.append('0').append('x').appendHex(r.dataId(i), 2));
            }
            if (r.code(i) != MessageSink.NONE) {
                g.writeFieldName(CODE);
                scratch.clear();
                hex(scratch.append('0').append('x').appendHex(r.code(i), 4));
            }
            g.writeFieldName(MESSAGE);
            string(r.message(i));
            g.writeFieldName(SIGNALS);
            g.writeStartObject();
            for (int j = r.signalStart(i); j < r.signalEnd(i); j++) {
                String key = r.key(j);
                SerializedString name = texts.get(key);
                if (name != null) {
                    g.writeFieldName(name);
                } else {
                    g.writeFieldName(key);
                }
                if (r.isDouble(j)) {
                    number(r.doubleValue(j));
                } else {
                    value(r.value(j));
                }
            }
            g.writeEndObject();
            end(r.fd(i));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the target is a buffer: not reached
        }
    }

    @Override
    public void unknown(Records r, int i, TextBuffer out) {
        noSignals(r, i, out, UNKNOWN);
        data(r, i);
        end(r.fd(i));
    }

    @Override
    public void errorFrame(Records r, int i, TextBuffer out) {
        noSignals(r, i, out, ERROR_FRAME);
        data(r, i);
        end(false);
    }

    @Override
    public void remoteRequest(Records r, int i, TextBuffer out) {
        noSignals(r, i, out, REMOTE_REQUEST);
        try {
            g.writeFieldName(DLC);
            g.writeNumber(r.dlc(i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        end(false);
    }

    private void noSignals(Records r, int i, TextBuffer out, SerializedString message) {
        try {
            head(r, i, null, out);
            g.writeFieldName(MESSAGE);
            g.writeString(message);
            g.writeFieldName(SIGNALS);
            g.writeStartObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void data(Records r, int i) {
        try {
            g.writeFieldName(DATA);
            scratch.clear();
            hex(r.appendData(i, scratch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void head(Records r, int i, String protocol, TextBuffer out) throws IOException {
        target.buffer = out;
        g.writeStartObject();
        g.writeFieldName(TIME);
        if (r.hasTimestamp(i)) {
            scratch.clear();
            number(scratch.appendSeconds(r.timestampMicros(i)));
        } else {
            g.writeNull();
        }
        g.writeFieldName(BUS);
        string(r.bus(i));
        g.writeFieldName(PROTOCOL);
        if (protocol == null) {
            g.writeNull();
        } else {
            string(protocol);
        }
        if (r.chunk(i)) {
            return; // bytes of a serial line: no CAN id
        }
        g.writeFieldName(CAN_ID);
        scratch.clear();
        hex(r.appendId(i, scratch.append('0').append('x')));
    }

    /** Ends the record (with {@code "fd":true} for a CAN FD frame) and its line, into the caller's buffer. */
    private void end(boolean fd) {
        try {
            if (fd) {
                g.writeFieldName(FD);
                g.writeBoolean(true);
            }
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            target.buffer = null;
        }
    }

    /** A signal value: numbers plain, text, booleans, null (NaN and infinities too). */
    private void value(Object value) throws IOException {
        if (value instanceof Double d) {
            number(d.doubleValue());
        } else if (value == null) {
            g.writeNull();
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Float f) {
            if (Float.isFinite(f)) {
                scratch.clear();
                number(scratch.append(Double.parseDouble(f.toString())));
            } else {
                g.writeNull();
            }
        } else if (value instanceof BigDecimal bd) {
            g.writeNumber(bd.toPlainString());
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString());
        } else {
            g.writeString(value.toString());
        }
    }

    private void string(String s) throws IOException {
        SerializedString cached = texts.get(s);
        if (cached != null) {
            g.writeString(cached);
        } else {
            g.writeString(s);
        }
    }

    /** A double signal value in the contract's notation; NaN and infinities as null. */
    private void number(double d) throws IOException {
        if (Double.isFinite(d)) {
            scratch.clear();
            number(scratch.append(d));
        } else {
            g.writeNull();
        }
    }

    /** A number in the contract's notation, formatted into {@link #scratch}: written as it is. */
    private void number(TextBuffer digits) throws IOException {
        g.writeRawValue(scratchText);
    }

    /** Hex digits formatted into {@link #scratch}, as a JSON string. */
    private void hex(TextBuffer digits) throws IOException {
        g.writeString(scratchText);
    }
}
