package org.bmsworkbench.service.unlock.internal;

import java.util.function.Consumer;
import org.bmsworkbench.bms.DecodedMessage;
import org.bmsworkbench.bms.MalformedFrameException;
import org.bmsworkbench.can.CanFrame;
import org.bmsworkbench.can.Direction;
import org.bmsworkbench.can.FrameListener;
import org.bmsworkbench.device.mg.MgMasterLv;
import org.bmsworkbench.protocol.vreg.codec.VregCodec;

/**
 * Listens, on the transport thread, for what the BMS says after an unlock code was sent: an error
 * ACK for the unlock register addressed to us (or broadcast), and every broadcast of the BMS
 * state (VREG 0x0371). Counts the BMS's frames so that its silence during a restart shows.
 * Hands everything over through the callbacks, which must not block.
 */
final class BmsReplies implements FrameListener {
    private final int node;
    private final int source;
    private final int unlockRegister;
    private final Consumer<Integer> errorAck;
    private final Consumer<Integer> state;
    private volatile long lastFrameNanos = System.nanoTime();

    BmsReplies(int node, int source, int unlockRegister, Consumer<Integer> errorAck, Consumer<Integer> state) {
        this.node = node;
        this.source = source;
        this.unlockRegister = unlockRegister;
        this.errorAck = errorAck;
        this.state = state;
    }

    @Override
    public void onFrame(CanFrame f) {
        if (f.direction() != Direction.RX) {
            return;
        }
        lastFrameNanos = System.nanoTime();
        if (!f.extended() || (f.id() & 0xFF) != node || !VregCodec.isVreg(f)) {
            return;
        }
        DecodedMessage m;
        try {
            m = VregCodec.INSTANCE.decode(f);
        } catch (MalformedFrameException e) {
            return;
        }
        if (m == null || m.register() == null) {
            return;
        }
        if (VregCodec.ACK.equals(m.message())) {
            int to = m.destination() == null ? VregCodec.BROADCAST : m.destination();
            if (m.register() == unlockRegister && (to == source || to == VregCodec.BROADCAST) && m.code() != null
                    && (m.code() & 0x8000) != 0) {
                errorAck.accept(m.code());
            }
        } else if (VregCodec.VALUE.equals(m.message()) && m.register() == MgMasterLv.REG_BMS_STATE
                && m.signals().get("bms.state") instanceof Number n) {
            state.accept(n.intValue());
        }
    }

    /** Nanoseconds since the BMS's last frame. */
    long silentNanos() {
        return System.nanoTime() - lastFrameNanos;
    }
}
