package org.bmsworkbench.protocol.vreg.internal;

import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.bms.registers.RequestOptions;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.bmsworkbench.protocol.vreg.codec.VregRecord;

/**
 * A VREG session: every message is one frame, so decoding keeps no state but the reused
 * {@link VregRecord} both ways of decoding read a frame into (the request/answer transactions live
 * in {@link VregRegisterAccess}). {@link #decodeTo} makes no object a frame; on an NMEA 2000 bus it
 * is asked about every frame the {@code nmea2000} session leaves, and turns those down after
 * reading the identifier and two bytes. {@link #encode} takes the addressing
 * through keys of its own, since the model keys cannot say where a frame goes:
 * {@code vreg.register}, {@code vreg.source}, {@code vreg.destination}, {@code vreg.code},
 * {@code vreg.mask}.
 */
final class VregSession implements ProtocolSession {
    static final String REGISTER_KEY = "vreg.register";
    static final String SOURCE_KEY = "vreg.source";
    static final String DESTINATION_KEY = "vreg.destination";
    static final String CODE_KEY = "vreg.code";

    private final VregCodec codec;
    private final VregRecord record;

    VregSession(VregCodec codec) {
        this.codec = codec;
        this.record = codec.newRecord();
    }

    @Override
    public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
        return codec.decode(frame, record) ? record.toMessage(frame) : null;
    }

    @Override
    public boolean decodeTo(FrameView frame, MessageSink sink) throws MalformedFrameException {
        if (!codec.decode(frame, record)) {
            return false;
        }
        record.sendTo(frame, sink);
        return true;
    }

    /**
     * {@code vreg}: the register is {@code vreg.register}, else the one carrying the first model
     * key given; from the node (0x50) to everyone (0xFF) unless addressed otherwise.
     * {@code vreg_request}: from 0x20 to 0x50 by default, mask {@code vreg.mask} or 0xFFFF.
     * {@code vreg_ack}: from 0x50 to 0x20 by default, code {@code vreg.code} (required).
     */
    @Override
    public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        int node = RequestOptions.DEFAULT_NODE;
        int requester = RequestOptions.DEFAULT_SOURCE;
        return switch (message) {
            case VregCodec.VALUE -> List.of(codec.value(register(signals), signals, number(signals, SOURCE_KEY, node),
                    number(signals, DESTINATION_KEY, VregCodec.BROADCAST), bus, timestampMicros));
            case VregCodec.REQUEST -> List.of(codec.request(required(signals, REGISTER_KEY),
                    number(signals, VregCodec.MASK_KEY, VregCodec.SINGLE), number(signals, SOURCE_KEY, requester),
                    number(signals, DESTINATION_KEY, node), bus, timestampMicros));
            case VregCodec.ACK -> List.of(codec.ack(required(signals, REGISTER_KEY), required(signals, CODE_KEY),
                    number(signals, SOURCE_KEY, node), number(signals, DESTINATION_KEY, requester), bus, timestampMicros));
            default -> throw new IllegalArgumentException("protocol vreg has no message " + message + "; it has "
                    + List.of(VregCodec.VALUE, VregCodec.REQUEST, VregCodec.ACK));
        };
    }

    private int register(Map<String, ?> signals) {
        if (signals.get(REGISTER_KEY) != null) {
            return required(signals, REGISTER_KEY);
        }
        for (String key : signals.keySet()) {
            RegisterInfo r = codec.catalogue().findByKey(key).orElse(null);
            if (r != null) {
                return r.id();
            }
        }
        throw new IllegalArgumentException("no key of " + signals.keySet()
                + " is carried by a VREG register; give vreg.register or a model key such as soc");
    }

    private static int required(Map<String, ?> signals, String key) {
        if (!(signals.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(key + " is needed (a number), got " + signals.get(key));
        }
        return n.intValue();
    }

    private static int number(Map<String, ?> signals, String key, int otherwise) {
        return signals.get(key) == null ? otherwise : required(signals, key);
    }
}
