package org.bmsworkbench.protocol.generalbms.internal;

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
 * The General BMS protocol of the MG Master LV, guide 1.4: the seven SMA frames (0x351–0x35F)
 * plus 0x373 battery cell info, 0x378 energy and the serial number in 0x380/0x381; 11-bit,
 * 500 kbit/s. The frames it shares with SMA are decoded by the SMA bundle's codec.
 */
@Component(name = "org.bmsworkbench.protocol.generalbms", service = BmsProtocol.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@ProtocolId(GeneralBmsProtocol.ID)
public final class GeneralBmsProtocol implements BmsProtocol {
    public static final String ID = "general-bms";

    /** 0x373, 0x378, 0x380, 0x381: only General BMS sends them. */
    static final int SCORE_OWN_FRAME = 50;
    /** 0x35E carrying "MG-BMS": one less than SMA's 100, so that SMA wins a bus without General BMS's own frames. */
    static final int SCORE_MG_NAME = 99;
    /** Any other SMA frame of full length: one less than SMA's 10. */
    static final int SCORE_SHARED_FRAME = 9;
    /** 0x35B: one less than SMA's 2. */
    static final int SCORE_EVENTS = 1;
    static final String MG_NAME = "MG-BMS";

    private final SmaCodec codec = GeneralBmsMessages.codec(ID);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "General BMS (MG)";
    }

    @Override
    public ProtocolSession newSession() {
        return new GeneralBmsSession(codec);
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
            case 0x373, 0x378, 0x380, 0x381 -> SCORE_OWN_FRAME;
            case 0x35E -> FrameFields.asciiEquals(frame, 0, 8, MG_NAME) ? SCORE_MG_NAME : SCORE_SHARED_FRAME;
            case 0x35B -> SCORE_EVENTS;
            default -> SCORE_SHARED_FRAME;
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
