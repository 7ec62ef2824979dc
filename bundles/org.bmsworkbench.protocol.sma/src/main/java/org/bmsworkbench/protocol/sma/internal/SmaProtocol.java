package org.bmsworkbench.protocol.sma.internal;

import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.FrameLayout;
import org.bmsworkbench.bms.ProtocolId;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.sma.codec.MessageCodec;
import org.bmsworkbench.protocol.sma.codec.SmaCodec;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The SMA (Sunny Island) protocol of the MG Master LV, guide 1.3: 0x351, 0x355, 0x356, 0x35A,
 * 0x35B, 0x35E and 0x35F, 11-bit, 500 kbit/s.
 */
@Component(name = "org.bmsworkbench.protocol.sma", service = BmsProtocol.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@ProtocolId(SmaCodec.SMA)
public final class SmaProtocol implements BmsProtocol {
    /** 0x35E carrying the MG Master LV's name: all but proof. */
    static final int SCORE_MG_NAME = 100;
    /** An SMA data frame of the right length; shared with General BMS and other SMA-style BMSs. */
    static final int SCORE_SMA_FRAME = 10;
    /** 0x35B: one byte, rarely decisive. */
    static final int SCORE_EVENTS = 2;
    static final String MG_NAME = "MG-BMS";

    private final SmaCodec codec = new SmaCodec(SmaCodec.SMA);

    @Override
    public String id() {
        return codec.protocolId();
    }

    @Override
    public String label() {
        return "SMA (Sunny Island)";
    }

    @Override
    public ProtocolSession newSession() {
        return new SmaSession(codec);
    }

    @Override
    public int detectionScore(CanFrame frame) {
        return detectionScore((FrameView) frame);
    }

    /** Reads the view in place, the name of 0x35E byte by byte: makes nothing. */
    @Override
    public int detectionScore(FrameView frame) {
        MessageCodec message = codec.messageOrNull(frame);
        if (message == null || frame.length() < message.length()) {
            return 0;
        }
        return switch (message.canId()) {
            case 0x35E -> FrameFields.asciiEquals(frame, 0, 8, MG_NAME) ? SCORE_MG_NAME : SCORE_SMA_FRAME;
            case 0x35B -> SCORE_EVENTS;
            default -> SCORE_SMA_FRAME;
        };
    }

    @Override
    public List<MessageInfo> messages() {
        return codec.messageInfos();
    }

    @Override
    public List<FrameLayout> frameLayouts() {
        return codec.frameLayouts();
    }

    @Override
    public List<SignalDescriptor> signals() {
        return codec.signals();
    }
}
