package org.bmsworkbench.protocol.daly.internal;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolId;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.daly.codec.DalyCodec;
import org.bmsworkbench.protocol.daly.codec.DalySignals;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The Daly smart BMS over UART/RS485 and CAN as a {@link BmsProtocol} service. Stateless. */
@Component(name = "org.bmsworkbench.protocol.daly", service = BmsProtocol.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@ProtocolId(DalyCodec.PROTOCOL)
public final class DalyProtocol implements BmsProtocol {
    /** A received chunk holding a whole reply frame (start byte, BMS address, known data id, checksum). */
    static final int SCORE_FRAME = 100;
    /** A received chunk that starts like a reply, {@code A5 01}, without a whole frame (split across chunks). */
    static final int SCORE_START = 20;
    /** A CAN frame with a reply id {@code 0x18<id>40<bms>} of a known data id and 8 bytes. */
    static final int SCORE_CAN_REPLY = 100;

    private static final List<SignalDescriptor> SIGNALS = DalySignals.all();

    @Override
    public String id() {
        return DalyCodec.PROTOCOL;
    }

    @Override
    public String label() {
        return "Daly smart BMS (UART/RS485, CAN)";
    }

    @Override
    public ProtocolSession newSession() {
        return new DalySession();
    }

    /** Replies only: a request, ours or another host's, says nothing about what answers. */
    @Override
    public int detectionScore(CanFrame f) {
        return detectionScore((FrameView) f);
    }

    /**
     * {@link #detectionScore(CanFrame)} of a view: a CAN frame is read in place (nothing made); a
     * chunk of a serial line is copied once, to search its bytes for a whole reply.
     */
    @Override
    public int detectionScore(FrameView f) {
        if (f.direction() == Direction.TX || f.remote() || f.error() || f.fd()) {
            return 0;
        }
        if (f.chunk()) {
            byte[] b = new byte[f.length()];
            f.copyData(b, 0);
            for (int i = 0; i + DalyCodec.FRAME_LENGTH <= b.length; i++) {
                if (isReply(b, i)) {
                    return SCORE_FRAME;
                }
            }
            return b.length >= 2 && (b[0] & 0xFF) == DalyCodec.START && (b[1] & 0xFF) == DalyCodec.BMS ? SCORE_START : 0;
        }
        return f.extended() && DalyCodec.isReplyId(f.id()) && f.length() == DalyCodec.DATA_LENGTH
                && DalyCodec.messageName(f.id() >>> 16 & 0xFF) != null ? SCORE_CAN_REPLY : 0;
    }

    private static boolean isReply(byte[] b, int i) {
        return (b[i] & 0xFF) == DalyCodec.START && !DalyCodec.isHostAddress(b[i + 1] & 0xFF)
                && b[i + 3] == DalyCodec.DATA_LENGTH && DalyCodec.messageName(b[i + 2] & 0xFF) != null
                && DalyCodec.checksum(b, i, 12) == (b[i + 12] & 0xFF);
    }

    @Override
    public List<MessageInfo> messages() {
        List<MessageInfo> list = new ArrayList<>();
        String[] descriptions = {
            "pack voltage, acquisition voltage, current (30000 offset, 0.1 A), SOC (0.1 %)",
            "highest and lowest cell voltage (mV) and their cell numbers",
            "highest and lowest temperature (40 offset) and their sensor numbers",
            "charge state, charge and discharge MOSFETs, BMS life, remaining capacity (mAh)",
            "cells, temperature sensors, charger and load, DI/DO, cycles",
            "cell voltages, 3 per frame, several frames",
            "temperatures, 7 per frame, several frames",
            "balancing of cells 1-48, one bit each",
            "fault bits (level 1 warning, level 2 protection) and fault code",
        };
        for (int i = 0; i < DalyCodec.VALUE_IDS.size(); i++) {
            int id = DalyCodec.VALUE_IDS.get(i);
            list.add(new MessageInfo(DalyCodec.messageName(id), DalyCodec.canId(id, DalyCodec.HOST, DalyCodec.BMS), true,
                    String.format("0x%02X: %s", id, descriptions[i])));
        }
        list.add(new MessageInfo(DalyCodec.messageName(DalyCodec.DISCHARGE_MOS),
                DalyCodec.canId(DalyCodec.DISCHARGE_MOS, DalyCodec.HOST, DalyCodec.BMS), true,
                "0xD9: answer to the discharge MOSFET command"));
        list.add(new MessageInfo(DalyCodec.messageName(DalyCodec.CHARGE_MOS),
                DalyCodec.canId(DalyCodec.CHARGE_MOS, DalyCodec.HOST, DalyCodec.BMS), true,
                "0xDA: answer to the charge MOSFET command"));
        return List.copyOf(list);
    }

    @Override
    public List<SignalDescriptor> signals() {
        return SIGNALS;
    }
}
