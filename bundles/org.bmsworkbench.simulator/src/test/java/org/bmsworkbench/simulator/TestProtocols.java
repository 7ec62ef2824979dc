package org.bmsworkbench.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.ProtocolRegistry;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Subscription;
import org.bmsworkbench.protocol.sma.codec.SmaCodec;

/** The SMA protocol over its exported codec (what the SMA bundle's service does), and a registry of protocols. */
public final class TestProtocols implements ProtocolRegistry {
    private final List<BmsProtocol> installed = new CopyOnWriteArrayList<>();

    public static BmsProtocol sma() {
        SmaCodec codec = new SmaCodec(SmaCodec.SMA);
        return new BmsProtocol() {
            @Override
            public String id() {
                return codec.protocolId();
            }

            @Override
            public String label() {
                return "SMA";
            }

            @Override
            public ProtocolSession newSession() {
                return new ProtocolSession() {
                    @Override
                    public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
                        return codec.decode(frame);
                    }

                    @Override
                    public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long time) {
                        return List.of(codec.encode(message, signals, bus, time));
                    }
                };
            }

            @Override
            public int detectionScore(CanFrame frame) {
                return 0;
            }

            @Override
            public List<MessageInfo> messages() {
                return codec.messageInfos();
            }

            @Override
            public List<SignalDescriptor> signals() {
                return codec.signals();
            }
        };
    }

    public TestProtocols install(BmsProtocol p) {
        installed.add(p);
        return this;
    }

    public void uninstall(String id) {
        installed.removeIf(p -> p.id().equals(id));
    }

    @Override
    public List<BmsProtocol> protocols() {
        return List.copyOf(installed);
    }

    @Override
    public Optional<BmsProtocol> find(String id) {
        return installed.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Subscription onChange(Consumer<List<BmsProtocol>> listener) {
        return () -> { };
    }

    @Override
    public List<SignalDescriptor> signals() {
        return List.of();
    }
}
