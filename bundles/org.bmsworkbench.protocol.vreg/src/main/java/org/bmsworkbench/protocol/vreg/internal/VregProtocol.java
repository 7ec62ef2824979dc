package org.bmsworkbench.protocol.vreg.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bmsworkbench.bms.BmsProtocol;
import org.bmsworkbench.bms.ProtocolId;
import org.bmsworkbench.bms.ProtocolSession;
import org.bmsworkbench.bms.SignalDescriptor;
import org.bmsworkbench.bms.SignalKind;
import org.bmsworkbench.bms.StandardSignals;
import org.bmsworkbench.bms.codec.FrameFields;
import org.bmsworkbench.bms.registers.RegisterField;
import org.bmsworkbench.bms.registers.RegisterInfo;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.FrameView;
import org.bmsworkbench.protocol.vreg.codec.VregCatalogue;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The VREG registers of the MG Master LV (guide 1.5.4), Victron's VE.Can registers over PGN 0xEF00. */
@Component(name = "org.bmsworkbench.protocol.vreg", service = BmsProtocol.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
@ProtocolId(VregCodec.PROTOCOL)
public final class VregProtocol implements BmsProtocol {
    /** 0x0100 carrying one of the MG Master LV product ids 0xA390..0xA394. */
    static final int SCORE_MG_PRODUCT = 100;
    /** A value of a register of the guide's table. */
    static final int SCORE_REGISTER = 20;
    /** A request or an ACK. */
    static final int SCORE_COMMAND = 10;
    /** Any other VREG (a Victron device's register the guide does not list). */
    static final int SCORE_OTHER_VREG = 2;

    /** The register that holds the product id. */
    static final int PRODUCT_ID = 0x0100;

    private final VregCodec codec = VregCodec.INSTANCE;
    /** The product ids register 0x0100 names (the MG Master LV's), sorted: looked up without a box. */
    private final long[] namedProducts = codec.catalogue().find(PRODUCT_ID).orElseThrow().valueLabels().keySet()
            .stream().mapToLong(Long::longValue).sorted().toArray();
    private final List<SignalDescriptor> signals = describe();

    @Override
    public String id() {
        return VregCodec.PROTOCOL;
    }

    @Override
    public String label() {
        return "VREG registers (Victron)";
    }

    @Override
    public ProtocolSession newSession() {
        return new VregSession(codec);
    }

    @Override
    public int detectionScore(CanFrame frame) {
        return detectionScore((FrameView) frame);
    }

    /** Reads the view in place, the catalogue by binary search: makes nothing. */
    @Override
    public int detectionScore(FrameView frame) {
        if (!VregCodec.isVreg(frame) || frame.length() < 4) {
            return 0;
        }
        int id = FrameFields.u16(frame, 2);
        if (id == VregCodec.REQUEST_ID || id == VregCodec.ACK_ID) {
            return frame.length() >= 6 ? SCORE_COMMAND : 0;
        }
        int size = codec.valueSize(id);
        if (size < 0) {
            return SCORE_OTHER_VREG;
        }
        if (frame.length() < 4 + size) {
            return 0;
        }
        if (id == PRODUCT_ID && Arrays.binarySearch(namedProducts, FrameFields.u16(frame, 4)) >= 0) {
            return SCORE_MG_PRODUCT;
        }
        return SCORE_REGISTER;
    }

    @Override
    public List<MessageInfo> messages() {
        int anyAddress = 0x1CEF0000;
        return List.of(
                new MessageInfo(VregCodec.VALUE, anyAddress, true,
                        "a register's value: broadcast to 0xFF (reply, periodic or on change) or addressed to a node (write)"),
                new MessageInfo(VregCodec.REQUEST, anyAddress, true, "request of a register (VREG 0x0001: register, mask)"),
                new MessageInfo(VregCodec.ACK, anyAddress, true, "acknowledge (VREG 0x0002: register, code; 0x8000 and up are errors)"));
    }

    @Override
    public List<SignalDescriptor> signals() {
        return signals;
    }

    private static List<SignalDescriptor> describe() {
        List<SignalDescriptor> list = new ArrayList<>();
        for (RegisterInfo r : VregCatalogue.INSTANCE.registers()) {
            for (RegisterField f : r.fields()) {
                list.add(StandardSignals.find(f.key()).orElseGet(() -> new SignalDescriptor(f.key(), f.unit(),
                        f.text() ? SignalKind.TEXT : SignalKind.NUMBER, "identity", r.name(),
                        "VREG " + r.idHex() + ": " + r.comment() + ".")));
            }
        }
        list.add(new SignalDescriptor(VregCodec.MASK_KEY, "", SignalKind.NUMBER, "status", "VREG request mask",
                "Mask of a VREG request that asks for several registers at once (absent for the usual 0xFFFF)."));
        return List.copyOf(list);
    }
}
