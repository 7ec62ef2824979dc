package org.bmsworkbench.protocol.jbd.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.protocol.jbd.codec.JbdCodec;
import org.bmsworkbench.protocol.jbd.codec.JbdFrame;
import org.bmsworkbench.protocol.jbd.codec.JbdStreamDecoder;

/**
 * A JBD session on one serial line: a stream decoder per direction (received and sent chunks
 * never mix), and the poll cycle. Host requests found in the stream (our own sent chunks, or
 * their echo on an RS485 adapter) are recognised and skipped: they carry no values, and a
 * decoded message tells the live poller that an answer came. CAN frames are not JBD's.
 */
final class JbdSession implements ProtocolSession {
    /** An unfinished frame is dropped when the line stays quiet this long (a reply takes milliseconds). */
    static final long QUIET_MICROS = 2_000_000;
    /** 0x05 is no longer asked once this many 0x03 replies came without a 0x05 reply. */
    static final int HARDWARE_TRIES = 3;

    private final JbdCodec codec;
    private final JbdStreamDecoder received = new JbdStreamDecoder();
    private final JbdStreamDecoder sent = new JbdStreamDecoder();
    private long lastReceived = CanFrame.NO_TIMESTAMP;
    private long lastSent = CanFrame.NO_TIMESTAMP;
    private boolean hardwareAnswered;
    private int basicInfos;

    JbdSession(JbdCodec codec) {
        this.codec = codec;
    }

    /** The first message {@link #decodeAll} gives; a chunk may complete several, so stream callers use that. */
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
        boolean rx = frame.direction() == Direction.RX;
        JbdStreamDecoder decoder = rx ? received : sent;
        List<String> faults = new ArrayList<>();
        ByteArrayOutputStream skipped = new ByteArrayOutputStream();
        long last = rx ? lastReceived : lastSent;
        if (decoder.pending() > 0 && last != CanFrame.NO_TIMESTAMP && frame.hasTimestamp()
                && frame.timestampMicros() - last > QUIET_MICROS) {
            skipped.writeBytes(decoder.pendingBytes());
            faults.add(decoder.discardPending("an unfinished frame, then " + (frame.timestampMicros() - last) / 1000 + " ms of silence"));
        }
        if (rx) {
            lastReceived = frame.timestampMicros();
        } else {
            lastSent = frame.timestampMicros();
        }
        JbdStreamDecoder.Result result = decoder.feed(frame.data());
        faults.addAll(result.skipped());
        skipped.writeBytes(result.skippedBytes());
        List<DecodedMessage> messages = new ArrayList<>();
        for (JbdFrame f : result.frames()) {
            try {
                DecodedMessage m = codec.decode(f, frame);
                if (m != null) {
                    messages.add(m);
                    noteAnswer(f);
                }
            } catch (MalformedFrameException e) {
                faults.add(e.getMessage());
            }
        }
        if (!faults.isEmpty()) {
            throw new MalformedFrameException("jbd " + frame.bus() + (rx ? " rx: " : " tx: ") + String.join("; ", faults), messages,
                    skipped.size() == 0 ? null : skipped.toByteArray());
        }
        return messages;
    }

    private void noteAnswer(JbdFrame reply) {
        if (reply.register() == JbdCodec.HARDWARE_REGISTER) {
            hardwareAnswered = true;
        } else if (reply.register() == JbdCodec.BASIC_INFO_REGISTER && !reply.error()) {
            basicInfos++;
        }
    }

    /**
     * On a byte stream: read 0x03 and 0x04 every cycle, and 0x05 (the name) until it is answered
     * (or {@value #HARDWARE_TRIES} basic-information replies came without it). Nothing on a CAN bus.
     */
    @Override
    public List<CanFrame> pollRequests(String bus, boolean byteStream, long timestampMicros) {
        if (!byteStream) {
            return List.of();
        }
        List<CanFrame> requests = new ArrayList<>(3);
        requests.add(request(JbdFrame.read(JbdCodec.BASIC_INFO_REGISTER), bus, timestampMicros));
        requests.add(request(JbdFrame.read(JbdCodec.CELL_VOLTAGES_REGISTER), bus, timestampMicros));
        if (!hardwareAnswered && basicInfos < HARDWARE_TRIES) {
            requests.add(request(JbdFrame.read(JbdCodec.HARDWARE_REGISTER), bus, timestampMicros));
        }
        return requests;
    }

    private static CanFrame request(JbdFrame f, String bus, long timestampMicros) {
        return CanFrame.chunk(timestampMicros, bus, Direction.TX, f.bytes());
    }

    /** A reply as the BMS sends it ({@code basic_info}, {@code cell_voltages}, {@code hardware}), as one received chunk. */
    @Override
    public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
        return List.of(CanFrame.chunk(timestampMicros, bus, Direction.RX, codec.encode(message, signals).bytes()));
    }
}
