package org.bmsworkbench.protocol.jbd.internal;

import java.util.ArrayList;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolId;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.jbd.codec.JbdCodec;
import org.bmsworkbench.protocol.jbd.codec.JbdFrame;
import org.bmsworkbench.protocol.jbd.codec.JbdStreamDecoder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The JBD (Jiabaida, Xiaoxiang, Overkill Solar) BMS protocol over a UART or RS485 line. */
@Component(name = "org.bmsworkbench.protocol.jbd", service = BmsProtocol.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@ProtocolId(JbdCodec.PROTOCOL)
public final class JbdProtocol implements BmsProtocol {
    /** A chunk holding a whole reply to 0x03, 0x04 or 0x05 with a good checksum. */
    static final int SCORE_REPLY = 50;
    /** A chunk holding another whole JBD reply (an acknowledgement or an error). */
    static final int SCORE_OTHER_REPLY = 10;
    /**
     * A chunk that starts like a reply to 0x03 or 0x04 (DD, register, status 00, a length that
     * register can have) but ends before it: a port that hands over what it has read so far
     * splits replies, and detection sees one chunk at a time.
     */
    static final int SCORE_REPLY_START = 5;

    private final List<SignalDescriptor> signals = describe();

    @Override
    public String id() {
        return JbdCodec.PROTOCOL;
    }

    @Override
    public String label() {
        return "JBD / Xiaoxiang / Overkill Solar (UART, RS485)";
    }

    @Override
    public ProtocolSession newSession() {
        return new JbdSession(JbdCodec.INSTANCE);
    }

    /**
     * Scores the replies a chunk holds whole, or (weakly) the start of a 0x03 or 0x04 reply;
     * requests (the host's) and CAN frames score 0.
     */
    @Override
    public int detectionScore(CanFrame frame) {
        return detectionScore((FrameView) frame);
    }

    /**
     * {@link #detectionScore(CanFrame)} of a view: a CAN frame scores 0 at once (nothing made); a
     * chunk is copied and run through a {@link JbdStreamDecoder}, which makes its frames.
     */
    @Override
    public int detectionScore(FrameView frame) {
        if (!frame.chunk() || frame.length() < 4) {
            return 0;
        }
        int score = startsAReply(frame) ? SCORE_REPLY_START : 0;
        byte[] data = new byte[frame.length()];
        frame.copyData(data, 0);
        for (JbdFrame f : new JbdStreamDecoder().feed(data).frames()) {
            if (f.request()) {
                continue;
            }
            boolean known = f.register() == JbdCodec.BASIC_INFO_REGISTER || f.register() == JbdCodec.CELL_VOLTAGES_REGISTER
                    || f.register() == JbdCodec.HARDWARE_REGISTER;
            score = Math.max(score, known ? SCORE_REPLY : SCORE_OTHER_REPLY);
        }
        return score;
    }

    private static boolean startsAReply(FrameView f) {
        if (f.u8(0) != JbdFrame.START || f.u8(2) != JbdFrame.STATUS_OK || f.length() >= JbdFrame.OVERHEAD + f.u8(3)) {
            return false; // not a start, or long enough to be judged whole
        }
        int length = f.u8(3);
        return f.u8(1) == JbdCodec.BASIC_INFO_REGISTER ? length >= JbdCodec.BASIC_INFO_FIXED
                : f.u8(1) == JbdCodec.CELL_VOLTAGES_REGISTER && length > 0 && length % 2 == 0;
    }

    @Override
    public List<MessageInfo> messages() {
        return List.of(
                new MessageInfo(JbdCodec.BASIC_INFO, JbdCodec.BASIC_INFO_REGISTER, false,
                        "reply to register 0x03: pack voltage, current, capacities, cycles, balancing, protections, SOC, MOSFETs, temperatures"),
                new MessageInfo(JbdCodec.CELL_VOLTAGES, JbdCodec.CELL_VOLTAGES_REGISTER, false, "reply to register 0x04: every cell's voltage"),
                new MessageInfo(JbdCodec.HARDWARE, JbdCodec.HARDWARE_REGISTER, false, "reply to register 0x05: the BMS's model name"),
                new MessageInfo(JbdCodec.ACK, 0, false, "status 0x00 reply to another register (a write or factory-mode command acknowledged)"),
                new MessageInfo(JbdCodec.ERROR, 0, false, "reply with status 0x80 (error) to any register"));
    }

    /**
     * The standard keys JBD fills and its own ({@code jbd.*}). The per-cell keys
     * ({@code cell.<n>.voltage}, {@code cell.<n>.balancing}, {@code temperature.<n>}) are standard
     * through {@code StandardSignals.find} and depend on the pack, so they are not listed.
     */
    @Override
    public List<SignalDescriptor> signals() {
        return signals;
    }

    private static List<SignalDescriptor> describe() {
        List<SignalDescriptor> list = new ArrayList<>();
        for (String key : List.of("pack.voltage", "pack.current", "capacity.remaining", "capacity.nominal", "cycles", "soc",
                "cell.count", "cell.voltage.min", "cell.voltage.max", "cell.temperature.min", "cell.temperature.max",
                "fet.charge", "fet.discharge", "bms.model", "bms.firmware")) {
            list.add(StandardSignals.find(key).orElseThrow(() -> new IllegalStateException("no standard key " + key)));
        }
        for (String name : StandardSignals.protectionNames()) {
            list.add(StandardSignals.find("protection." + name).orElseThrow());
        }
        list.add(new SignalDescriptor(JbdCodec.PRODUCTION_DATE_KEY, "", SignalKind.TEXT, "identity", "Production date",
                "Production date the JBD BMS reports in register 0x03 (YYYY-MM-DD)."));
        list.add(new SignalDescriptor(JbdCodec.PROTECTION_FLAGS_KEY, "", SignalKind.NUMBER, "status", "Protection flags",
                "The raw 16 protection bits of JBD register 0x03 (bits 0..12 are the protection.* keys)."));
        return List.copyOf(list);
    }
}
