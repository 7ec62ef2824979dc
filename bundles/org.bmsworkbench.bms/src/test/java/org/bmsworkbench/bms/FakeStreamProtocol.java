package org.bmsworkbench.bms;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;

/**
 * A polling byte-stream protocol for tests, framed like a JBD BMS on its UART (the read request
 * of the contract, {@code DD A5 03 00 FF FD 77}: start byte, 0xA5 = read, register, length
 * 0, checksum 0x10000 − (register + length), end 0x77). An answer is
 * {@code START REG STATUS LEN DATA… CS_HI CS_LO 77} with the checksum 0x10000 − (status + length +
 * data). The start byte is a parameter, so that two such protocols tell their devices apart.
 *
 * <p>A session asks for {@code registers} every cycle on a byte stream (nothing on a CAN bus),
 * decodes answers into message {@code rXX} with signal {@code ID.rXX} = the first data byte, and
 * its own requests into {@code request}; bytes that start nothing are skipped and reported with
 * {@link MalformedFrameException}, keeping what the chunk completed besides.
 */
public final class FakeStreamProtocol implements BmsProtocol {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final String id;
    private final int start;
    private final int[] registers;

    public FakeStreamProtocol(String id, int start, int... registers) {
        this.id = id;
        this.start = start;
        this.registers = registers.clone();
    }

    /** The read request for {@code register}, as a chunk sent to {@code port}. */
    public static byte[] request(int start, int register) {
        int cs = 0x10000 - register;
        return new byte[] {(byte) start, (byte) 0xA5, (byte) register, 0, (byte) (cs >> 8), (byte) cs, 0x77};
    }

    /** The answer to a read of {@code register} carrying {@code data}. */
    public static byte[] answer(int start, int register, int... data) {
        byte[] b = new byte[data.length + 7];
        b[0] = (byte) start;
        b[1] = (byte) register;
        b[2] = 0;
        b[3] = (byte) data.length;
        int sum = data.length;
        for (int i = 0; i < data.length; i++) {
            b[4 + i] = (byte) data[i];
            sum += data[i] & 0xFF;
        }
        int cs = 0x10000 - sum;
        b[4 + data.length] = (byte) (cs >> 8);
        b[5 + data.length] = (byte) cs;
        b[6 + data.length] = 0x77;
        return b;
    }

    public static String key(String protocol, int register) {
        return String.format("%s.r%02x", protocol, register);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return "Fake stream " + id;
    }

    @Override
    public int detectionScore(CanFrame frame) {
        return frame.chunk() && frame.direction() == Direction.RX && frame.length() >= 2 && frame.u8(0) == start
                && frame.u8(1) != 0xA5 ? 10 : 0;
    }

    @Override
    public List<MessageInfo> messages() {
        List<MessageInfo> list = new ArrayList<>();
        for (int r : registers) {
            list.add(new MessageInfo(String.format("r%02x", r), r, false, ""));
        }
        return list;
    }

    @Override
    public List<SignalDescriptor> signals() {
        return List.of();
    }

    @Override
    public ProtocolSession newSession() {
        return new Session();
    }

    private final class Session implements ProtocolSession {
        private final Map<Direction, ByteArrayOutputStream> pending = new EnumMap<>(Direction.class);

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
            ByteArrayOutputStream held = pending.computeIfAbsent(frame.direction(), d -> new ByteArrayOutputStream());
            held.write(frame.data(), 0, frame.length());
            byte[] b = held.toByteArray();
            List<DecodedMessage> out = new ArrayList<>();
            ByteArrayOutputStream skipped = new ByteArrayOutputStream();
            int p = 0;
            while (p < b.length) {
                if ((b[p] & 0xFF) != start) {
                    skipped.write(b[p++]);
                    continue;
                }
                if (b.length - p < 4) {
                    break;
                }
                boolean isRequest = (b[p + 1] & 0xFF) == 0xA5;
                int length = isRequest ? 7 : (b[p + 3] & 0xFF) + 7;
                if (b.length - p < length) {
                    break;
                }
                if ((b[p + length - 1] & 0xFF) != 0x77 || !checksumOk(b, p, length, isRequest)) {
                    skipped.write(b[p++]);
                    continue;
                }
                int register = isRequest ? b[p + 2] & 0xFF : b[p + 1] & 0xFF;
                Map<String, Object> signals = new LinkedHashMap<>();
                if (!isRequest && length > 7) {
                    signals.put(key(id, register), (long) (b[p + 4] & 0xFF));
                }
                out.add(new DecodedMessage(id, isRequest ? "request" : String.format("r%02x", register), frame, null,
                        null, null, null, register, null, signals));
                p += length;
            }
            held.reset();
            held.write(b, p, b.length - p);
            if (skipped.size() > 0) {
                throw new MalformedFrameException(id + ": skipped " + HEX.formatHex(skipped.toByteArray()) + " on "
                        + frame.bus(), out);
            }
            return out;
        }

        private boolean checksumOk(byte[] b, int p, int length, boolean isRequest) {
            int sum = 0;
            for (int i = isRequest ? p + 2 : p + 2; i < p + length - 3; i++) {
                sum += b[i] & 0xFF;
            }
            int cs = (b[p + length - 3] & 0xFF) << 8 | (b[p + length - 2] & 0xFF);
            return ((sum + cs) & 0xFFFF) == 0;
        }

        @Override
        public List<CanFrame> pollRequests(String bus, boolean byteStream, long timestampMicros) {
            if (!byteStream) {
                return List.of();
            }
            List<CanFrame> requests = new ArrayList<>();
            for (int r : registers) {
                requests.add(CanFrame.chunk(timestampMicros, bus, Direction.TX, request(start, r)));
            }
            return requests;
        }

        @Override
        public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
            throw new IllegalArgumentException("the fake stream protocol encodes nothing");
        }
    }
}
