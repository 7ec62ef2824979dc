package org.bmsworkbench.cli.internal.decode;

import java.math.BigDecimal;
import java.util.function.BiConsumer;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.can.CanFrame;

/**
 * One JSON object a line, exactly as {@code docs/SIGNALS.md} shows: keys {@code time}, {@code bus},
 * {@code protocol}, {@code can_id}, then {@code pgn}, {@code source}, {@code instance}, {@code destination},
 * {@code register}, {@code code} when present, {@code message}, {@code signals}. A frame no
 * protocol decodes is {@code "protocol":null ... "message":"unknown","signals":{},"data":"HEX"};
 * an error frame is the same with {@code "message":"error_frame"} and the error class as
 * {@code can_id} ({@code "0x20000080"}); a remote frame is
 * {@code "message":"remote_request","signals":{},"dlc":N}, without data. A CAN FD frame's record
 * ends with {@code "fd":true} (after {@code signals}, or after {@code data}), its data all its bytes.
 * Not thread-safe (one instance per pipeline).
 */
public final class JsonlFormat implements OutputFormat {
    private static final byte[] TIME = TextBuffer.ascii("{\"time\":");
    private static final byte[] NULL = TextBuffer.ascii("null");
    private static final byte[] BUS = TextBuffer.ascii(",\"bus\":");
    private static final byte[] PROTOCOL = TextBuffer.ascii(",\"protocol\":");
    private static final byte[] CAN_ID = TextBuffer.ascii(",\"can_id\":\"0x");
    private static final byte[] PGN = TextBuffer.ascii(",\"pgn\":");
    private static final byte[] SOURCE = TextBuffer.ascii(",\"source\":");
    private static final byte[] INSTANCE = TextBuffer.ascii(",\"instance\":");
    private static final byte[] DESTINATION = TextBuffer.ascii(",\"destination\":");
    private static final byte[] REGISTER = TextBuffer.ascii(",\"register\":\"0x");
    private static final byte[] CODE = TextBuffer.ascii(",\"code\":\"0x");
    private static final byte[] MESSAGE = TextBuffer.ascii(",\"message\":");
    private static final byte[] SIGNALS = TextBuffer.ascii(",\"signals\":{");
    private static final byte[] END = TextBuffer.ascii("}}\n");
    private static final byte[] UNKNOWN = TextBuffer.ascii(",\"message\":\"unknown\",\"signals\":{},\"data\":\"");
    private static final byte[] ERROR_FRAME =
            TextBuffer.ascii(",\"message\":\"error_frame\",\"signals\":{},\"data\":\"");
    private static final byte[] REMOTE_REQUEST = TextBuffer.ascii(",\"message\":\"remote_request\",\"signals\":{},\"dlc\":");
    private static final byte[] UNKNOWN_END = TextBuffer.ascii("\"}\n");
    private static final byte[] FD_END = TextBuffer.ascii("},\"fd\":true}\n");
    private static final byte[] FD_UNKNOWN_END = TextBuffer.ascii("\",\"fd\":true}\n");
    private static final byte[] TRUE = TextBuffer.ascii("true");
    private static final byte[] FALSE = TextBuffer.ascii("false");

    /** Writes the signals without an iterator or entry objects (the map's own forEach). */
    private final SignalWriter signalWriter = new SignalWriter();

    @Override
    public void message(DecodedMessage m, TextBuffer out) {
        CanFrame frame = m.frame();
        head(frame, m.protocol(), out);
        if (m.pgn() != null) {
            out.append(PGN).append(m.pgn().longValue());
        }
        if (m.source() != null) {
            out.append(SOURCE).append(m.source().longValue());
        }
        if (m.instance() != null) {
            out.append(INSTANCE).append(m.instance().longValue());
        }
        if (m.destination() != null) {
            out.append(DESTINATION).append(m.destination().longValue());
        }
        if (m.register() != null) {
            out.append(REGISTER).appendHex(m.register(), 4).append('"');
        }
        if (m.code() != null) {
            out.append(CODE).appendHex(m.code(), 4).append('"');
        }
        out.append(MESSAGE).appendJsonString(m.message());
        out.append(SIGNALS);
        signalWriter.out = out;
        signalWriter.first = true;
        m.signals().forEach(signalWriter);
        signalWriter.out = null;
        out.append(frame.fd() ? FD_END : END);
    }

    private static final class SignalWriter implements BiConsumer<String, Object> {
        TextBuffer out;
        boolean first;

        @Override
        public void accept(String key, Object value) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.appendJsonString(key).append(':');
            appendValue(value, out);
        }
    }

    @Override
    public void unknown(CanFrame frame, TextBuffer out) {
        head(frame, null, out);
        OutputFormat.appendData(frame, out.append(UNKNOWN)).append(frame.fd() ? FD_UNKNOWN_END : UNKNOWN_END);
    }

    @Override
    public void errorFrame(CanFrame frame, TextBuffer out) {
        head(frame, null, out);
        OutputFormat.appendData(frame, out.append(ERROR_FRAME)).append(UNKNOWN_END);
    }

    @Override
    public void remoteRequest(CanFrame frame, TextBuffer out) {
        head(frame, null, out);
        out.append(REMOTE_REQUEST).append(frame.dlc()).append('}').append('\n');
    }

    private static void head(CanFrame frame, String protocol, TextBuffer out) {
        out.append(TIME);
        if (frame.hasTimestamp()) {
            out.appendSeconds(frame.timestampMicros());
        } else {
            out.append(NULL);
        }
        out.append(BUS).appendJsonString(frame.bus());
        out.append(PROTOCOL);
        if (protocol == null) {
            out.append(NULL);
        } else {
            out.appendJsonString(protocol);
        }
        OutputFormat.appendId(frame, out.append(CAN_ID)).append('"');
    }

    /** A signal value as JSON: numbers plain, text escaped, booleans, null. */
    static void appendValue(Object value, TextBuffer out) {
        if (value instanceof Double d) {
            if (Double.isFinite(d)) {
                out.append(d.doubleValue());
            } else {
                out.append(NULL);
            }
        } else if (value == null) {
            out.append(NULL);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof String s) {
            out.appendJsonString(s);
        } else if (value instanceof Boolean b) {
            out.append(b ? TRUE : FALSE);
        } else if (value instanceof Float f) {
            if (Float.isFinite(f)) {
                out.append(Double.parseDouble(f.toString()));
            } else {
                out.append(NULL);
            }
        } else if (value instanceof BigDecimal bd) {
            out.append(bd.toPlainString());
        } else if (value instanceof Number n) {
            out.append(n.toString());
        } else {
            out.appendJsonString(value.toString());
        }
    }
}
