package org.bmsworkbench.protocol.nmea2000.internal;

import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolId;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.nmea2000.codec.BatteryStatus;
import org.bmsworkbench.protocol.nmea2000.codec.FastPacketAssembler;
import org.bmsworkbench.protocol.nmea2000.codec.Nmea2000Codec;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The NMEA 2000 PGNs of the MG Master LV, guide 1.5: 127508 Battery Status and 127506 DC Detailed
 * Status (fast packet), 29-bit, 250 kbit/s. The VREG registers travel on the same bus: {@code vreg}
 * is a companion.
 */
@Component(name = "org.bmsworkbench.protocol.nmea2000", service = BmsProtocol.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@ProtocolId(Nmea2000Codec.PROTOCOL_ID)
public final class Nmea2000Protocol implements BmsProtocol {
    /** A whole 127508 frame, or a 127506 frame 0 announcing a plausible length: a BMS on NMEA 2000. */
    static final int SCORE_PGN = 50;
    /** A following 127506 fast-packet frame. */
    static final int SCORE_FAST_PACKET_PART = 20;

    private final Nmea2000Codec codec = new Nmea2000Codec();

    @Override
    public String id() {
        return Nmea2000Codec.PROTOCOL_ID;
    }

    @Override
    public String label() {
        return "NMEA 2000";
    }

    @Override
    public ProtocolSession newSession() {
        return new Nmea2000Session(codec);
    }

    @Override
    public List<String> companions() {
        return List.of("vreg");
    }

    @Override
    public int detectionScore(CanFrame frame) {
        return detectionScore((FrameView) frame);
    }

    /** Reads the view's id and first two bytes in place: makes nothing. */
    @Override
    public int detectionScore(FrameView frame) {
        int pgn = Nmea2000Codec.pgnOf(frame);
        if (pgn < 0 || frame.length() == 0) {
            return 0;
        }
        if (pgn == BatteryStatus.PGN) {
            return frame.length() >= BatteryStatus.LENGTH ? SCORE_PGN : 0;
        }
        if ((frame.u8(0) & 0x1F) != 0) {
            return SCORE_FAST_PACKET_PART;
        }
        return frame.length() >= 2 && frame.u8(1) >= 9 && frame.u8(1) <= FastPacketAssembler.MAX_LENGTH ? SCORE_PGN : 0;
    }

    @Override
    public List<MessageInfo> messages() {
        return codec.messageInfos();
    }

    @Override
    public List<SignalDescriptor> signals() {
        return codec.signals();
    }
}
