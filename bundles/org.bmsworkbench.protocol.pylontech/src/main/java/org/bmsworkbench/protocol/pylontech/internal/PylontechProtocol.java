package org.bmsworkbench.protocol.pylontech.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.bms.MessageSink;
import org.bmsworkbench.bms.ProtocolId;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.pylontech.codec.PylontechCodec;
import org.bmsworkbench.protocol.pylontech.codec.PylontechSignals;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The Pylontech-style low-voltage battery protocol as a {@link BmsProtocol} service: everything
 * an OEM's protocol bundle needs is this one component. Stateless: every message is one frame.
 */
@Component(name = "org.bmsworkbench.protocol.pylontech", service = BmsProtocol.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@ProtocolId(PylontechCodec.PROTOCOL_ID)
public final class PylontechProtocol implements BmsProtocol {
    /** The standard keys this protocol fills; their descriptors come from the catalogue. */
    static final List<String> STANDARD_KEYS = List.of("limit.charge_voltage", "limit.charge_current",
            "limit.discharge_current", "limit.discharge_voltage", "soc", "soh", "pack.voltage", "pack.current",
            "pack.temperature", "bms.manufacturer",
            "alarm.high_voltage", "alarm.low_voltage", "alarm.high_temperature", "alarm.low_temperature",
            "alarm.high_current", "alarm.high_charge_current", "alarm.bms_internal",
            "warning.high_voltage", "warning.low_voltage", "warning.high_temperature", "warning.low_temperature",
            "warning.high_current", "warning.high_charge_current", "warning.bms_internal");

    private final PylontechCodec codec = new PylontechCodec();

    @Override
    public String id() {
        return PylontechCodec.PROTOCOL_ID;
    }

    @Override
    public String label() {
        return "Pylontech LV battery (0x351-0x35E)";
    }

    @Override
    public ProtocolSession newSession() {
        return new ProtocolSession() {
            /** This session's own memory of the name decoded last. */
            private final PylontechCodec.Memory memory = new PylontechCodec.Memory();

            @Override
            public DecodedMessage decode(CanFrame frame) throws MalformedFrameException {
                return codec.decode(frame, memory);
            }

            @Override
            public boolean decodeTo(FrameView frame, MessageSink sink) throws MalformedFrameException {
                return codec.decodeTo(frame, memory, sink);
            }

            @Override
            public List<CanFrame> encode(String message, Map<String, ?> signals, String bus, long timestampMicros) {
                return List.of(codec.encode(message, signals, bus, timestampMicros));
            }
        };
    }

    @Override
    public int detectionScore(CanFrame frame) {
        return detectionScore((FrameView) frame);
    }

    /** Reads the view in place ({@link PylontechCodec#detectionScore(FrameView)}): makes nothing. */
    @Override
    public int detectionScore(FrameView frame) {
        return PylontechCodec.detectionScore(frame);
    }

    @Override
    public List<MessageInfo> messages() {
        return codec.messageInfos();
    }

    @Override
    public List<SignalDescriptor> signals() {
        List<SignalDescriptor> all = new ArrayList<>();
        for (String key : STANDARD_KEYS) {
            all.add(StandardSignals.find(key).orElseThrow(() -> new IllegalStateException("not a standard key: " + key)));
        }
        all.addAll(PylontechSignals.OWN);
        return List.copyOf(all);
    }
}
