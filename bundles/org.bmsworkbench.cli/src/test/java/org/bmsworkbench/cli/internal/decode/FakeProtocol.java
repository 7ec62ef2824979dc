package org.bmsworkbench.cli.internal.decode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.can.CanFrame;

/**
 * A small SMA-like protocol: 0x356 (6 bytes, pack voltage in 0.01 V) is one message, 0x380 then
 * 0x381 is a two-frame message (the session remembers the first half), 0x666 makes the decoder
 * fail with a bug. Messages are named with the protocol id, so that which protocol decoded is visible.
 */
public class FakeProtocol implements BmsProtocol {
    private final String id;
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<String> companions;

    public FakeProtocol(String id, String... companions) {
        this.id = id;
        this.companions = List.of(companions);
    }

    @Override
    public List<String> companions() {
        return companions;
    }

    public int sessionsCreated() {
        return sessions.get();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return "Fake " + id;
    }

    @Override
    public ProtocolSession newSession() {
        sessions.incrementAndGet();
        return new ProtocolSession() {
            private CanFrame firstHalf;

            @Override
            public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
                switch (frame.id()) {
                    case 0x356 -> {
                        if (frame.length() < 6) {
                            throw new MalformedFrameException("0x356 battery_basic_info needs 6 data bytes, got "
                                    + frame.length());
                        }
                        double volts = (frame.u8(0) | frame.u8(1) << 8) / 100.0;
                        return DecodedMessage.of(id, "battery_basic_info", frame, Map.of("pack.voltage", volts));
                    }
                    case 0x380 -> {
                        firstHalf = frame;
                        return null;
                    }
                    case 0x381 -> {
                        if (firstHalf == null) {
                            return null;
                        }
                        firstHalf = null;
                        return DecodedMessage.of(id, "serial", frame, Map.of("bms.serial", "HQ1234"));
                    }
                    case 0x666 -> throw new IllegalStateException("bug");
                    default -> {
                        return null;
                    }
                }
            }

            @Override
            public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
                throw new IllegalArgumentException("not encodable");
            }
        };
    }

    @Override
    public int detectionScore(CanFrame frame) {
        return switch (frame.id()) {
            case 0x356, 0x380, 0x381, 0x666 -> 1;
            default -> 0;
        };
    }

    @Override
    public List<MessageInfo> messages() {
        return List.of(new MessageInfo("battery_basic_info", 0x356, false, "pack values"),
                new MessageInfo("serial", 0x381, false, "serial number"));
    }

    @Override
    public List<SignalDescriptor> signals() {
        return List.of(new SignalDescriptor("pack.voltage", "V", SignalKind.NUMBER, "pack", "Pack voltage", null),
                new SignalDescriptor("bms.serial", "", SignalKind.TEXT, "identity", "Serial number", null));
    }
}
