package org.bmsworkbench.protocol.vreg.codec;

import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;

/**
 * The VREG message that {@link VregCodec#decode(FrameView, VregRecord)} read last, held in reused
 * fields: message, addresses, register, code or mask, and each value field's raw bits. It becomes a
 * {@link DecodedMessage} ({@link #toMessage}) or goes field by field to a {@link MessageSink}
 * ({@link #sendTo}); both take every value from the same bits by the same rules, so the two cannot
 * say different things. A {@code Double} goes to a sink as a bare number; a {@code Long} or a text
 * is made once and kept per register field while its bits stay the same (a device broadcasts the
 * same values again and again), so only a changed value makes an object.
 *
 * <p>One per session ({@link VregCodec#newRecord()}), filled again for every frame; not thread-safe.
 */
public final class VregRecord {
    private static final int VALUE = 0;
    private static final int REQUEST = 1;
    private static final int ACK = 2;
    private static final String[] MESSAGES = {VregCodec.VALUE, VregCodec.REQUEST, VregCodec.ACK};
    private final VregCodec codec;
    /** Per catalogue row, the last value object of each field and the bits it was made of; null when not kept. */
    private final Object[][] lastValues;
    private final long[][] lastBits;
    private final long[] bits;
    /**
     * {@link #VALUE}, {@link #REQUEST} or {@link #ACK}: an int, not the name (with G1 a reference
     * stored into a long-lived object costs a memory fence).
     */
    private int message;
    private int source;
    private int destination;
    private int register;
    private int code;
    private int mask;
    private Long lastMask;
    /** The catalogue row of a value, else -1. */
    private int row;

    VregRecord(VregCodec codec, boolean keepValues) {
        this.codec = codec;
        this.lastValues = keepValues ? new Object[codec.rows()][] : null;
        this.lastBits = keepValues ? new long[codec.rows()][] : null;
        this.bits = new long[codec.maxFields()];
    }

    void request(int source, int destination, int register, int mask) {
        set(REQUEST, source, destination, register, MessageSink.NONE, -1);
        this.mask = mask;
    }

    void ack(int source, int destination, int register, int code) {
        set(ACK, source, destination, register, code, -1);
    }

    void value(int source, int destination, int register, int row, FrameView f) {
        set(VALUE, source, destination, register, MessageSink.NONE, row);
        RegisterField[] fields = codec.fields(row);
        for (int k = 0; k < fields.length; k++) {
            bits[k] = FieldValues.bits(f, fields[k]);
        }
    }

    private void set(int message, int source, int destination, int register, int code, int row) {
        this.message = message;
        this.source = source;
        this.destination = destination;
        this.register = register;
        this.code = code;
        this.row = row;
    }

    /** {@code vreg}, {@code vreg_request} or {@code vreg_ack}. */
    public String message() {
        return MESSAGES[message];
    }

    /** The register the message is about (a value's, a request's, an ACK's). */
    public int register() {
        return register;
    }

    /** The message as {@link VregCodec#decode(CanFrame)} gives it. */
    public DecodedMessage toMessage(CanFrame frame) {
        return switch (message) {
            case REQUEST -> new DecodedMessage(VregCodec.PROTOCOL, VregCodec.REQUEST, frame, null, source,
                    destination, register, null, mask == VregCodec.SINGLE ? VregCodec.NO_KEYS.wrap(new Object[0])
                            : VregCodec.MASK_KEYS.wrap(new Object[] {mask()}));
            case ACK -> new DecodedMessage(VregCodec.PROTOCOL, VregCodec.ACK, frame, null, source,
                    destination, register, code, VregCodec.NO_KEYS.wrap(new Object[0]));
            default -> {
                Object[] values = new Object[codec.fields(row).length];
                for (int k = 0; k < values.length; k++) {
                    values[k] = value(k);
                }
                yield new DecodedMessage(VregCodec.PROTOCOL, VregCodec.VALUE, frame, null, source, destination,
                        register, null, codec.keys(row).wrap(values));
            }
        };
    }

    /**
     * Sends the message to {@code sink} as {@link MessageSink#replay} sends {@link #toMessage}'s:
     * begin (with {@code frame}), each signal in order ({@code Double}s by {@link MessageSink#number},
     * the rest and nulls by {@link MessageSink#value}), end.
     */
    public void sendTo(FrameView frame, MessageSink sink) {
        sink.begin(VregCodec.PROTOCOL, MESSAGES[message], frame, MessageSink.NONE, source, destination, MessageSink.NONE,
                register, code, MessageSink.NONE);
        if (row >= 0) {
            RegisterField[] fields = codec.fields(row);
            for (int k = 0; k < fields.length; k++) {
                RegisterField field = fields[k];
                if (!FieldValues.isDouble(field)) {
                    sink.value(field.key(), value(k));
                } else if (FieldValues.isMarker(bits[k], field)) {
                    sink.value(field.key(), null);
                } else {
                    sink.number(field.key(), FieldValues.doubleValue(bits[k], field));
                }
            }
        } else if (message == REQUEST && mask != VregCodec.SINGLE) {
            sink.value(VregCodec.MASK_KEY, mask());
        }
        sink.end();
    }

    /** The request's mask as the {@code Long} its signal holds, made again only when it changed. */
    private Long mask() {
        if (lastValues == null || lastMask == null || lastMask != mask) {
            Long boxed = (long) mask;
            if (lastValues == null) {
                return boxed;
            }
            lastMask = boxed;
        }
        return lastMask;
    }

    /** Field {@code k}'s value object, made again only when its bits changed (when values are kept). */
    private Object value(int k) {
        RegisterField field = codec.fields(row)[k];
        if (lastValues == null) {
            return FieldValues.decode(bits[k], field);
        }
        Object[] values = lastValues[row];
        long[] seen = lastBits[row];
        if (values == null) {
            values = lastValues[row] = new Object[codec.fields(row).length];
            seen = lastBits[row] = new long[values.length];
        }
        Object v = values[k];
        if (v == null || seen[k] != bits[k]) {
            v = FieldValues.decode(bits[k], field);
            values[k] = v;
            seen[k] = bits[k];
        }
        return v;
    }
}
