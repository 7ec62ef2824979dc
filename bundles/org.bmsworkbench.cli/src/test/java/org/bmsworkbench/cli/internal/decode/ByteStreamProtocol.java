package org.bmsworkbench.cli.internal.decode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * A byte-stream protocol for the decode tests, framed like a JBD answer (start 0xDD, register,
 * status, length, data, two checksum bytes, end 0x77; the checksum is not checked here): id
 * {@code jbd}, message {@code rXX}, signal {@code cell.count} = the first data byte. A request
 * ({@code DD A5 …}) decodes to {@code request}. Messages span chunks; bytes before a start byte
 * are skipped and named ({@link MalformedFrameException#skipped()}).
 */
final class ByteStreamProtocol implements BmsProtocol {
    @Override
    public String id() {
        return "jbd";
    }

    @Override
    public String label() {
        return "JBD-like";
    }

    @Override
    public int detectionScore(CanFrame frame) {
        return frame.chunk() && frame.direction() == Direction.RX && frame.u8(0) == 0xDD ? 10 : 0;
    }

    @Override
    public List<MessageInfo> messages() {
        return List.of();
    }

    @Override
    public List<SignalDescriptor> signals() {
        return List.of();
    }

    @Override
    public ProtocolSession newSession() {
        Map<Direction, ByteArrayOutputStream> held = new EnumMap<>(Direction.class);
        return new ProtocolSession() {
            @Override
            public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
                List<DecodedMessage> all = decodeAll(frame);
                return all.isEmpty() ? null : all.get(0);
            }

            @Override
            public List<DecodedMessage> decodeAll(CanFrame frame) throws MalformedFrameException {
                if (!frame.chunk()) {
                    return List.of();
                }
                ByteArrayOutputStream h = held.computeIfAbsent(frame.direction(), d -> new ByteArrayOutputStream());
                h.write(frame.data(), 0, frame.length());
                byte[] b = h.toByteArray();
                List<DecodedMessage> out = new ArrayList<>();
                ByteArrayOutputStream skipped = new ByteArrayOutputStream();
                int p = 0;
                while (p < b.length) {
                    if ((b[p] & 0xFF) != 0xDD) {
                        skipped.write(b[p++]);
                        continue;
                    }
                    if (b.length - p < 4) {
                        break;
                    }
                    boolean request = (b[p + 1] & 0xFF) == 0xA5;
                    int n = request ? 7 : (b[p + 3] & 0xFF) + 7;
                    if (b.length - p < n) {
                        break;
                    }
                    int register = b[p + (request ? 2 : 1)] & 0xFF;
                    Map<String, Object> signals = new LinkedHashMap<>();
                    if (!request && n > 7) {
                        signals.put("cell.count", (long) (b[p + 4] & 0xFF));
                    }
                    out.add(new DecodedMessage("jbd", request ? "request" : String.format("r%02x", register), frame,
                            null, null, null, null, register, null, signals));
                    p += n;
                }
                h.reset();
                h.write(b, p, b.length - p);
                if (skipped.size() > 0) {
                    throw new MalformedFrameException("jbd: skipped " + HexFormat.of().withUpperCase()
                            .formatHex(skipped.toByteArray()) + " on " + frame.bus(), out, skipped.toByteArray());
                }
                return out;
            }

            @Override
            public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
                throw new IllegalArgumentException("encodes nothing");
            }
        };
    }
}
